// The capacity ledger against the bookings: every cell's booked count is the desks its holding bookings took.
import type { Rows } from './history-templates.js';

export interface Ledger {
  bookings: number;
  cells: number;
  /** Cells whose `booked` is not the sum of desks held there by bookings that are not cancelled (either way). */
  mismatched: number;
  over: number;
}

export async function ledgerOf(rows: Rows): Promise<Ledger> {
  const [ledger] = await rows<Ledger>(
    `WITH held AS (
       SELECT b.centre_id, cell, sum(b.desks_needed)::int AS desks
         FROM booking b CROSS JOIN LATERAL unnest(b.cell_starts) AS cell
        WHERE b.status <> 'cancelled' GROUP BY b.centre_id, cell)
     SELECT (SELECT count(*) FROM booking)::int AS bookings, (SELECT count(*) FROM slot_capacity)::int AS cells,
            (SELECT count(*) FROM slot_capacity c FULL JOIN held h ON h.centre_id = c.centre_id AND h.cell = c.starts_at
              WHERE coalesce(c.booked, 0) <> coalesce(h.desks, 0))::int AS mismatched,
            (SELECT count(*) FROM slot_capacity WHERE booked > desks)::int AS over`,
  );
  return ledger;
}
