/**
 * The one way a message enters the outbox, pending and due at once: `rows` is a VALUES list or a SELECT giving
 * (booking_id, kind, dedupe_key, content_encrypted, next_attempt_at). A repeated dedupe key is written once.
 */
export function insertPendingMessages(rows: string): string {
  return `INSERT INTO outbox_message (booking_id, kind, dedupe_key, content_encrypted, status, attempts, next_attempt_at)
     SELECT r.booking_id, r.kind, r.dedupe_key, r.content_encrypted, 'pending', 0, r.next_attempt_at
     FROM (${rows}) AS r(booking_id, kind, dedupe_key, content_encrypted, next_attempt_at)
     ON CONFLICT (dedupe_key) DO NOTHING`;
}

/** Delivery's statements: claim due messages under a lease (SKIP LOCKED), record the outcome, hand back at shutdown. */
export const DELIVERY_SQL = {
  claimDue: `UPDATE outbox_message SET lease_until = $2, attempts = attempts + 1
       WHERE id IN (SELECT id FROM outbox_message
                    WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until < $1)
                    ORDER BY next_attempt_at, created_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, content_encrypted, attempts, next_attempt_at, created_at`,
  markSent: `UPDATE outbox_message SET status = 'sent', sent_at = $2, lease_until = NULL, last_error = NULL WHERE id = $1`,
  markRetryOrFailed: `UPDATE outbox_message SET status = $2, next_attempt_at = $3, lease_until = NULL, last_error = $4 WHERE id = $1`,
  handBack: `UPDATE outbox_message SET lease_until = NULL, attempts = attempts - 1 WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
  // an administrator's "send again": a failed message is due at once with its attempts counted from nought
  retryFailed: `UPDATE outbox_message SET status = 'pending', attempts = 0, next_attempt_at = $2, lease_until = NULL
       WHERE id = $1 AND status = 'failed' RETURNING booking_id`,
  exists: 'SELECT 1 FROM outbox_message WHERE id = $1',
};
