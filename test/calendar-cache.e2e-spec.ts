import { DataSource } from 'typeorm';
import { CentreCalendars } from '../src/centres/centre-calendars.js';
import { newBookingBody, newCentre, weekdays } from './support/factories.js';
import { bearer, loginAs, startTestApp, TestApp, withServer } from './support/test-app.js';

interface Day {
  date: string;
  slots: { startsAt: string; endsAt: string; remaining: number }[];
  closedReason?: string;
}

const DATE = '2027-01-12'; // a Tuesday, a week after the test clock's 2027-01-04

/**
 * Centre calendars are cached per revision (calendar_version, raised by triggers, with the row's xmin): every
 * change must reach the next answer, on this instance and on any other, and a change rolled back must not.
 */
describe('Cached centre calendars', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-01-04T08:00:00+01:00' });
    admin = (await loginAs(t, 'admin')).token;
  });
  afterAll(() => t.close());

  async function day(app: TestApp, centreId: string, type = 'MITID_NEW'): Promise<Day> {
    const response = await app
      .http()
      .get(`/api/centres/${centreId}/availability?from=${DATE}&to=${DATE}&type=${type}`)
      .expect(200);
    return (response.body as { days: Day[] }).days[0];
  }

  it('every kind of calendar change reaches the very next availability answer', async () => {
    const { id } = await newCentre(t, admin);
    const put = (path: string, body: object) =>
      t.http().put(`/api/admin/centres/${id}/${path}`).set(bearer(admin)).send(body).expect(200);
    const patch = (body: object) =>
      t.http().patch(`/api/admin/centres/${id}`).set(bearer(admin)).send(body).expect(200);

    let shown = await day(t, id);
    expect(shown.slots).toHaveLength(12); // 09:00–12:00, 15 minutes
    expect(shown.slots[0].remaining).toBe(2);

    await put('opening-hours', { weekly: weekdays('10:00', '12:00', 3) });
    shown = await day(t, id);
    expect(shown.slots).toHaveLength(8);
    expect(shown.slots[0]).toMatchObject({ startsAt: `${DATE}T10:00:00+01:00`, remaining: 3 });

    await put('appointment-types', [{ code: 'MITID_NEW', name: 'Ny MitID', durationMinutes: 30 }]);
    shown = await day(t, id);
    expect(shown.slots[0]).toMatchObject({
      startsAt: `${DATE}T10:00:00+01:00`,
      endsAt: `${DATE}T10:30:00+01:00`,
    });

    await patch({ bookingHorizonDays: 3 });
    expect((await day(t, id)).slots).toEqual([]);
    await patch({ bookingHorizonDays: 60 });
    expect((await day(t, id)).slots).toHaveLength(7);

    await t
      .http()
      .post(`/api/admin/centres/${id}/closures`)
      .set(bearer(admin))
      .send({ from: DATE, to: DATE, reason: 'Personaledag' })
      .expect(201);
    shown = await day(t, id);
    expect(shown).toMatchObject({ slots: [], closedReason: 'Personaledag' });

    await patch({ active: false });
    await t.http().get(`/api/centres/${id}/availability?from=${DATE}&to=${DATE}&type=MITID_NEW`).expect(404);
  });

  it('a booking is checked against the calendar as it is now, not as it was cached', async () => {
    const { id } = await newCentre(t, admin);
    await day(t, id); // cached with 09:00–12:00
    await t
      .http()
      .put(`/api/admin/centres/${id}/opening-hours`)
      .set(bearer(admin))
      .send({ weekly: weekdays('10:00', '12:00', 2) })
      .expect(200);
    const response = await t
      .http()
      .post('/api/bookings')
      .send(newBookingBody(id, `${DATE}T09:00:00+01:00`))
      .expect(422);
    expect(JSON.stringify(response.body)).toContain('startsAt');
    await t
      .http()
      .post('/api/bookings')
      .send(newBookingBody(id, `${DATE}T10:00:00+01:00`))
      .expect(201);
  });

  it('a calendar read inside a transaction that is rolled back is never served afterwards', async () => {
    const { id } = await newCentre(t, admin);
    const dataSource = t.app.get(DataSource);
    const calendars = t.app.get(CentreCalendars);
    const before = (await calendars.stampOf(dataSource.manager, id)).stamp;

    // Inside a transaction: the horizon shrinks to a day and the calendar is read (and cached) as it then is.
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query('UPDATE centre SET booking_horizon_days = 1 WHERE id = $1', [id]);
        const { stamp } = await calendars.stampOf(manager, id);
        expect((await calendars.get(manager, id, stamp)).rules.bookingHorizonDays).toBe(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    // A committed change raises calendar_version to the same number the rolled-back one had reached.
    await t.http().patch(`/api/admin/centres/${id}`).set(bearer(admin)).send({ name: 'Omdøbt' }).expect(200);
    const after = (await calendars.stampOf(dataSource.manager, id)).stamp;
    expect(after.split('/')[0]).toBe(String(Number(before.split('/')[0]) + 1));
    expect((await day(t, id)).slots).toHaveLength(12); // the 60-day horizon, not the rolled-back one
  });

  withServer('a second app instance on the same database sees each change at once', async () => {
    const { id } = await newCentre(t, admin);
    const other = await startTestApp({ now: '2027-01-04T08:00:00+01:00', databaseUrl: t.databaseUrl });
    try {
      expect((await day(other, id)).slots[0].remaining).toBe(2); // cached there

      await t
        .http()
        .put(`/api/admin/centres/${id}/opening-hours`)
        .set(bearer(admin))
        .send({ weekly: weekdays('09:00', '12:00', 4) })
        .expect(200);
      expect((await day(other, id)).slots[0].remaining).toBe(4);

      await t
        .http()
        .post(`/api/admin/centres/${id}/closures`)
        .set(bearer(admin))
        .send({ from: DATE, to: DATE, startTime: '09:00', endTime: '10:00', reason: 'Møde' })
        .expect(201);
      expect((await day(other, id)).slots[0].startsAt).toBe(`${DATE}T10:00:00+01:00`);
      await other
        .http()
        .post('/api/bookings')
        .send(newBookingBody(id, `${DATE}T09:00:00+01:00`))
        .expect(422);
      await other
        .http()
        .post('/api/bookings')
        .send(newBookingBody(id, `${DATE}T10:00:00+01:00`))
        .expect(201);
      expect((await day(t, id)).slots[0]).toMatchObject({ startsAt: `${DATE}T10:00:00+01:00`, remaining: 3 });
    } finally {
      await other.close();
    }
  });
});
