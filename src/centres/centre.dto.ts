import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsTimeZone,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsClockTime, IsLocalDate, Omittable } from '../common/validators.js';
import type { WitnessPolicy } from './centre.entity.js';

export const SLOT_MINUTES = [5, 10, 15, 20, 30, 60];

export class CreateCentreDto {
  @ApiProperty({ example: 'Borgerservice Aarhus' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Hack Kampmanns Plads 2, 8000 Aarhus C' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  address: string;

  @ApiProperty({ example: 'Aarhus' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  municipality: string;

  @ApiPropertyOptional({ default: 'Europe/Copenhagen' })
  @Omittable()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ enum: ['recommend', 'require'], default: 'recommend' })
  @Omittable()
  @IsIn(['recommend', 'require'])
  witnessPolicy?: WitnessPolicy;

  @ApiProperty({ enum: SLOT_MINUTES })
  @IsInt()
  @IsIn(SLOT_MINUTES)
  slotMinutes: number;

  @ApiProperty({ minimum: 1, maximum: 366 })
  @IsInt()
  @Min(1)
  @Max(366)
  bookingHorizonDays: number;

  @ApiProperty({ minimum: 0, maximum: 720 })
  @IsInt()
  @Min(0)
  @Max(720)
  minNoticeHours: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 720, default: 0 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(720)
  cancellationCutoffHours?: number;

  @ApiPropertyOptional({ default: false, description: 'offers MitID High (longer appointments, two staff)' })
  @Omittable()
  @IsBoolean()
  offersHighAssurance?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;

  @ApiPropertyOptional({ example: '+45 89 40 20 00' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'must be a phone number' })
  contactPhone?: string;

  @ApiPropertyOptional({ default: false, description: '5 June' })
  @Omittable()
  @IsBoolean()
  openOnConstitutionDay?: boolean;

  @ApiPropertyOptional({ default: false, description: '24 December' })
  @Omittable()
  @IsBoolean()
  openOnChristmasEve?: boolean;

  @ApiPropertyOptional({ default: false, description: '31 December' })
  @Omittable()
  @IsBoolean()
  openOnNewYearsEve?: boolean;
}

export class UpdateCentreDto extends PartialType(CreateCentreDto, { skipNullProperties: false }) {
  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  active?: boolean;
}

export class AppointmentTypeDto {
  @ApiProperty({ example: 'MITID_NEW', pattern: '^[A-Z][A-Z0-9_]{1,39}$' })
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, {
    message: 'must be 2-40 capitals, digits or _, starting with a letter',
  })
  code: string;

  @ApiProperty({ example: 'Ny MitID', description: 'in Danish' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'New MitID',
    description: 'in English, for English e-mails (without it they use name)',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  nameEn?: string | null;

  @ApiProperty({ example: 20, description: 'a multiple of the centre slotMinutes' })
  @IsInt()
  @Min(5)
  @Max(480)
  durationMinutes: number;

  @ApiPropertyOptional({
    default: false,
    description:
      'MitID High: two staff, so each booking holds two desks; only at a centre that offersHighAssurance',
  })
  @Omittable()
  @IsBoolean()
  highAssurance?: boolean;
}

export class WeeklyHoursDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  @ApiProperty({ example: '09:00' })
  @IsClockTime()
  opens: string;

  @ApiProperty({ example: '15:00' })
  @IsClockTime()
  closes: string;

  @ApiProperty({ minimum: 1, maximum: 100 })
  @IsInt()
  @Min(1)
  @Max(100)
  desks: number;
}

export class OpeningHoursDto {
  @ApiProperty({ type: [WeeklyHoursDto] })
  @IsArray()
  @ArrayMaxSize(70)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => WeeklyHoursDto)
  weekly: WeeklyHoursDto[];
}

export class CreateClosureDto {
  @ApiProperty({ example: '2027-02-01' })
  @IsLocalDate()
  from: string;

  @ApiProperty({ example: '2027-02-01' })
  @IsLocalDate()
  to: string;

  @ApiPropertyOptional({ example: '12:00', description: 'with endTime: close only this part of each day' })
  @Omittable()
  @IsClockTime()
  startTime?: string;

  @ApiPropertyOptional({ example: '15:00' })
  @Omittable()
  @IsClockTime()
  endTime?: string;

  @ApiProperty({ example: 'Staff training' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ConfirmQueryDto {
  @ApiPropertyOptional({ description: 'cancel the bookings that the change leaves without capacity' })
  @Omittable()
  @Transform(toBoolean)
  @IsBoolean()
  confirm?: boolean;
}
