// PostgreSQL straight from the bench: the raw booking transaction (the app's ceiling), the integrity check, the drop.
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { PoolClient } from 'pg';
import { newReference } from '../../src/bookings/booking-reference.js';
import { NEW_BOOKING_SQL, newBookingParams } from '../../src/bookings/new-booking.sql.js';
import type { NewBookingRow, NewOutboxRow } from '../../src/bookings/new-booking.sql.js';
import type { BenchCentre } from './calendar.js';
import type { Outcome } from './load-driver.js';
import { OK } from './load-driver.js';
import { options, serverUrl, SLOT_MINUTES } from './options.js';
import { databaseUrl, errorText, log, redact } from './support.js';

/**
 * A booking row, its event and its confirmation e-mail as the app wrote them during the booking phase: the raw
 * transaction inserts copies (new id, reference, person and time), so it writes rows of the same size.
 */
export interface RawTemplate {
  row: NewBookingRow;
  eventDetail: Record<string, unknown>;
  mail: NewOutboxRow;
}

export async function rawTemplate(pool: pg.Pool): Promise<RawTemplate> {
  const { rows } = await pool.query<NewBookingRow & { mailKind: string; mailContent: string }>(
    `SELECT b.id, b.reference, b.manage_token_hash AS "manageTokenHash", b.manage_token_encrypted AS "manageTokenEncrypted",
            b.centre_id AS "centreId", b.appointment_type_id AS "appointmentTypeId", b.starts_at AS "startsAt",
            b.ends_at AS "endsAt", b.cell_starts AS "cellStarts", b.desks_needed AS "desksNeeded", b.person_key AS "personKey", b.cpr_hash AS "cprHash",
            b.applicant_encrypted AS "applicantEncrypted", b.nationality, b.country_of_residence AS "countryOfResidence",
            b.arrived_in_denmark_on::text AS "arrivedInDenmarkOn", b.language, b.documents,
            b.witness_encrypted AS "witnessEncrypted", b.witness_cpr_hash AS "witnessCprHash",
            b.witness_advice AS "witnessAdvice", b.document_advice AS "documentAdvice", b.created_at AS "createdAt",
            o.kind AS "mailKind", o.content_encrypted AS "mailContent"
       FROM booking b JOIN outbox_message o ON o.booking_id = b.id AND o.kind = 'confirmation'
      ORDER BY b.created_at LIMIT 1`,
  );
  if (!rows[0])
    throw new Error('no booking with a confirmation e-mail was found to copy for the raw transaction');
  const { mailKind, mailContent, ...row } = rows[0];
  return {
    row,
    eventDetail: { startsAt: row.startsAt.toISOString() },
    mail: { kind: mailKind, dedupeKey: '', contentEncrypted: mailContent },
  };
}

/** NEW_BOOKING_SQL — the statements BookingsService.create sends for a new booking — sent straight through pg. */
export async function rawBooking(
  pool: pg.Pool,
  centre: BenchCentre,
  startsAtText: string,
  template: RawTemplate,
): Promise<Outcome> {
  const startsAt = new Date(startsAtText);
  const endsAt = new Date(startsAt.getTime() + SLOT_MINUTES * 60_000);
  const id = randomUUID();
  const personKey = randomBytes(32).toString('base64url');
  const row: NewBookingRow = {
    ...template.row,
    id,
    reference: newReference(),
    centreId: centre.id,
    appointmentTypeId: centre.typeId,
    startsAt,
    endsAt,
    cellStarts: [startsAt],
    personKey,
    cprHash: personKey,
    createdAt: new Date(),
  };
  const mail: NewOutboxRow = { ...template.mail, dedupeKey: `confirmation:${id}:${randomUUID()}` };
  const client: PoolClient = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('START TRANSACTION');
    await client.query(NEW_BOOKING_SQL.lockCentre, [centre.id, personKey]);
    const taken = await client.query(NEW_BOOKING_SQL.takeCells, [centre.id, [startsAt], [options.desks], 1]);
    if (taken.rowCount !== 1) {
      await client.query('ROLLBACK');
      return { kind: 'conflict', note: 'slot fully booked' };
    }
    await client.query(
      NEW_BOOKING_SQL.insert,
      newBookingParams(row, { startsAt: startsAt.toISOString() }, mail),
    );
    await client.query('COMMIT');
    return OK;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

async function waitForNoConnections(admin: pg.Client, dbName: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const { rows } = await admin.query<{ n: string }>(
        'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1',
        [dbName],
      );
      if (rows[0].n === '0') return;
    } catch {
      return;
    }
    await sleep(50);
  }
}

/** Every success is one booking row, no cell over its desks: what the database holds after the phases. */
export async function integrityOf(
  pool: pg.Pool,
): Promise<{ bookings: string; cells_booked: string; over: string }> {
  const check = await pool.query<{ bookings: string; cells_booked: string; over: string }>(
    `SELECT (SELECT count(*) FROM booking) AS bookings, (SELECT coalesce(sum(booked), 0) FROM slot_capacity) AS cells_booked,
            (SELECT count(*) FROM slot_capacity WHERE booked > desks) AS over`,
  );
  return check.rows[0];
}

/** Drops the bench database once its connections have closed, or with --keep says how to; false when the drop failed. */
export async function dropOrKeep(admin: pg.Client, dbName: string): Promise<boolean> {
  if (options.keep) {
    log(`kept database ${dbName}: psql '${redact(databaseUrl(dbName))}'`);
    log(`drop it with: psql '${redact(serverUrl)}' -c 'DROP DATABASE "${dbName}" WITH (FORCE)'`);
    return true;
  }
  await waitForNoConnections(admin, dbName, 5_000);
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    log(`dropped database ${dbName}`);
    return true;
  } catch (error) {
    process.stderr.write(`could not drop database ${dbName}: ${errorText(error)}\n`);
    return false;
  }
}
