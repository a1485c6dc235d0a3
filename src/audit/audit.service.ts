import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/index.js';
import { Clock } from '../common/clock.js';
import { isUuid } from '../common/validators.js';
import { inTransaction } from '../database/transaction.js';
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

export interface AuditedBooking {
  id: string;
  reference: string;
  centreId: string;
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

  /**
   * A booking's trail, read by an administrator: the read is itself recorded (`audit.booking_trail_read`, the booking
   * in its detail, not as its booking) so that who looked is known and reading a trail never changes it.
   */
  async forBooking(bookingId: string, reader: AuthUser): Promise<AuditView[]> {
    return inTransaction(this.dataSource, async (manager) => {
      const [booking] = isUuid(bookingId)
        ? await manager.query<{ centre_id: string }[]>(AUDIT_SQL.bookingCentre, [bookingId])
        : [];
      if (!booking) throw AuditError.notFound();
      const records = await manager.find(AuditRecord, {
        where: { bookingId },
        order: { at: 'ASC', id: 'ASC' },
      });
      await this.record(manager, reader, [
        { action: 'audit.booking_trail_read', centreId: booking.centre_id, detail: { bookingId } },
      ]);
      return records.map((record) => this.view(record));
    });
  }

  /** A booking's id, reference and centre by its reference or id, for looking up its trail; null when unknown. */
  async findBooking(by: { reference: string } | { id: string }): Promise<AuditedBooking | null> {
    if ('id' in by && !isUuid(by.id)) return null;
    const [row] = await this.dataSource.query<{ id: string; reference: string; centre_id: string }[]>(
      'id' in by ? AUDIT_SQL.bookingById : AUDIT_SQL.bookingByReference,
      ['id' in by ? by.id : by.reference],
    );
    return row ? { id: row.id, reference: row.reference, centreId: row.centre_id } : null;
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
