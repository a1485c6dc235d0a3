import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorBodyView } from '../common/api-errors.js';

export class AffectedBookingView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'K7MQ-4X9T' }) reference: string;
  @ApiProperty({ example: '2027-01-12T09:20:00+01:00' }) startsAt: string;
  @ApiProperty({ example: 'booked' }) status: string;
}

/** The 409 of a calendar change that hits booked times: which, so that the administrator can confirm it. */
export class CalendarConflictBodyView extends ErrorBodyView {
  @ApiPropertyOptional({
    type: [AffectedBookingView],
    description: 'the booked times the change would cancel; repeat it with ?confirm=true to cancel them',
  })
  affectedBookings?: AffectedBookingView[];
}
