import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/index.js';
import { Clock } from '../common/clock.js';
import { isUuid } from '../common/validators.js';
import { AuditError } from './audit.error.js';
import { AuditRecord } from './audit-record.entity.js';
import type { AuditView } from './audit.view.js';
import { AUDIT_SQL } from './audit.sql.js';

export interface AuditEntry {
  action: string;
  bookingId?: string | null;
  centreId?: string | null;
  detail?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Written in the caller's transaction, so an action and its record stand or fall together. */
  async record(manager: EntityManager, user: AuthUser, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const at = this.clock.now().toJSDate();
    await manager.query(AUDIT_SQL.insertEntries, [
      at,
      user.id,
      JSON.stringify(
        entries.map((entry) => ({
          action: entry.action,
          booking_id: entry.bookingId ?? null,
          centre_id: entry.centreId ?? null,
          detail: entry.detail ?? {},
        })),
      ),
    ]);
  }

  /** What administrators did to one account (entries whose detail names it as `userId`), oldest first. */
  async aboutUser(manager: EntityManager, userId: string): Promise<AuditView[]> {
    const records = await manager
      .createQueryBuilder(AuditRecord, 'record')
      .where(`record.detail ->> 'userId' = :userId`, { userId })
      .orderBy('record.at', 'ASC')
      .addOrderBy('record.id', 'ASC')
      .getMany();
    return records.map((record) => this.view(record));
  }

  async forBooking(bookingId: string): Promise<AuditView[]> {
    const known = isUuid(bookingId)
      ? await this.dataSource.query<unknown[]>(AUDIT_SQL.bookingExists, [bookingId])
      : [];
    if (known.length === 0) throw AuditError.notFound();
    const records = await this.dataSource.manager.find(AuditRecord, {
      where: { bookingId },
      order: { at: 'ASC', id: 'ASC' },
    });
    return records.map((record) => this.view(record));
  }

  private view(record: AuditRecord): AuditView {
    return {
      at: record.at.toISOString(),
      userId: record.userId,
      action: record.action,
      bookingId: record.bookingId,
      centreId: record.centreId,
      detail: record.detail,
    };
  }
}
