// What --history measures besides booking and availability: the staff day list, a year's statistics and the
// retention sweep, and EXPLAIN (ANALYZE, BUFFERS) of each query those paths send, for the largest size.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type pg from 'pg';
import { AUDIT_SQL } from '../../src/audit/audit.sql.js';
import { bookedCellsJson } from '../../src/capacity/index.js';
import { CALENDAR_STAMP } from '../../src/centres/index.js';
import { WITNESS_WINDOW_DAYS } from '../../src/identity/index.js';
import { NEW_BOOKING_SQL, newBookingParams } from '../../src/bookings/new-booking.sql.js';
import { RETENTION_SQL } from '../../src/retention/retention.sql.js';
import { STATISTICS_SQL } from '../../src/statistics/statistics.sql.js';
import type { BenchCentre } from './calendar.js';
import type { RawTemplate } from './database.js';
import { errorMessage, http } from './http-client.js';
import type { Outcome } from './load-driver.js';
import { OK } from './load-driver.js';
import { ZONE } from './options.js';

const pickCentre = (centres: BenchCentre[]) => centres[Math.floor(Math.random() * centres.length)];

async function answer(path: string, token: string): Promise<Outcome> {
  const result = await http('GET', path, undefined, token);
  return result.status === 200
    ? OK
    : { kind: 'other', note: `HTTP ${result.status} ${errorMessage(result.text)}` };
}

/** GET the day list of a random centre on `date`, as a clerk of every centre. */
export const dayList = (centres: BenchCentre[], date: string, token: string) => () =>
  answer(`/api/staff/centres/${pickCentre(centres).id}/appointments?date=${date}`, token);

/** GET a random centre's statistics for the twelve months up to yesterday. */
export const statistics =
  (centres: BenchCentre[], period: { from: string; to: string }, token: string) => () =>
    answer(
      `/api/admin/centres/${pickCentre(centres).id}/statistics?from=${period.from}&to=${period.to}`,
      token,
    );

export function yearUpTo(now: DateTime): { from: string; to: string } {
  const today = now.setZone(ZONE).startOf('day');
  return { from: today.minus({ years: 1 }).toISODate()!, to: today.minus({ days: 1 }).toISODate()! };
}

/** The statements of RetentionService.run with its parameters, in the order it sends them (one transaction). */
function retentionStatements(now: Date, retentionDays: number): [string, unknown[]][] {
  const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
  return [
    [RETENTION_SQL.eraseEndedBookings, [now, days(retentionDays)]],
    [RETENTION_SQL.eraseChecksOf, [[]]],
    [RETENTION_SQL.clearOldWitnessHashes, [days(WITNESS_WINDOW_DAYS + 1)]],
    [RETENTION_SQL.deleteEndedMessages, [days(retentionDays), []]],
    [RETENTION_SQL.deleteOldIdempotencyRecords, [new Date(now.getTime() - 86_400_000)]],
  ];
}

