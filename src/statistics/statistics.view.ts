import { ApiProperty } from '@nestjs/swagger';
import type { Outcome } from '../bookings/index.js';

export class CancellationCountsView {
  @ApiProperty() total: number;
  @ApiProperty() byCitizen: number;
  @ApiProperty() byCentre: number;
}

export class CompletionCountsView {
  @ApiProperty() total: number;
  @ApiProperty({
    type: 'object',
    properties: {
      mitid_issued: { type: 'number' },
      p_code_issued: { type: 'number' },
      refused: { type: 'number' },
      rebook_with_witness: { type: 'number' },
    },
  })
  byOutcome: Record<Outcome, number>;
}

/** A centre's figures for appointments from `from` to `to` (local dates). */
export class CentreStatistics {
  @ApiProperty() centreId: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() booked: number;
  @ApiProperty({ type: CancellationCountsView }) cancelled: CancellationCountsView;
  @ApiProperty() noShows: number;
  @ApiProperty({ type: CompletionCountsView }) completed: CompletionCountsView;
  @ApiProperty({ description: 'share of bookings whose applicant raised at least one witness reason' })
  flaggedShare: number;
  @ApiProperty({ description: 'share of applicants who came whose witness was verified at the desk' })
  withWitnessShare: number;
}
