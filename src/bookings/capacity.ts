import { EntityManager } from 'typeorm';
import type { Cell } from '../availability/calendar-rules.js';
import { driverCode } from '../database/transaction.js';
import { BookingError, BookingErrorCode } from './booking.error.js';
import { NEW_BOOKING_SQL } from './new-booking.sql.js';

/**
 * Takes one desk in each cell, or none: missing cell rows are created and existing ones locked and raised in time
 * order (so two bookings over overlapping cells cannot deadlock); the CHECK (booked <= desks) on slot_capacity
 * refuses a full cell, and with it the caller's whole transaction.
 */
export async function takeCells(manager: EntityManager, centreId: string, cells: Cell[]): Promise<Date[]> {
  const ordered = [...cells].sort((a, b) => a.startsAt.toMillis() - b.startsAt.toMillis());
  const starts = ordered.map((cell) => cell.startsAt.toJSDate());
  try {
    await manager.query(NEW_BOOKING_SQL.takeCells, [centreId, starts, ordered.map((cell) => cell.desks)]);
  } catch (error) {
    const { code, constraint } = driverCode(error);
    if (code === '23514' && constraint === 'ck_slot_capacity_booked') {
      throw new BookingError(BookingErrorCode.SlotFull, 'This time is fully booked; choose another time');
    }
    throw error;
  }
  return starts;
}

export async function releaseCells(
  manager: EntityManager,
  centreId: string,
  cellStarts: Date[],
): Promise<void> {
  await manager.query(
    `UPDATE slot_capacity SET booked = booked - 1 WHERE (centre_id, starts_at) IN (
       SELECT centre_id, starts_at FROM slot_capacity WHERE centre_id = $1 AND starts_at = ANY($2::timestamptz[])
       ORDER BY starts_at FOR UPDATE)`,
    [centreId, cellStarts],
  );
}
