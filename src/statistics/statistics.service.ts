import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { OUTCOMES, Outcome } from '../bookings/index.js';
import { InputError } from '../common/domain-error.js';
import { CentresService } from '../centres/index.js';
import type { CentreStatistics } from './statistics.view.js';
import { STATISTICS_SQL } from './statistics.sql.js';

interface Row {
  booked: number;
  cancelled_citizen: number;
  cancelled_centre: number;
  no_shows: number;
  flagged: number;
  came: number;
  came_with_witness: number;
  outcomes: Record<string, number> | null;
}

/** Counts from columns that retention keeps (status, outcome, advice flags), never from personal data. */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly centres: CentresService,
  ) {}

  async forCentre(centreId: string, from: string, to: string): Promise<CentreStatistics> {
    if (from > to) throw InputError.field('to', 'must not be before from');
    const { centre } = await this.centres.rulesFor(this.dataSource.manager, centreId, {
      includeInactive: true,
    });
    const start = DateTime.fromISO(from, { zone: centre.timeZone }).startOf('day').toJSDate();
    const end = DateTime.fromISO(to, { zone: centre.timeZone }).plus({ days: 1 }).startOf('day').toJSDate();
    const [row] = await this.dataSource.query<Row[]>(STATISTICS_SQL.centreFigures, [centreId, start, end]);
    const byOutcome = Object.fromEntries(
      OUTCOMES.map((outcome) => [outcome, row.outcomes?.[outcome] ?? 0]),
    ) as Record<Outcome, number>;
    const share = (part: number, whole: number) =>
      whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
    return {
      centreId,
      from,
      to,
      booked: row.booked,
      cancelled: {
        total: row.cancelled_citizen + row.cancelled_centre,
        byCitizen: row.cancelled_citizen,
        byCentre: row.cancelled_centre,
      },
      noShows: row.no_shows,
      completed: { total: Object.values(byOutcome).reduce((a, b) => a + b, 0), byOutcome },
      flaggedShare: share(row.flagged, row.booked),
      withWitnessShare: share(row.came_with_witness, row.came),
    };
  }
}
