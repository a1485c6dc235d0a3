import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { localDate } from '../calendar/index.js';
import { QueueTicket } from './queue-ticket.entity.js';

/** Queue numbers as the desk's own transactions give them out and retire them. */
@Injectable()
export class QueueTickets {
  /** The next number of the centre's local day, taken in the check-in's transaction. */
  async issue(
    manager: EntityManager,
    booking: { id: string; centreId: string },
    timeZone: string,
    at: Date,
  ): Promise<number> {
    const day = localDate(timeZone, at.getTime());
    // The upsert takes the day's row lock, so two check-ins never read the same last number.
    const [{ last_number: number }] = await manager.query<{ last_number: number }[]>(
      `INSERT INTO queue_day (centre_id, local_date, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (centre_id, local_date) DO UPDATE SET last_number = queue_day.last_number + 1
       RETURNING last_number`,
      [booking.centreId, day],
    );
    await manager.insert(QueueTicket, {
      bookingId: booking.id,
      centreId: booking.centreId,
      localDate: day,
      number,
      checkedInAt: at,
    });
    return number;
  }

  /** Completed or a no-show: no longer waiting and never called next. */
  async served(manager: EntityManager, bookingId: string, at: Date): Promise<void> {
    await manager.query(
      'UPDATE queue_ticket SET served_at = $2 WHERE booking_id = $1 AND served_at IS NULL',
      [bookingId, at],
    );
  }

  async numbers(manager: EntityManager, bookingIds: string[]): Promise<Map<string, number>> {
    if (bookingIds.length === 0) return new Map();
    const tickets = await manager.find(QueueTicket, {
      where: { bookingId: In(bookingIds) },
      select: { bookingId: true, number: true },
    });
    return new Map(tickets.map((ticket) => [ticket.bookingId, ticket.number]));
  }
}
