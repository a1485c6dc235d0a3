/** The statistics' one statement: a centre's figures for appointments starting in [$2, $3). */
export const STATISTICS_SQL = {
  centreFigures: `WITH b AS (
         SELECT b.*, (SELECT ic.witness_verified FROM identity_check ic WHERE ic.booking_id = b.id
                      ORDER BY ic.at DESC, ic.id DESC LIMIT 1) AS witness_verified
         FROM booking b WHERE b.centre_id = $1 AND b.starts_at >= $2 AND b.starts_at < $3)
       SELECT count(*)::int AS booked,
              count(*) FILTER (WHERE status = 'cancelled' AND cancelled_by = 'citizen')::int AS cancelled_citizen,
              count(*) FILTER (WHERE status = 'cancelled' AND cancelled_by = 'centre')::int AS cancelled_centre,
              count(*) FILTER (WHERE status = 'no_show')::int AS no_shows,
              count(*) FILTER (WHERE (witness_advice->>'recommended')::boolean)::int AS flagged,
              count(*) FILTER (WHERE status IN ('checked_in', 'completed'))::int AS came,
              count(*) FILTER (WHERE status IN ('checked_in', 'completed') AND witness_verified)::int AS came_with_witness,
              (SELECT jsonb_object_agg(outcome, n) FROM (SELECT outcome, count(*)::int AS n FROM b
                 WHERE status = 'completed' GROUP BY outcome) o) AS outcomes
       FROM b`,
};
