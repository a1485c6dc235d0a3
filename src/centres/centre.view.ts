import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { WitnessPolicy } from './centre.entity.js';

export class AppointmentTypeView {
  @ApiProperty() code: string;
  @ApiProperty({ description: 'in Danish' }) name: string;
  @ApiProperty({ type: String, nullable: true, description: 'in English' }) nameEn: string | null;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ description: 'MitID High: two staff, two desks per booking' }) highAssurance: boolean;
}

export class PublicCentreView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty() municipality: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: [AppointmentTypeView] }) appointmentTypes: AppointmentTypeView[];
}

export class WeeklyHoursView {
  @ApiProperty() weekday: number;
  @ApiProperty() opens: string;
  @ApiProperty() closes: string;
  @ApiProperty() desks: number;
}

export class ClosureView {
  @ApiProperty() id: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiPropertyOptional({ type: String, nullable: true }) startTime: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) endTime: string | null;
  @ApiProperty() reason: string;
}

export class CentreView extends PublicCentreView {
  @ApiProperty() active: boolean;
  @ApiProperty({ enum: ['recommend', 'require'] }) witnessPolicy: WitnessPolicy;
  @ApiProperty() offersHighAssurance: boolean;
  @ApiProperty() slotMinutes: number;
  @ApiProperty() bookingHorizonDays: number;
  @ApiProperty() minNoticeHours: number;
  @ApiProperty() cancellationCutoffHours: number;
  @ApiPropertyOptional({ type: String, nullable: true }) contactEmail: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) contactPhone: string | null;
  @ApiProperty() openOnConstitutionDay: boolean;
  @ApiProperty() openOnChristmasEve: boolean;
  @ApiProperty() openOnNewYearsEve: boolean;
  @ApiProperty({ type: [WeeklyHoursView] }) openingHours: WeeklyHoursView[];
}
