import { CAPACITY_SQL } from '../capacity/index.js';
import { CALENDAR_STAMP } from '../centres/index.js';
import { insertPendingMessages } from '../notifications/index.js';
import type { Booking } from './booking.entity.js';

/**
 * The statements of a citizen's new booking, in the order its transaction sends them (between START TRANSACTION
 * and COMMIT). Plain SQL on the hot path, a round trip each; `npm run bench` sends these same statements straight
 * to PostgreSQL for its baseline, so the two rates it compares are of the same database work.
 */
export const NEW_BOOKING_SQL = {
  /**
   * $1 centre, $2 person key: the centre's calendar stamp, its row held FOR SHARE so that no calendar change
   * interleaves, and whether the person's latest identity check asks for a witness next time.
   */
  lockCentre: `SELECT ${CALENDAR_STAMP},
       (SELECT ic.witness_required_next_time FROM identity_check ic WHERE ic.person_key = $2
         ORDER BY ic.at DESC, ic.id DESC LIMIT 1) AS previous_check_failed
     FROM centre c WHERE c.id = $1 FOR SHARE OF c`,
  /** One desk (two for high assurance) of each cell the booking covers (the capacity ledger's statement). */
  takeCells: CAPACITY_SQL.takeCells,
  /** The booking row, its first history event and its confirmation e-mail: one statement, see newBookingParams. */
  insert: `WITH booking_row AS (
       INSERT INTO booking (id, reference, manage_token_hash, manage_token_encrypted, centre_id, appointment_type_id,
         starts_at, ends_at, cell_starts, status, person_key, cpr_hash, applicant_encrypted, nationality,
         country_of_residence, arrived_in_denmark_on, language, documents, witness_encrypted, witness_cpr_hash,
         witness_advice, document_advice, created_at, desks_needed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'booked', $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
         $21, $22, $27)
       RETURNING id
     ), event_row AS (
       INSERT INTO booking_event (booking_id, at, actor, action, detail)
       SELECT id, $22, 'citizen', 'booked', $23 FROM booking_row
     )
     ${insertPendingMessages('SELECT id, $24, $25, $26, $22 FROM booking_row')}`,
};

/** What a new booking row holds; the columns not listed keep their defaults. */
export type NewBookingRow = Pick<
  Booking,
  | 'id'
  | 'reference'
  | 'manageTokenHash'
  | 'centreId'
  | 'appointmentTypeId'
  | 'startsAt'
  | 'endsAt'
  | 'cellStarts'
  | 'desksNeeded'
  | 'personKey'
  | 'cprHash'
  | 'nationality'
  | 'countryOfResidence'
  | 'arrivedInDenmarkOn'
  | 'language'
  | 'documents'
  | 'witnessEncrypted'
  | 'witnessCprHash'
  | 'witnessAdvice'
  | 'documentAdvice'
  | 'createdAt'
> & { manageTokenEncrypted: string; applicantEncrypted: string };

/** The confirmation waiting in the outbox. */
export interface NewOutboxRow {
  kind: string;
  dedupeKey: string;
  contentEncrypted: string;
}

/** The parameters of NEW_BOOKING_SQL.insert. */
export function newBookingParams(
  row: NewBookingRow,
  eventDetail: Record<string, unknown>,
  mail: NewOutboxRow,
): unknown[] {
  return [
    row.id,
    row.reference,
    row.manageTokenHash,
    row.manageTokenEncrypted,
    row.centreId,
    row.appointmentTypeId,
    row.startsAt,
    row.endsAt,
    row.cellStarts,
    row.personKey,
    row.cprHash,
    row.applicantEncrypted,
    row.nationality,
    row.countryOfResidence,
    row.arrivedInDenmarkOn,
    row.language,
    JSON.stringify(row.documents),
    row.witnessEncrypted,
    row.witnessCprHash,
    JSON.stringify(row.witnessAdvice),
    JSON.stringify(row.documentAdvice),
    row.createdAt,
    JSON.stringify(eventDetail),
    mail.kind,
    mail.dedupeKey,
    mail.contentEncrypted,
    row.desksNeeded,
  ];
}
