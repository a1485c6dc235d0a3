/** The desk's statements. */
export const DESK_SQL = {
  /** $1 witness hash: one transaction at a time counts and adds this witness's acts. */
  lockWitness: 'SELECT pg_advisory_xact_lock(hashtextextended($1, 1))',
  /** $1 witness hash, $2 window start, $3 this booking: the other bookings where the latest check verified them. */
  witnessActs: `SELECT count(*)::int AS acts FROM (
       SELECT DISTINCT ON (booking_id) witness_verified FROM identity_check
       WHERE witness_cpr_hash = $1 AND at > $2 AND booking_id <> $3
       ORDER BY booking_id, at DESC) latest
     WHERE witness_verified`,
};
