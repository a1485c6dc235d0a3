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
