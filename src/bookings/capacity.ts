import { EntityManager } from 'typeorm';
import type { Cell } from '../availability/calendar-rules.js';
import { BookingError, BookingErrorCode } from './booking.error.js';
import { NEW_BOOKING_SQL } from './new-booking.sql.js';

/**
 * Takes one desk in each cell, or none: missing cell rows are created and existing ones locked and raised in time
 * order (so two bookings over overlapping cells cannot deadlock). When a cell is full the caller's transaction is
 * refused (and rolled back); the CHECK (booked <= desks) on slot_capacity is the last word whatever happens here.
 */
export async function takeCells(manager: EntityManager, centreId: string, cells: Cell[]): Promise<Date[]> {
  const ordered = [...cells].sort((a, b) => a.startsAt.toMillis() - b.startsAt.toMillis());
  const starts = ordered.map((cell) => cell.startsAt.toJSDate());
  const taken = await manager.query<unknown[]>(NEW_BOOKING_SQL.takeCells, [
    centreId,
    starts,
    ordered.map((cell) => cell.desks),
  ]);
  if (taken.length !== starts.length) {
    throw new BookingError(BookingErrorCode.SlotFull, 'This time is fully booked; choose another time');
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