/** One retention sweep as the hourly job runs it (its statements in one transaction): milliseconds. */
export async function timedSweep(pool: pg.Pool, retentionDays: number): Promise<number> {
  const client = await pool.connect();
  const started = performance.now();
  try {
    await client.query('START TRANSACTION');
    const [erase, checks, witnesses, messages, idempotency] = retentionStatements(new Date(), retentionDays);
    const ids = (await client.query<{ id: string }>(erase[0], erase[1])).rows.map((row) => row.id);
    await client.query(checks[0], [ids]);
    await client.query(witnesses[0], witnesses[1]);
    await client.query(messages[0], [messages[1][0], ids]);
    await client.query(idempotency[0], idempotency[1]);
    await client.query('COMMIT');
    return performance.now() - started;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export interface ExplainInput {
  centre: BenchCentre;
  dayListDate: string;
  year: { from: string; to: string };
  availabilityFrom: DateTime;
  staffUserId: string;
  template: RawTemplate;
  retentionDays: number;
  desks: number;
}

/** EXPLAIN (ANALYZE, BUFFERS) of every statement of the measured paths, each in a transaction rolled back. */
export async function explainAll(
  pool: pg.Pool,
  input: ExplainInput,
  file: string,
  title: string,
): Promise<void> {
  const { centre } = input;
  const out: string[] = [title, ''];
  const client = await pool.connect();
  const explain = async (name: string, sql: string, params: unknown[]) => {
    const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    out.push(
      `---- ${name}`,
      sql.replace(/\s+/g, ' ').trim(),
      '',
      ...plan.rows.map((row) => row['QUERY PLAN']),
      '',
    );
  };
  const inRollback = async (work: () => Promise<void>) => {
    await client.query('START TRANSACTION');
    try {
      await work();
    } finally {
      await client.query('ROLLBACK');
    }
  };
  try {
    const day = DateTime.fromISO(input.dayListDate, { zone: ZONE });
    const bounds = [day.startOf('day').toJSDate(), day.endOf('day').toJSDate()];
    const { rows: booked } = await client.query<{ id: string }>(
      'SELECT id FROM booking WHERE centre_id = $1 AND starts_at BETWEEN $2 AND $3',
      [centre.id, ...bounds],
    );
    const ids = booked.map((row) => row.id);
    const slot = new Date(centre.slots.raw[centre.slots.raw.length - 1]);
    const row = { ...input.template.row, centreId: centre.id, appointmentTypeId: centre.typeId };
    const insert = newBookingParams(
      {
        ...row,
        id: randomUUID(),
        reference: 'EXPL-AIN2',
        startsAt: slot,
        endsAt: new Date(slot.getTime() + 15 * 60_000),
        cellStarts: [slot],
        personKey: `explain:${Date.now()}`,
        cprHash: null,
        createdAt: new Date(),
      },
      { startsAt: slot.toISOString() },
      { ...input.template.mail, dedupeKey: `confirmation:explain:${Date.now()}` },
    );
    await inRollback(async () => {
      await explain('booking 1/3: centre FOR SHARE and the last identity check', NEW_BOOKING_SQL.lockCentre, [
        centre.id,
        row.personKey,
      ]);
      await explain('booking 2/3: the cell upsert', NEW_BOOKING_SQL.takeCells, [
        centre.id,
        [slot],
        [input.desks],
        1,
      ]);
      await explain('booking 3/3: booking, event and confirmation', NEW_BOOKING_SQL.insert, insert);
    });
    const from = input.availabilityFrom;
    await explain(
      'availability 28 days: calendar stamp and booked cells',
      `SELECT ${CALENDAR_STAMP}, ${bookedCellsJson('$2', '$3')} AS booked FROM centre c WHERE c.id = $1`,
      [centre.id, from.minus({ days: 1 }).toJSDate(), from.plus({ days: 29 }).toJSDate()],
    );
    await inRollback(async () => {
      await explain(
        `day list ${input.dayListDate}: the bookings (TypeORM's find)`,
        `SELECT * FROM booking WHERE centre_id = $1 AND starts_at BETWEEN $2 AND $3 ORDER BY starts_at ASC, created_at ASC`,
        [centre.id, ...bounds],
      );
      await explain(
        'day list: their identity checks',
        'SELECT * FROM identity_check WHERE booking_id = ANY($1) ORDER BY at ASC, id ASC',
        [ids],
      );
      await explain(
        'day list: their queue numbers',
        'SELECT booking_id, number FROM queue_ticket WHERE booking_id = ANY($1)',
        [ids],
      );
      const entries = ids.map((id) => ({
        action: 'appointment.viewed_in_day_list',
        booking_id: id,
        centre_id: centre.id,
        detail: {},
      }));
      await explain('day list: the audit records', AUDIT_SQL.insertEntries, [
        new Date(),
        input.staffUserId,
        JSON.stringify(entries),
      ]);
    });
    const zoneDay = (date: string, plus: number) =>
      DateTime.fromISO(date, { zone: ZONE }).plus({ days: plus }).startOf('day').toJSDate();
    await explain(`statistics ${input.year.from} … ${input.year.to}`, STATISTICS_SQL.centreFigures, [
      centre.id,
      zoneDay(input.year.from, 0),
      zoneDay(input.year.to, 1),
    ]);
    await inRollback(async () => {
      for (const [i, [sql, params]] of retentionStatements(new Date(), input.retentionDays).entries())
        await explain(`retention sweep ${i + 1}/5`, sql, params);
    });
  } finally {
    client.release();
  }
  writeFileSync(file, `${out.join('\n')}\n`);
}
