import type { EntityManager } from 'typeorm';
import { BOOKING_SQL } from './booking.sql.js';

/** Appends one state change of a booking to its history (booking_event): who, when, what. */
export async function recordBookingEvent(
  manager: EntityManager,
  event: { bookingId: string; at: Date; actor: string; action: string; detail: Record<string, unknown> },
): Promise<void> {
  await manager.query(BOOKING_SQL.insertEvent, [
    event.bookingId,
    event.at,
    event.actor,
    event.action,
    JSON.stringify(event.detail),
  ]);
}
