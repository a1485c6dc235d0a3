// `--history N`: years of past and future bookings, with their events, identity checks, audit records, e-mails and
// desks in the capacity ledger, written by a few INSERT … SELECT FROM generate_series statements (not through HTTP).
import { randomBytes, randomInt } from 'node:crypto';
import { DateTime } from 'luxon';
import { closingHoliday } from '../../src/calendar/danish-holidays.js';
import type { BookingTemplate, Rows } from './history-templates.js';

/** As in src/bookings/booking-reference.ts: a reference is 8 of these, 30^8 values in all. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
const REFERENCES = 30 ** 8;
/** Rows per statement: progress to report, and the person-key array of one chunk stays a few MB. */
const CHUNK = 25_000;

export interface HistoryInput {
  /** Bookings to write: the future days first, then the past ones going back from yesterday. */
  size: number;
  centres: { id: string; typeId: string }[];
  now: DateTime;
  timeZone: string;
  /** The centres' day (all alike): weekdays 1–7 they open, opening time, slot length, slots a day, desks. */
  weekdays: number[];
  opens: string;
  slotMinutes: number;
  slotsPerDay: number;
  desks: number;
  /** Bookings per centre and open day in the past, and in the future days given. */
  pastPerDay: number;
  futurePerDay: number;
  futureDays: string[];
  retentionDays: number;
  reminderHours: number;
  staffUserId: string;
  adminUserId: string;
  templates: BookingTemplate[];
  /** The app's keyed hash (PersonalDataCipher.lookupHash), for the person keys of rows retention has not erased. */
  lookupHash: (kind: string, value: string) => string;
  progress?: (written: number) => void;
}

export interface HistoryCounts {
  bookings: number;
  future: number;
  pastDays: number;
  firstDay: string;
  events: number;
  checks: number;
  audit: number;
  mails: number;
}

/** Open days going back from the day before `now`, as many as `count`. */
export function pastOpenDays(now: DateTime, weekdays: number[], count: number): string[] {
  const days: string[] = [];
  for (let day = now.startOf('day').minus({ days: 1 }); days.length < count; day = day.minus({ days: 1 })) {
    const date = day.toISODate()!;
    if (weekdays.includes(day.weekday) && !closingHoliday(date, NO_HOLIDAY_OPENINGS)) days.push(date);
  }
  return days;
}

const NO_HOLIDAY_OPENINGS = {
  openOnConstitutionDay: false,
  openOnChristmasEve: false,
  openOnNewYearsEve: false,
};

