/** SQL: booking b (joined to its centre c) ended before the centre's local day of $1 began. */
const ENDED_BEFORE_TODAY = `b.ends_at < (date_trunc('day', $1::timestamptz AT TIME ZONE c.time_zone) AT TIME ZONE c.time_zone)`;

/** The bookings capability's statements other than a new booking's (new-booking.sql.ts). */
export const BOOKING_SQL = {
  /**
   * $1 booking: its centre row FOR SHARE, the first lock of the one order every writer takes (centre row, then
   * booking row, then cells), so citizen changes, desk actions and calendar changes wait for each other.
   */
  lockCentreOfBooking:
    'SELECT 1 FROM centre WHERE id = (SELECT centre_id FROM booking WHERE id = $1) FOR SHARE',
  /** $1 now, $2 from status, $3 to status: bookings whose appointment's local day is over, moved on. */
  sweepEnded: `UPDATE booking b SET status = $3 FROM centre c
     WHERE b.centre_id = c.id AND b.status = $2 AND ${ENDED_BEFORE_TODAY}
     RETURNING b.id`,
  /** $1 now, $2 from status, $3 to status, $4 outcome reason: closed as refused, for the same ended bookings. */
  sweepEndedUnfinished: `UPDATE booking b SET status = $3, outcome = 'refused', outcome_reason = $4 FROM centre c
     WHERE b.centre_id = c.id AND b.status = $2 AND ${ENDED_BEFORE_TODAY}
     RETURNING b.id`,
  /** $1 booking, $2 at, $3 actor, $4 action, $5 detail: one state change appended to the booking's history. */
  insertEvent:
    'INSERT INTO booking_event (booking_id, at, actor, action, detail) VALUES ($1, $2, $3, $4, $5)',
  /** $1 key hash: requests with one Idempotency-Key take turns until the transaction ends. */
  lockIdempotencyKey: 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))',
};
