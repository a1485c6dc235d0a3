import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
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

  @ApiPropertyOptional({
    enum: ['da', 'en'],
    description: "the language of a closed day's text; Danish unless said",
  })
  @IsOptional()
  @IsIn(['da', 'en'])
  lang?: 'da' | 'en';
}

export class SlotView {
  @ApiProperty({ example: '2027-01-12T09:20:00+01:00' }) startsAt: string;
  @ApiProperty({ example: '2027-01-12T09:40:00+01:00' }) endsAt: string;
  @ApiProperty() remaining: number;
}

export class ClosedReasonTextsView {
  @ApiProperty({ description: 'in the language asked for (lang), Danish unless said' }) text: string;
  @ApiProperty() textDa: string;
  @ApiProperty() textEn: string;
}

export class DayView {
  @ApiProperty({ example: '2027-01-12' }) date: string;
  @ApiProperty({ type: [SlotView] }) slots: SlotView[];
  @ApiPropertyOptional({ description: 'Danish, or as the administrator typed it' }) closedReason?: string;
  @ApiPropertyOptional({ type: ClosedReasonTextsView, description: 'beside every closedReason' })
  closedReasonTexts?: ClosedReasonTextsView;
}

export class AvailabilityTypeView {
  @ApiProperty({ example: 'MITID_NEW' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ description: 'takes two desks' }) highAssurance: boolean;
}

export class AvailabilityView {
  @ApiProperty() centreId: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: AvailabilityTypeView }) appointmentType: AvailabilityTypeView;
  @ApiProperty({ type: [DayView] }) days: DayView[];
}
