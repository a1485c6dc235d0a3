import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsLocalDate } from '../common/validators.js';

export class AvailabilityQueryDto {
  @ApiProperty({ example: '2027-01-11' })
  @IsLocalDate()
  from: string;

  @ApiProperty({ example: '2027-02-07', description: 'at most 93 days after from, inclusive' })
  @IsLocalDate()
  to: string;

  @ApiProperty({ example: 'MITID_NEW', description: 'appointment type code' })
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'must be an appointment type code' })
  type: string;
}

export class SlotView {
  @ApiProperty({ example: '2027-01-12T09:20:00+01:00' }) startsAt: string;
  @ApiProperty({ example: '2027-01-12T09:40:00+01:00' }) endsAt: string;
  @ApiProperty() remaining: number;
}

export class DayView {
  @ApiProperty({ example: '2027-01-12' }) date: string;
  @ApiProperty({ type: [SlotView] }) slots: SlotView[];
  @ApiPropertyOptional() closedReason?: string;
}

export class AvailabilityView {
  @ApiProperty() centreId: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() appointmentType: { code: string; name: string; durationMinutes: number };
  @ApiProperty({ type: [DayView] }) days: DayView[];
}