/** The open days from `from` to `to` (inclusive, YYYY-MM-DD) in `zone`. */
export function openDaysBetween(from: string, to: string, zone: string, weekdays: number[]): string[] {
  const days: string[] = [];
  for (let day = DateTime.fromISO(from, { zone }); day.toISODate()! <= to; day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    if (weekdays.includes(day.weekday) && !closingHoliday(date, NO_HOLIDAY_OPENINGS)) days.push(date);
  }
  return days;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

const digit = (i: number) => `substr('${ALPHABET}', ((v / ${30 ** i}) % 30)::int + 1, 1)`;
const REFERENCE = `${[7, 6, 5, 4].map(digit).join(' || ')} || '-' || ${[3, 2, 1, 0].map(digit).join(' || ')}`;
const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One chunk of rows n in [$1, $2): row n is the k-th booking of centre c on day d (future days first), in slot
 * (offset + k·stride) mod slots of that day, so no cell gets more than ⌈perDay/slots⌉ bookings. Every booking that
 * holds its desks (all but the cancelled) adds one to its cell, and CHECK (booked <= desks) has the last word.
 */
const FILL_SQL = `
WITH p AS MATERIALIZED (
  SELECT n, n < $3 AS future, (CASE WHEN n < $3 THEN $4::int ELSE $5::int END) AS per_day,
         CASE WHEN n < $3 THEN n ELSE n - $3 END AS m, (hashint8(n)::bigint & 2147483647) AS h,
         ($18::bigint + n * 1000003) % ${REFERENCES} AS v
    FROM generate_series($1::bigint, $2::bigint - 1) AS n
), q AS MATERIALIZED (
  SELECT p.*, (m / (per_day * cardinality($6::uuid[])))::int AS day_no,
         ((m / per_day) % cardinality($6::uuid[]))::int AS centre_no, (m % per_day)::int AS k
    FROM p
), s AS MATERIALIZED (
  SELECT q.*, gen_random_uuid() AS id, ${REFERENCE} AS reference,
         ($6::uuid[])[centre_no + 1] AS centre_id, ($7::uuid[])[centre_no + 1] AS type_id,
         CASE WHEN future THEN ($8::date[])[day_no + 1] ELSE ($9::date[])[day_no + 1] END AS day,
         $17::jsonb -> (n % jsonb_array_length($17::jsonb))::int AS t,
         CASE WHEN future THEN CASE WHEN h % 100 < 90 THEN 'booked' ELSE 'cancelled' END
              WHEN h % 100 < 68 THEN 'completed' WHEN h % 100 < 78 THEN 'no_show' ELSE 'cancelled' END AS status,
         (centre_no * 5 + day_no * 3 + k * $22::int) % $12::int AS slot
    FROM q
), s2 AS MATERIALIZED (
  SELECT s.*, (day + $10::time + slot * $11::int * interval '1 minute') AT TIME ZONE $13::text AS starts_at,
         (day + time '08:30') AT TIME ZONE $13::text AS viewed_at,
         CASE WHEN status = 'cancelled' THEN CASE WHEN future OR h % 100 < 93 THEN 'citizen' ELSE 'centre' END END
           AS cancelled_by,
         CASE WHEN status = 'completed' THEN CASE WHEN (h / 3000) % 100 < 88 THEN 'mitid_issued'
              WHEN (h / 3000) % 100 < 96 THEN 'rebook_with_witness' ELSE 'refused' END END AS outcome
    FROM s
), f AS MATERIALIZED (
  SELECT s2.*, starts_at + $11::int * interval '1 minute' AS ends_at,
         least($14::timestamptz - interval '1 hour',
               starts_at - ((h / 100) % 30 + 1) * interval '1 day' - (h % 3600) * interval '1 second') AS created_at,
         NOT future AND starts_at + $11::int * interval '1 minute' < $15::timestamptz AS erased,
         starts_at - interval '4 minutes' AS checked_in_at, starts_at + interval '6 minutes' AS checked_at,
         starts_at + interval '12 minutes' AS done_at, starts_at + interval '9 hours 5 minutes' AS swept_at,
         CASE WHEN outcome = 'mitid_issued' THEN t -> 'passed' ELSE t -> 'failed' END AS c
    FROM s2
), g AS MATERIALIZED (
  SELECT f.*, created_at + (least(starts_at, $14::timestamptz) - created_at) / 2 AS cancelled_at,
         CASE WHEN erased THEN 'erased:' || id ELSE ($16::text[])[n - $1 + 1] END AS person_key,
         CASE WHEN erased THEN least($14::timestamptz, ends_at + ($14::timestamptz - $15::timestamptz) + interval '30 minutes') END
           AS erased_at
    FROM f
), b AS (
  INSERT INTO booking (id, reference, manage_token_hash, manage_token_encrypted, centre_id, appointment_type_id,
    starts_at, ends_at, cell_starts, desks_needed, status, person_key, cpr_hash, applicant_encrypted, nationality,
    country_of_residence, language, documents, witness_advice, document_advice, cancelled_by, cancel_reason_code,
    outcome, personal_data_erased_at, created_at, updated_at)
  SELECT id, reference, encode(sha256(convert_to($21::text || ':' || n, 'UTF8')), 'hex'),
         CASE WHEN NOT erased THEN t ->> 'manageTokenEncrypted' END, centre_id, type_id, starts_at, ends_at,
         ARRAY[starts_at], 1, status, person_key, CASE WHEN NOT erased THEN person_key END,
         CASE WHEN NOT erased THEN t ->> 'applicantEncrypted' END, t ->> 'nationality', t ->> 'countryOfResidence',
         t ->> 'language', t -> 'documents', t -> 'witnessAdvice', t -> 'documentAdvice', cancelled_by,
         CASE WHEN cancelled_by = 'centre' THEN 'closed_on_this_day' END, outcome, erased_at, created_at,
         coalesce(erased_at, CASE status WHEN 'completed' THEN done_at WHEN 'no_show' THEN swept_at
                                         WHEN 'cancelled' THEN cancelled_at ELSE created_at END)
    FROM g
  RETURNING 1
), e AS (
  INSERT INTO booking_event (booking_id, at, actor, action, detail)
  SELECT g.id, ev.at, ev.actor, ev.action, ev.detail FROM g CROSS JOIN LATERAL (VALUES
    (created_at, 'citizen', 'booked', jsonb_build_object('startsAt', ${ISO('starts_at')})),
    (CASE WHEN status = 'completed' THEN checked_in_at END, 'user:' || $19::text, 'checked_in',
       '{"from": "booked", "to": "checked_in"}'::jsonb),
    (CASE WHEN status = 'completed' THEN checked_at END, 'user:' || $19::text, 'identity_checked',
       jsonb_build_object('identityEstablished', (c ->> 'identityEstablished')::boolean)),
    (CASE WHEN status = 'completed' THEN done_at END, 'user:' || $19::text, 'completed',
       '{"from": "checked_in", "to": "completed"}'::jsonb),
    (CASE WHEN status = 'no_show' THEN swept_at END, 'system', 'no_show', '{"automatic": true}'::jsonb),
    (CASE WHEN status = 'cancelled' THEN cancelled_at END,
       CASE WHEN cancelled_by = 'citizen' THEN 'citizen' ELSE 'user:' || $20::text END, 'cancelled',
       jsonb_build_object('by', cancelled_by, 'reason', CASE WHEN cancelled_by = 'centre' THEN 'closed_on_this_day' END))
  ) AS ev(at, actor, action, detail) WHERE ev.at IS NOT NULL
  RETURNING 1
), ic AS (
  INSERT INTO identity_check (booking_id, centre_id, person_key, recorded_by, at, documents, control_questions,
    documents_sufficient, witness_verified, identity_established, witness_required_next_time, problems)
  SELECT id, centre_id, CASE WHEN erased THEN 'erased' ELSE person_key END, $19::uuid, checked_at, c -> 'documents',
         c ->> 'controlQuestions', (c ->> 'documentsSufficient')::boolean, (c ->> 'witnessVerified')::boolean,
         (c ->> 'identityEstablished')::boolean, (c ->> 'witnessRequiredNextTime')::boolean, c -> 'problems'
    FROM g WHERE status = 'completed'
  RETURNING 1
), a AS (
  INSERT INTO audit_record (at, user_id, action, booking_id, centre_id, detail)
  SELECT ev.at, $19::uuid, ev.action, g.id, g.centre_id, ev.detail FROM g CROSS JOIN LATERAL (VALUES
    (CASE WHEN NOT future AND status <> 'cancelled' THEN viewed_at END, 'appointment.viewed_in_day_list', '{}'::jsonb),
    (CASE WHEN status = 'completed' THEN checked_in_at END, 'appointment.checked_in',
       '{"from": "booked", "to": "checked_in"}'::jsonb),
    (CASE WHEN status = 'completed' THEN checked_at END, 'appointment.identity_checked',
       jsonb_build_object('identityEstablished', (c ->> 'identityEstablished')::boolean,
                          'controlQuestions', c ->> 'controlQuestions', 'witnessVerified', false)),
    (CASE WHEN status = 'completed' THEN done_at END, 'appointment.completed',
       '{"from": "checked_in", "to": "completed"}'::jsonb)
  ) AS ev(at, action, detail) WHERE ev.at IS NOT NULL
  RETURNING 1
), o AS (
  -- retention has deleted the e-mails of erased bookings and those older than its cutoff; the others were sent
  INSERT INTO outbox_message (booking_id, kind, dedupe_key, content_encrypted, status, attempts, next_attempt_at,
    sent_at, created_at)
  SELECT g.id, m.kind, m.kind || ':' || g.id || ':' || m.tail, t ->> 'mail', 'sent', 1, m.at,
         least($14::timestamptz, m.at + interval '2 seconds'), m.at
    FROM g CROSS JOIN LATERAL (VALUES
      ('confirmation', created_at, gen_random_uuid()::text),
      (CASE WHEN status <> 'cancelled' AND created_at <= starts_at - $23::int * interval '1 hour'
              AND starts_at - $23::int * interval '1 hour' <= $14::timestamptz THEN 'reminder' END,
         starts_at - $23::int * interval '1 hour', to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
      (CASE WHEN status = 'cancelled' THEN 'cancelled_by_' || cancelled_by END, cancelled_at, gen_random_uuid()::text)
    ) AS m(kind, at, tail)
   WHERE NOT erased AND m.kind IS NOT NULL AND m.at >= $15::timestamptz
  RETURNING 1
), cells AS (
  INSERT INTO slot_capacity AS cell (centre_id, starts_at, desks, booked)
  SELECT centre_id, starts_at, $24::int, count(*) FROM g WHERE status <> 'cancelled' GROUP BY centre_id, starts_at
  ON CONFLICT (centre_id, starts_at) DO UPDATE SET booked = cell.booked + excluded.booked
)
SELECT (SELECT count(*) FROM b)::int AS bookings, (SELECT count(*) FROM e)::int AS events,
       (SELECT count(*) FROM ic)::int AS checks, (SELECT count(*) FROM a)::int AS audit,
       (SELECT count(*) FROM o)::int AS mails`;

/** Writes `input.size` bookings of history and everything recorded about them; the rows' counts. */
export async function fillHistory(rows: Rows, input: HistoryInput): Promise<HistoryCounts> {
  const { centres, size } = input;
  if (input.pastPerDay < 1 || input.futurePerDay < 1) throw new Error('bookings per day must be positive');
  if (Math.ceil(Math.max(input.pastPerDay, input.futurePerDay) / input.slotsPerDay) > input.desks)
    throw new Error(`more than ${input.desks} desks' worth of bookings in a slot`);
  const perFutureDay = input.futurePerDay * centres.length;
  const perPastDay = input.pastPerDay * centres.length;
  const future = Math.min(size, perFutureDay * input.futureDays.length);
  const pastDays = pastOpenDays(input.now, input.weekdays, Math.ceil((size - future) / perPastDay));
  const cutoff = input.now.minus({ days: input.retentionDays });
  // Rows on days from the cutoff's date on keep their personal data, so they need the app's keyed person hash.
  const keptDays = pastDays.filter((day) => day >= cutoff.setZone(input.timeZone).toISODate()!).length;
  const kept = Math.min(size, future + keptDays * perPastDay);
  let stride = 7;
  while (gcd(stride, input.slotsPerDay) !== 1) stride++;
  const seed = randomBytes(8).toString('hex');
  const referenceBase = randomInt(2 ** 47) % REFERENCES;
  const counts: HistoryCounts = {
    bookings: 0,
    future,
    pastDays: pastDays.length,
    firstDay: pastDays[pastDays.length - 1] ?? input.futureDays[0] ?? '',
    events: 0,
    checks: 0,
    audit: 0,
    mails: 0,
  };
  for (let start = 0; start < size; start += CHUNK) {
    const end = Math.min(size, start + CHUNK);
    // CPR-like digits no citizen has (day 90), hashed as the app hashes a CPR number
    const keys = Array.from({ length: Math.max(0, Math.min(end, kept) - start) }, (_, i) =>
      input.lookupHash('cpr', String(9_000_000_000 + start + i)),
    );
    const [written] = await rows<Omit<HistoryCounts, 'future' | 'pastDays' | 'firstDay'>>(FILL_SQL, [
      start,
      end,
      future,
      input.futurePerDay,
      input.pastPerDay,
      centres.map((centre) => centre.id),
      centres.map((centre) => centre.typeId),
      input.futureDays,
      pastDays,
      input.opens,
      input.slotMinutes,
      input.slotsPerDay,
      input.timeZone,
      input.now.toJSDate(),
      cutoff.toJSDate(),
      keys,
      JSON.stringify(input.templates),
      referenceBase,
      input.staffUserId,
      input.adminUserId,
      seed,
      stride,
      input.reminderHours,
      input.desks,
    ]);
    for (const key of ['bookings', 'events', 'checks', 'audit', 'mails'] as const)
      counts[key] += written[key];
    input.progress?.(end);
  }
  return counts;
}
