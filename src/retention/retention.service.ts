import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { WITNESS_WINDOW_DAYS } from '../identity/index.js';
import { RETENTION_SQL } from './retention.sql.js';

export interface RetentionRun {
  bookingsErased: number;
  witnessHashesCleared: number;
  messagesDeleted: number;
  idempotencyRecordsDeleted: number;
}

/**
 * Personal data does not outstay its purpose (README "Personal data and retention"). Appointments that ended
 * more than RETENTION_DAYS ago lose everything personal; the columns statistics count (status, outcome, advice,
 * witness verified or not) stay. Witness hashes go once the 120-day rule can no longer need them.
 */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async run(): Promise<RetentionRun> {
    const now = this.clock.now();
    const cutoff = now.minus({ days: this.config.retentionDays }).toJSDate();
    return this.dataSource.transaction(async (manager) => {
      // TypeORM answers an UPDATE or DELETE with [rows, count]
      const [erased] = await manager.query<[{ id: string }[], number]>(RETENTION_SQL.eraseEndedBookings, [
        now.toJSDate(),
        cutoff,
      ]);
      const ids = erased.map((row) => row.id);
      await manager.query(RETENTION_SQL.eraseChecksOf, [ids]);
      const [, witnessHashesCleared] = await manager.query<[unknown, number]>(
        RETENTION_SQL.clearOldWitnessHashes,
        [now.minus({ days: WITNESS_WINDOW_DAYS + 1 }).toJSDate()],
      );
      const [, messagesDeleted] = await manager.query<[unknown, number]>(RETENTION_SQL.deleteEndedMessages, [
        cutoff,
        ids,
      ]);
      const [, idempotencyRecordsDeleted] = await manager.query<[unknown, number]>(
        RETENTION_SQL.deleteOldIdempotencyRecords,
        [now.minus({ hours: 24 }).toJSDate()],
      );
      return { bookingsErased: ids.length, witnessHashesCleared, messagesDeleted, idempotencyRecordsDeleted };
    });
  }
}
