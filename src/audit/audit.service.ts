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

  async forBooking(bookingId: string): Promise<AuditView[]> {
    const known = isUuid(bookingId)
      ? await this.dataSource.query<unknown[]>(AUDIT_SQL.bookingExists, [bookingId])
      : [];
    if (known.length === 0) throw AuditError.notFound();
    const records = await this.dataSource.manager.find(AuditRecord, {
      where: { bookingId },
      order: { at: 'ASC', id: 'ASC' },
    });
    return records.map((record) => ({
      at: record.at.toISOString(),
      userId: record.userId,
      action: record.action,
      bookingId: record.bookingId,
      centreId: record.centreId,
      detail: record.detail,
    }));
  }
}
