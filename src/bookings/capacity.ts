import { EntityManager } from 'typeorm';
import type { Cell } from '../availability/calendar-rules.js';
import { BookingError, BookingErrorCode } from './booking.error.js';

/**
 * Takes one desk in each cell, or none: cell rows are created when missing and locked in time order (so two
 * bookings over overlapping cells cannot deadlock), and the CHECK (booked <= desks) on slot_capacity is the
 * last word whatever happens here.
 */
export async function takeCells(manager: EntityManager, centreId: string, cells: Cell[]): Promise<Date[]> {
  const starts = cells.map((cell) => cell.startsAt.toJSDate()).sort((a, b) => a.getTime() - b.getTime());
  const desks = [...cells]
    .sort((a, b) => a.startsAt.toMillis() - b.startsAt.toMillis())
    .map((cell) => cell.desks);
  await manager.query(
    `INSERT INTO slot_capacity (centre_id, starts_at, desks, booked)
     SELECT $1, s, d, 0 FROM unnest($2::timestamptz[], $3::int[]) AS t(s, d) ORDER BY s
     ON CONFLICT (centre_id, starts_at) DO NOTHING`,
    [centreId, starts, desks],
  );
  const locked = await manager.query<{ booked: number; desks: number }[]>(
    `SELECT booked, desks FROM slot_capacity WHERE centre_id = $1 AND starts_at = ANY($2::timestamptz[])
     ORDER BY starts_at FOR UPDATE`,
    [centreId, starts],
  );
  if (locked.length !== starts.length || locked.some((cell) => cell.booked >= cell.desks)) {
    throw new BookingError(BookingErrorCode.SlotFull, 'This time is fully booked; choose another time');
  }
  await manager.query(
    'UPDATE slot_capacity SET booked = booked + 1 WHERE centre_id = $1 AND starts_at = ANY($2::timestamptz[])',
    [centreId, starts],
  );
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
