import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCprNumber, OUTCOMES } from '../bookings/index.js';
import type { Outcome } from '../bookings/index.js';
import { IsLocalDate } from '../common/validators.js';
import { CONTROL_QUESTION_OUTCOMES, DOCUMENT_TYPES } from '../identity/index.js';
import type { ControlQuestions, DocumentType } from '../identity/index.js';

export class DayQueryDto {
  @ApiProperty({ example: '2027-01-12' })
  @IsLocalDate()
  date: string;
}

export class ShownDocumentDto {
  @ApiProperty({ enum: DOCUMENT_TYPES })
  @IsIn(DOCUMENT_TYPES)
  type: DocumentType;

  @ApiProperty({
    description: 'original, valid, not temporary; for a foreign driving licence: staff accept it',
  })
  @IsBoolean()
  valid: boolean;
}

export class WitnessCheckDto {
  @ApiProperty({ example: '020285-1234' })
  @IsCprNumber()
  cprNumber: string;

  @ApiProperty()
  @IsBoolean()
  present: boolean;

  @ApiPropertyOptional({
    enum: DOCUMENT_TYPES,
    nullable: true,
    description: 'the photo ID the witness showed',
  })
  @IsOptional()
  @IsIn(DOCUMENT_TYPES)
  idDocumentType?: DocumentType | null;

  @ApiPropertyOptional({
    enum: DOCUMENT_TYPES,
    nullable: true,
    description:
      'with a photo ID that shows no CPR number (foreign passport or ID card, a permit or passport without CPR, a municipal ID card): the document the witness showed that does (health insurance card, residence certificate, tax statement, benefit payment proof)',
  })
  @IsOptional()
  @IsIn(DOCUMENT_TYPES)
  cprDocumentType?: DocumentType | null;

  @ApiProperty({ description: 'the witness has held MitID for more than the configured number of days (30)' })
  @IsBoolean()
  mitidOver30Days: boolean;
}

export class IdentityCheckDto {
  @ApiProperty({ type: [ShownDocumentDto] })
  @IsArray()
  @ArrayMaxSize(15)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ShownDocumentDto)
  documents: ShownDocumentDto[];

  @ApiPropertyOptional({ type: WitnessCheckDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WitnessCheckDto)
  witness?: WitnessCheckDto | null;

  @ApiProperty({ enum: CONTROL_QUESTION_OUTCOMES })
  @IsIn(CONTROL_QUESTION_OUTCOMES)
  controlQuestions: ControlQuestions;
}

export class CompleteDto {
  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome: Outcome;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    minLength: 1,
    maxLength: 1000,
    description: 'required when the outcome is refused',
  })
  @ValidateIf(
    (dto: CompleteDto) => dto.outcome === 'refused' || (dto.reason !== undefined && dto.reason !== null),
  )
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason?: string | null;
}
