import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { WITNESS_WINDOW_DAYS } from '../identity/index.js';

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
      const [erased] = await manager.query<[{ id: string }[], number]>(
        `UPDATE booking SET applicant_encrypted = NULL, witness_encrypted = NULL, manage_token_encrypted = NULL,
                cpr_hash = NULL, witness_cpr_hash = NULL, person_key = 'erased:' || id, arrived_in_denmark_on = NULL,
                personal_data_erased_at = $1
         WHERE personal_data_erased_at IS NULL AND status IN ('completed', 'cancelled', 'no_show') AND ends_at < $2
         RETURNING id`,
        [now.toJSDate(), cutoff],
      );
      const ids = erased.map((row) => row.id);
      await manager.query(
        `UPDATE identity_check SET person_key = 'erased' WHERE booking_id = ANY($1::uuid[])`,
        [ids],
      );
      const [, witnessHashesCleared] = await manager.query<[unknown, number]>(
        'UPDATE identity_check SET witness_cpr_hash = NULL WHERE witness_cpr_hash IS NOT NULL AND at < $1',
        [now.minus({ days: WITNESS_WINDOW_DAYS + 1 }).toJSDate()],
      );
      const [, messagesDeleted] = await manager.query<[unknown, number]>(
        `DELETE FROM outbox_message WHERE status <> 'pending'
           AND (booking_id IN (SELECT id FROM booking WHERE personal_data_erased_at IS NOT NULL) OR created_at < $1)`,
        [cutoff],
      );
      const [, idempotencyRecordsDeleted] = await manager.query<[unknown, number]>(
        'DELETE FROM idempotency_record WHERE created_at < $1',
        [now.minus({ hours: 24 }).toJSDate()],
      );
      return { bookingsErased: ids.length, witnessHashesCleared, messagesDeleted, idempotencyRecordsDeleted };
    });
  }
}
