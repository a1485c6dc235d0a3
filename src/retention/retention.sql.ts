/** The retention sweep's statements; $1 and $2 as each call gives them. */
export const RETENTION_SQL = {
  eraseEndedBookings: `UPDATE booking SET applicant_encrypted = NULL, witness_encrypted = NULL, manage_token_encrypted = NULL,
                cpr_hash = NULL, witness_cpr_hash = NULL, person_key = 'erased:' || id, arrived_in_denmark_on = NULL,
                personal_data_erased_at = $1
         WHERE personal_data_erased_at IS NULL AND status IN ('completed', 'cancelled', 'no_show') AND ends_at < $2
         RETURNING id`,
  eraseChecksOf: `UPDATE identity_check SET person_key = 'erased' WHERE booking_id = ANY($1::uuid[])`,
  clearOldWitnessHashes:
    'UPDATE identity_check SET witness_cpr_hash = NULL WHERE witness_cpr_hash IS NOT NULL AND at < $1',
  /**
   * $1 cutoff, $2 the bookings erased in this run. Every e-mail about a booking is written before it ends, so an
   * erased booking's (ended before the cutoff) are older than the cutoff too; both arms are indexed, so the sweep
   * does not read every erased booking of the years kept.
   */
  deleteEndedMessages: `DELETE FROM outbox_message WHERE status <> 'pending'
           AND (created_at < $1 OR booking_id = ANY($2::uuid[]))`,
  deleteOldIdempotencyRecords: 'DELETE FROM idempotency_record WHERE created_at < $1',
};
