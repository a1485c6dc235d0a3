/**
 * Every statement that reads or writes slot_capacity: one row per grid cell that holds a booking, with its desks
 * and how many are booked. Writers lock cells in time order, so overlapping bookings cannot deadlock, and
 * CHECK (booked <= desks) is the last word whatever a caller does.
 */
export const CAPACITY_SQL = {
  /**
   * $1 centre, $2 cell starts, $3 their desks, in time order, $4 the desks needed: that many desks of each cell. A
   * missing cell row is created holding this booking where it has the desks; an existing one is locked and raised
   * while it has that many free. Fewer rows returned than cells: a cell is full, and the caller undoes the
   * transaction.
   */
  takeCells: `INSERT INTO slot_capacity AS cell (centre_id, starts_at, desks, booked)
     SELECT $1, s, d, $4::int FROM unnest($2::timestamptz[], $3::int[]) AS t(s, d) WHERE d >= $4::int ORDER BY s
     ON CONFLICT (centre_id, starts_at) DO UPDATE SET booked = cell.booked + $4::int
       WHERE cell.booked + $4::int <= cell.desks
     RETURNING cell.starts_at`,
  /** $1 centre, $2 cell starts, $3 the desks the booking holds: given back, the rows locked in time order. */
  releaseCells: `UPDATE slot_capacity SET booked = booked - $3::int WHERE (centre_id, starts_at) IN (
       SELECT centre_id, starts_at FROM slot_capacity WHERE centre_id = $1 AND starts_at = ANY($2::timestamptz[])
       ORDER BY starts_at FOR UPDATE)`,
  /** $1 centre, $2 now: the cells from now on, booked or not. */
  cellsFrom: 'SELECT starts_at, booked FROM slot_capacity WHERE centre_id = $1 AND starts_at >= $2',
  /** $1 centre, $2 now: how many cells after now hold a booking. */
  bookedCellsAfter:
    'SELECT count(*)::int AS held FROM slot_capacity WHERE centre_id = $1 AND booked > 0 AND starts_at > $2',
  /** $1 centre, $2 cell starts, $3 their desks under a new calendar: never below what is booked. */
  setDesks: `UPDATE slot_capacity AS c SET desks = GREATEST(v.desks, c.booked)
     FROM unnest($2::timestamptz[], $3::int[]) AS v(starts_at, desks)
     WHERE c.centre_id = $1 AND c.starts_at = v.starts_at`,
  /** $1 centre: cells with neither a booking nor a desk are gone. */
  dropEmpty: 'DELETE FROM slot_capacity WHERE centre_id = $1 AND booked = 0 AND desks = 0',
};

/**
 * A scalar subquery of the booked cells of centre `c` from `$from` to before `$to` as JSON
 * `[[epochMillis, booked], …]`, for the one query an availability answer makes.
 */
export function bookedCellsJson(from: string, to: string): string {
  return `(SELECT coalesce(json_agg(json_build_array((extract(epoch FROM s.starts_at) * 1000)::bigint, s.booked)), '[]')
            FROM slot_capacity s
           WHERE s.centre_id = c.id AND s.starts_at >= ${from} AND s.starts_at < ${to} AND s.booked > 0)`;
}
