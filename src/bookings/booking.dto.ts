import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { isInstant, IsLocalDate, Omittable } from '../common/validators.js';
import { DOCUMENT_TYPES, parseCpr } from '../identity/index.js';
import type { DocumentType, Language } from '../identity/index.js';

/** The message never repeats the value: it is a CPR number, or meant to be one. */
export const IsCprNumber = () =>
  ValidateBy({
    name: 'isCprNumber',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.length <= 20 && parseCpr(value).ok,
      // a date that does not exist is said as such; anything else is not in the form
      defaultMessage: (args) => {
        const value = args?.value as unknown;
        const parsed = typeof value === 'string' && value.length <= 20 ? parseCpr(value) : undefined;
        return parsed && !parsed.ok && parsed.reason.endsWith('does not exist')
          ? parsed.reason
          : 'must be a valid CPR number, DDMMYY-SSSS';
      },
    },
  });

/** An instant with an explicit offset, as the contract writes them: 2027-01-12T09:20:00+01:00. */
export const IsInstant = () =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: isInstant,
      defaultMessage: () => 'must be an ISO 8601 instant with an offset, e.g. 2027-01-12T09:20:00+01:00',
    },
  });

const PHONE = /^\+?[0-9 ()-]{6,20}$/;

export class ApplicantDto {
  @ApiProperty({ example: 'Maria Jensen' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ example: 'maria@example.dk' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+4512345678' })
  @IsOptional()
  @Matches(PHONE, { message: 'must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '010190-1234',
    description: 'absent (or null) for an applicant without a CPR number',
  })
  @IsOptional()
  @IsCprNumber()
  cprNumber?: string | null;

  @ApiProperty({ example: 'DK', description: 'ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2()
  nationality: string;

  @ApiProperty({ example: 'DK', description: 'ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2()
  countryOfResidence: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2025-09-01' })
  @IsOptional()
  @IsLocalDate()
  arrivedInDenmarkOn?: string | null;

  @ApiPropertyOptional({ enum: ['da', 'en'], default: 'da' })
  @Omittable()
  @IsIn(['da', 'en'])
  language?: Language;
}

export class DocumentDto {
  @ApiProperty({ enum: DOCUMENT_TYPES })
  @IsIn(DOCUMENT_TYPES)
  type: DocumentType;
}

export class WitnessDto {
  @ApiProperty({ example: 'Peter Hansen' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ example: '020285-1234' })
  @IsCprNumber()
  cprNumber: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+4587654321' })
  @IsOptional()
  @Matches(PHONE, { message: 'must be a phone number' })
  phone?: string | null;
}

export class CreateBookingDto {
  @ApiProperty()
  @IsUUID('all')
  centreId: string;

  @ApiProperty({ example: 'MITID_NEW' })
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'must be an appointment type code' })
  appointmentType: string;

  @ApiProperty({ example: '2027-01-12T09:20:00+01:00' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ type: ApplicantDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant: ApplicantDto;

  @ApiProperty({ type: [DocumentDto] })
  @IsArray()
  @ArrayMaxSize(15)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DocumentDto)
  documents: DocumentDto[];

  @ApiPropertyOptional({ type: WitnessDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WitnessDto)
  witness?: WitnessDto | null;
}

export class RescheduleDto {
  @ApiProperty({ example: '2027-01-13T10:00:00+01:00' })
  @IsInstant()
  startsAt: string;
}
