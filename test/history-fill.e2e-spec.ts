import { DataSource } from 'typeorm';
import { PersonalDataCipher } from '../src/personal-data/index.js';
import { fillHistory, openDaysBetween } from '../scripts/bench/history.js';
import { readTemplates } from '../scripts/bench/history-templates.js';
import type { Rows } from '../scripts/bench/history-templates.js';
import { ledgerOf } from '../scripts/bench/ledger.js';
import { newBookingBody, newCentre } from './support/factories.js';
import { loginAs, startTestApp, TestApp } from './support/test-app.js';

// The bench's --history fill: rows that respect every constraint and leave the capacity ledger exact.
describe('history fill (npm run bench -- --history N)', () => {
  let t: TestApp;
  let rows: Rows;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-10T08:00:00+01:00' });
    const dataSource = t.app.get(DataSource);
    rows = <T>(sql: string, params?: unknown[]) => dataSource.query<T[]>(sql, params);
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes past and future bookings with their records, and the ledger holds exactly their desks', async () => {
    const admin = await loginAs(t, 'admin');
    const centres = [];
    for (const name of ['Nord', 'Syd']) {
      const { id } = await newCentre(t, admin.token, { name, bookingHorizonDays: 100 });
      const [type] = await rows<{ id: string }>(`SELECT id FROM appointment_type WHERE centre_id = $1`, [id]);
      centres.push({ id, typeId: type.id });
    }
    const staff = await loginAs(
      t,
      'staff',
      centres.map((centre) => centre.id),
    );
    await t
      .http()
      .post('/api/bookings')
      .send(newBookingBody(centres[0].id, '2027-03-12T09:00:00+01:00'))
      .expect(201);
    const cipher = t.app.get(PersonalDataCipher);
    const now = t.clock.now();

    const counts = await fillHistory(rows, {
      size: 200,
      centres,
      now,
      timeZone: 'Europe/Copenhagen',
      weekdays: [1, 2, 3, 4, 5],
      opens: '09:00',
      slotMinutes: 15,
      slotsPerDay: 12,
      desks: 2,
      pastPerDay: 5,
      futurePerDay: 2,
      futureDays: openDaysBetween('2027-03-11', '2027-03-17', 'Europe/Copenhagen', [1, 2, 3, 4, 5]),
      retentionDays: 10,
      reminderHours: 24,
      staffUserId: staff.id,
      adminUserId: admin.id,
      templates: await readTemplates(rows),
      lookupHash: (kind, value) => cipher.lookupHash(kind, value),
    });

    expect(counts).toMatchObject({ bookings: 200, future: 20 });
    expect(await ledgerOf(rows)).toEqual(expect.objectContaining({ bookings: 201, mismatched: 0, over: 0 }));
    const [shape] = await rows<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE starts_at > $1 AND status NOT IN ('booked', 'cancelled'))::int AS future_wrong,
              count(*) FILTER (WHERE starts_at < $1 AND status IN ('booked', 'checked_in'))::int AS past_open,
              count(*) FILTER (WHERE status = 'completed')::int AS completed,
              count(*) FILTER (WHERE personal_data_erased_at IS NOT NULL)::int AS erased,
              count(*) FILTER (WHERE personal_data_erased_at IS NOT NULL AND applicant_encrypted IS NOT NULL)::int AS kept,
              (SELECT count(*) FROM identity_check)::int AS checks,
              (SELECT count(*) FROM booking b WHERE NOT EXISTS
                 (SELECT 1 FROM booking_event e WHERE e.booking_id = b.id AND e.action = 'booked'))::int AS unbooked
         FROM booking`,
      [now.toJSDate()],
    );
    expect(shape).toMatchObject({ future_wrong: 0, past_open: 0, kept: 0, unbooked: 0 });
    expect(shape.completed).toBeGreaterThan(60);
    expect(shape.checks).toBe(shape.completed);
    expect(shape.erased).toBeGreaterThan(0);
    // A kept booking's personal data reads back as the app wrote it.
    const [kept] = await rows<{ applicant_encrypted: string }>(
      `SELECT applicant_encrypted FROM booking WHERE applicant_encrypted IS NOT NULL ORDER BY created_at LIMIT 1 OFFSET 5`,
    );
    expect(cipher.decrypt<{ fullName: string }>(kept.applicant_encrypted).fullName).toMatch(/^Test Person/);
  });
});
