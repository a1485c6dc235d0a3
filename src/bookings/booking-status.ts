import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CapacityLedger } from '../capacity/index.js';
import { Clock } from '../common/clock.js';
import type { CancelReasonCode } from '../notifications/index.js';
import { recordBookingEvent } from './booking-event.js';
import { BookingAction, startOf, transition } from './booking-lifecycle.js';
import { BookingMail } from './booking-mail.js';
import { BOOKING_SQL } from './booking.sql.js';
import { Booking, BookingStatus } from './booking.entity.js';
import { BookingError, BookingErrorCode } from './booking.error.js';

/** Why a centre cancels: one of the system's reasons, or what an administrator typed. */
export type CancelReason = { code: CancelReasonCode } | { text: string };

const UNFINISHED_REASON = 'Closed automatically: checked in but never completed at the desk';

/**
 * The one writer of booking status: every change goes through the lifecycle table, and only from the status
 * that was read (a conditional UPDATE), so two writers can never both move a booking on.
 */
@Injectable()
export class BookingStatusWriter {
  constructor(
    private readonly capacity: CapacityLedger,
    private readonly mail: BookingMail,
    private readonly clock: Clock,
  ) {}

  /** The status `action` leads to from the booking's, or the lifecycle's refusal (409). */
  next(booking: Booking, action: BookingAction): BookingStatus {
    const result = transition(booking.status, action);
    if (!result.ok) throw new BookingError(BookingErrorCode.WrongState, result.refusal);
    return result.next;
  }

  /** Moves a locked booking on by a desk action, with the other columns the action sets. */
  async apply(
    manager: EntityManager,
    booking: Booking,
    action: 'check_in' | 'complete' | 'no_show',
    changes: Partial<Pick<Booking, 'outcome' | 'outcomeReason'>> = {},
  ): Promise<Booking> {
    const status = this.next(booking, action);
    await this.update(manager, booking, action, { ...changes, status });
    return { ...booking, ...changes, status };
  }

  /** Cancels in the caller's transaction: gives the desks back, records who did it and why, and e-mails. */
  async cancel(
    manager: EntityManager,
    booking: Booking,
    by: 'citizen' | 'centre',
    actor: string,
    reason: CancelReason | null,
  ): Promise<Booking> {
    const action = by === 'citizen' ? 'citizen_cancel' : 'centre_cancel';
    const changes = {
      status: this.next(booking, action),
      cancelledBy: by,
      cancelReasonCode: reason && 'code' in reason ? reason.code : null,
      cancelReason: reason && 'text' in reason ? reason.text : null,
    };
    await this.update(manager, booking, action, changes);
    // Only a booking that was still booked reaches here, so its desks are given back exactly once.
    await this.capacity.release(manager, booking.centreId, booking.cellStarts, booking.desksNeeded);
    const why = changes.cancelReasonCode ?? changes.cancelReason;
    await this.record(manager, booking.id, actor, 'cancelled', { by, reason: why });
    const cancelled = { ...booking, ...changes };
    await this.mail.enqueue(
      manager,
      cancelled,
      by === 'citizen' ? 'cancelled_by_citizen' : 'cancelled_by_centre',
    );
    return cancelled;
  }

  /**
   * After the local day of their appointment: bookings still booked were not attended (no-shows), and ones
   * checked in but never completed are closed, so that the person is not held as active forever.
   */
  async sweepEnded(manager: EntityManager): Promise<{ noShows: number; closed: number }> {
    const now = this.clock.now().toJSDate();
    const sweep = async (action: BookingAction, sql: string, extra: unknown[], event: string) => {
      const from = startOf(action);
      const to = transition(from, action);
      if (!to.ok) throw new Error(`the lifecycle has no ${action}`);
      // TypeORM answers an UPDATE with [rows, count]
      const [rows] = await manager.query<[{ id: string }[], number]>(sql, [now, from, to.next, ...extra]);
      for (const { id } of rows) await this.record(manager, id, 'system', event, { automatic: true });
      return rows.length;
    };
    const noShows = await sweep('sweep_no_show', BOOKING_SQL.sweepEnded, [], 'no_show');
    const closed = await sweep(
      'sweep_close_unfinished',
      BOOKING_SQL.sweepEndedUnfinished,
      [UNFINISHED_REASON],
      'closed_unfinished',
    );
    return { noShows, closed };
  }

  async record(
    manager: EntityManager,
    bookingId: string,
    actor: string,
    action: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await recordBookingEvent(manager, { bookingId, at: this.clock.now().toJSDate(), actor, action, detail });
  }

  private async update(
    manager: EntityManager,
    booking: Booking,
    action: BookingAction,
    changes: Partial<Booking>,
  ): Promise<void> {
    const { affected } = await manager.update(Booking, { id: booking.id, status: booking.status }, changes);
    // Callers hold the booking row locked, so this is only another writer that got there first.
    if (!affected) {
      throw new BookingError(
        BookingErrorCode.WrongState,
        'The booking was changed meanwhile; look at it again',
      );
    }
  }
}
