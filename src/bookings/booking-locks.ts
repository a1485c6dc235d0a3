import type { EntityManager } from 'typeorm';
import { BOOKING_SQL } from './booking.sql.js';
import { Booking } from './booking.entity.js';

/**
 * The booking row locked for a change, after its centre row: the one lock order (centre, booking, cells) that
 * every writer takes, so that two changes wait for each other instead of deadlocking or undoing each other.
 */
export async function lockForChange(manager: EntityManager, bookingId: string): Promise<Booking | null> {
  await manager.query(BOOKING_SQL.lockCentreOfBooking, [bookingId]);
  return manager.findOne(Booking, { where: { id: bookingId }, lock: { mode: 'pessimistic_write' } });
}
