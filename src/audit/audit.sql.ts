/** The audit trail's statements. */
export const AUDIT_SQL = {
  insertEntries: `INSERT INTO audit_record (at, user_id, action, booking_id, centre_id, detail)
       SELECT $1, $2, e.action, e.booking_id, e.centre_id, e.detail
       FROM jsonb_to_recordset($3::jsonb) AS e(action text, booking_id uuid, centre_id uuid, detail jsonb)`,
  bookingCentre: 'SELECT centre_id FROM booking WHERE id = $1',
  bookingById: 'SELECT id, reference, centre_id FROM booking WHERE id = $1',
  bookingByReference: 'SELECT id, reference, centre_id FROM booking WHERE reference = $1',
};
