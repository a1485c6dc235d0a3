import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import { canActFor } from '../auth/index.js';
import type { AuthUser } from '../auth/index.js';
import { formatInZone, localDate } from '../calendar/index.js';
import { CalendarError, CentresService, findCentre } from '../centres/index.js';
import type { Centre } from '../centres/index.js';
import { Clock } from '../common/clock.js';
import { isUuid } from '../common/validators.js';
import { inTransaction } from '../database/transaction.js';
import { QueueFeed } from './queue-feed.js';
import { QueueError, QueueErrorCode } from './queue.error.js';
import type { DisplayView, QueueCallView } from './queue.view.js';

/** A queue ticket as the desk pages show it beside an appointment. */
export interface QueueTicketState {
  number: number;
  desk: string | null;
  /** In the centre's zone, with its offset; null: not called yet. */
  calledAt: string | null;
  calls: number;
}

/** What the waiting-room page shows: the centre by name, its clock, the calls as the API's display has them. */
export interface DisplayScreen extends DisplayView {
  centreName: string;
  timeZone: string;
  now: string;
}

interface CalledRow {
  booking_id: string;
  number: number;
  desk: string;
  called_at: Date;
  calls: number;
}

/** Calling applicants from the queue to a desk, and what the waiting-room screen shows of it. */
@Injectable()
export class QueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly centres: CentresService,
    private readonly audit: AuditService,
    private readonly feed: QueueFeed,
    private readonly clock: Clock,
  ) {}

  /** The earliest checked-in applicant nobody has called yet; two clerks at once get two different people. */
  async callNext(centreId: string, desk: string, user: AuthUser): Promise<QueueCallView> {
    this.centres.assertAccess(user, centreId);
    return this.call(
      async (manager, now) => {
        const centre = await this.centre(manager, centreId);
        // SKIP LOCKED: a ticket another clerk is calling right now is theirs; take the next one.
        const [next] = await manager.query<{ booking_id: string }[]>(
          `SELECT t.booking_id FROM queue_ticket t JOIN booking b ON b.id = t.booking_id
         WHERE t.centre_id = $1 AND t.local_date = $2 AND t.called_at IS NULL AND t.served_at IS NULL
           AND b.status = 'checked_in'
         ORDER BY t.checked_in_at, t.number LIMIT 1 FOR UPDATE OF t SKIP LOCKED`,
          [centreId, localDate(centre.timeZone, now.getTime())],
        );
        if (!next) throw new QueueError(QueueErrorCode.NobodyWaiting, 'Nobody is waiting to be called');
        return { centre, bookingId: next.booking_id };
      },
      desk,
      user,
    );
  }

  /** A chosen applicant; calling one already called calls them again (a recall). */
  async callAppointment(id: string, desk: string, user: AuthUser): Promise<QueueCallView> {
    return this.call(
      async (manager) => {
        if (!isUuid(id)) throw QueueError.notFound();
        const [booking] = await manager.query<{ centre_id: string; status: string }[]>(
          'SELECT centre_id, status FROM booking WHERE id = $1',
          [id],
        );
        // Another centre's appointment answers exactly like one that does not exist, as at the desk.
        if (!booking || !canActFor(user, booking.centre_id)) throw QueueError.notFound();
        const [ticket] = await manager.query<{ served_at: Date | null }[]>(
          'SELECT served_at FROM queue_ticket WHERE booking_id = $1 FOR UPDATE',
          [id],
        );
        if (!ticket || ticket.served_at || booking.status !== 'checked_in') {
          throw new QueueError(
            QueueErrorCode.NotWaiting,
            'Only a checked-in applicant who is still waiting can be called',
          );
        }
        return { centre: await this.centre(manager, booking.centre_id), bookingId: id };
      },
      desk,
      user,
    );
  }

  async display(centreId: string, limit = 10): Promise<DisplayView> {
    const manager = this.dataSource.manager;
    const centre = await this.centre(manager, centreId);
    const day = localDate(centre.timeZone, this.clock.now().toMillis());
    const calls = await manager.query<{ number: number; desk: string; called_at: Date }[]>(
      `SELECT number, desk, called_at FROM queue_ticket
       WHERE centre_id = $1 AND local_date = $2 AND called_at IS NOT NULL
       ORDER BY called_at DESC, number DESC LIMIT $3`,
      [centreId, day, limit],
    );
    return {
      centreId: centre.id,
      calls: calls.map((call) => ({
        number: call.number,
        desk: call.desk,
        calledAt: formatInZone(centre.timeZone, call.called_at),
      })),
      waiting: await this.waiting(manager, centre.id, day),
    };
  }

  /** The display as the waiting-room page shows it (no personal data, as the API's display). */
  async screen(centreId: string, limit = 10): Promise<DisplayScreen> {
    const centre = await this.centre(this.dataSource.manager, centreId);
    return {
      ...(await this.display(centre.id, limit)),
      centreName: centre.name,
      timeZone: centre.timeZone,
      now: formatInZone(centre.timeZone, this.clock.now().toJSDate()),
    };
  }

  /** The tickets of appointments the caller may already see (the desk loaded them with its access checks). */
  async tickets(bookingIds: string[]): Promise<Map<string, QueueTicketState>> {
    if (bookingIds.length === 0) return new Map();
    const rows = await this.dataSource.query<
      {
        booking_id: string;
        number: number;
        desk: string | null;
        called_at: Date | null;
        calls: number;
        time_zone: string;
      }[]
    >(
      `SELECT t.booking_id, t.number, t.desk, t.called_at, t.calls, c.time_zone
       FROM queue_ticket t JOIN centre c ON c.id = t.centre_id WHERE t.booking_id = ANY($1::uuid[])`,
      [bookingIds],
    );
    return new Map(
      rows.map((row) => [
        row.booking_id,
        {
          number: row.number,
          desk: row.desk,
          calledAt: row.called_at ? formatInZone(row.time_zone, row.called_at) : null,
          calls: row.calls,
        },
      ]),
    );
  }

  /** Answers 404 for an unknown centre before a display's stream opens. */
  async assertCentre(centreId: string): Promise<void> {
    await this.centre(this.dataSource.manager, centreId);
  }

  private async call(
    pick: (manager: EntityManager, now: Date) => Promise<{ centre: Centre; bookingId: string }>,
    desk: string,
    user: AuthUser,
  ): Promise<QueueCallView> {
    const view = await inTransaction(this.dataSource, async (manager) => {
      const now = this.clock.now().toJSDate();
      const { centre, bookingId } = await pick(manager, now);
      const [[called]] = await manager.query<[CalledRow[], number]>(
        `UPDATE queue_ticket SET called_at = $2, desk = $3, calls = calls + 1 WHERE booking_id = $1
         RETURNING booking_id, number, desk, called_at, calls`,
        [bookingId, now, desk],
      );
      await this.audit.record(manager, user, [
        {
          action: 'queue.called',
          bookingId,
          centreId: centre.id,
          detail: { number: called.number, desk, calls: called.calls },
        },
      ]);
      const waiting = await this.waiting(manager, centre.id, localDate(centre.timeZone, now.getTime()));
      return {
        appointmentId: bookingId,
        number: called.number,
        desk: called.desk,
        calledAt: formatInZone(centre.timeZone, called.called_at),
        calls: called.calls,
        waiting,
        centreId: centre.id,
      };
    });
    const { centreId, ...callView } = view;
    await this.feed.publish({
      centreId,
      number: view.number,
      desk: view.desk,
      calledAt: view.calledAt,
      waiting: view.waiting,
    });
    return callView;
  }

  private async centre(manager: EntityManager, centreId: string): Promise<Centre> {
    const centre = isUuid(centreId) ? await findCentre(manager, centreId) : null;
    if (!centre) throw CalendarError.centreNotFound();
    return centre;
  }

  private async waiting(manager: EntityManager, centreId: string, day: string): Promise<number> {
    const [{ count }] = await manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM queue_ticket t JOIN booking b ON b.id = t.booking_id
       WHERE t.centre_id = $1 AND t.local_date = $2 AND t.called_at IS NULL AND t.served_at IS NULL
         AND b.status = 'checked_in'`,
      [centreId, day],
    );
    return count;
  }
}
