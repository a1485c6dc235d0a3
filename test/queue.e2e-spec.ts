import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { openEventStream } from './support/event-stream.js';
import { newBookingBody, newCentre } from './support/factories.js';
import { bearer, loginAs, startTestApp, TestApp, withServer } from './support/test-app.js';

const MONDAY = '2027-01-11';
const TUESDAY = '2027-01-12';
const at = (time: string, date = MONDAY) =>
  DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/Copenhagen' }).toISO({ suppressMilliseconds: true })!;
const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '15:00', desks: 4 }));

interface Call {
  appointmentId: string;
  number: number;
  desk: string;
  calledAt: string;
  calls: number;
  waiting: number;
}

describe('The queue: numbers at check-in, calls to desks, the waiting-room display', () => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  let otherClerk: string;

  beforeAll(async () => {
    t = await startTestApp({ now: `${MONDAY}T07:00:00+01:00` });
    admin = (await loginAs(t, 'admin')).token;
  });
  afterAll(() => {
    t.expectNoCprLeaks();
    return t.close();
  });

  /** A centre of its own per test, with a clerk who works there and one who does not. */
  const centre = async () => {
    t.clock.set(`${MONDAY}T07:00:00+01:00`);
    const id = (await newCentre(t, admin, { weekly, bookingHorizonDays: 366 })).id;
    const other = (await newCentre(t, admin, { weekly, bookingHorizonDays: 366, name: 'Anden' })).id;
    clerk = (await loginAs(t, 'staff', [id])).token;
    otherClerk = (await loginAs(t, 'staff', [other])).token;
    return id;
  };
  const book = async (centreId: string, startsAt: string) => {
    const response = await t.http().post('/api/bookings').send(newBookingBody(centreId, startsAt));
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status: 201 });
    return response.body as { id: string; reference: string; applicant: { fullName: string; email: string } };
  };
  const checkIn = async (id: string) => {
    const response = await t
      .http()
      .post(`/api/staff/appointments/${id}/check-in`)
      .set(bearer(clerk))
      .expect(200);
    return response.body as { queueNumber: number | null };
  };
  const callNext = (centreId: string, desk = '3', token = clerk) =>
    t.http().post(`/api/staff/centres/${centreId}/queue/call-next`).set(bearer(token)).send({ desk });
  const call = (id: string, desk = '2', token = clerk) =>
    t.http().post(`/api/staff/appointments/${id}/call`).set(bearer(token)).send({ desk });

  it('numbers check-ins 1, 2, 3 per centre and local day, and the day list and appointment show the number', async () => {
    const centreId = await centre();
    const first = await book(centreId, at('09:00'));
    const second = await book(centreId, at('09:15'));
    const tuesday = await book(centreId, at('09:00', TUESDAY));
    t.clock.set(`${MONDAY}T08:40:00+01:00`);
    const booked = await t.http().get(`/api/staff/appointments/${second.id}`).set(bearer(clerk)).expect(200);
    expect((booked.body as { queueNumber: unknown }).queueNumber).toBeNull();
    expect((await checkIn(second.id)).queueNumber).toBe(1);
    expect((await checkIn(first.id)).queueNumber).toBe(2);
    const list = await t
      .http()
      .get(`/api/staff/centres/${centreId}/appointments`)
      .query({ date: MONDAY })
      .set(bearer(clerk))
      .expect(200);
    expect((list.body as { id: string; queueNumber: number }[]).map((a) => [a.id, a.queueNumber])).toEqual([
      [first.id, 2],
      [second.id, 1],
    ]);
    t.clock.set(`${TUESDAY}T08:50:00+01:00`);
    expect((await checkIn(tuesday.id)).queueNumber).toBe(1);
  });

  it('holds a number unique per centre and day in the database itself', async () => {
    const centreId = await centre();
    const booking = await book(centreId, at('09:00'));
    const other = await book(centreId, at('09:15'));
    t.clock.set(`${MONDAY}T08:40:00+01:00`);
    await checkIn(booking.id);
    const duplicate = t.app.get(DataSource).query(
      `INSERT INTO queue_ticket (booking_id, centre_id, local_date, number, checked_in_at)
         VALUES ($1, $2, $3, 1, now())`,
      [other.id, centreId, MONDAY],
    );
    await expect(duplicate).rejects.toMatchObject({ driverError: { code: '23505' } });
  });

  it('gives applicants checking in at once at two desks numbers 1 to n, none twice', async () => {
    const centreId = await centre();
    const bookings = [];
    for (const time of ['09:00', '09:15']) {
      for (let i = 0; i < 4; i++) bookings.push(await book(centreId, at(time)));
    }
    const clerk2 = (await loginAs(t, 'staff', [centreId])).token;
    t.clock.set(`${MONDAY}T08:50:00+01:00`);
    const url = await t.url();
    const numbers = await Promise.all(
      bookings.map((booking, i) =>
        fetch(`${url}/api/staff/appointments/${booking.id}/check-in`, {
          method: 'POST',
          headers: bearer(i % 2 ? clerk : clerk2),
        }).then(async (response) => {
          expect(response.status).toBe(200);
          return ((await response.json()) as { queueNumber: number }).queueNumber;
        }),
      ),
    );
    expect(numbers.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('calls the earliest checked-in applicant to a desk, then the next, recalls, and retires a served one', async () => {
    const centreId = await centre();
    const a = await book(centreId, at('09:00'));
    const b = await book(centreId, at('09:00'));
    const c = await book(centreId, at('09:15'));
    t.clock.set(`${MONDAY}T08:30:00+01:00`);
    await checkIn(b.id);
    t.clock.set(`${MONDAY}T08:35:00+01:00`);
    await checkIn(a.id);
    await checkIn(c.id);
    await expect(call(c.id, '1', otherClerk).then((r) => r.status)).resolves.toBe(404);
    await expect(callNext(centreId, '1', otherClerk).then((r) => r.status)).resolves.toBe(403);

    t.clock.set(`${MONDAY}T09:00:00+01:00`);
    const first = await callNext(centreId, '3').expect(200);
    expect(first.body).toEqual({
      appointmentId: b.id,
      number: 1,
      desk: '3',
      calledAt: '2027-01-11T09:00:00+01:00',
      calls: 1,
      waiting: 2,
    });
    t.clock.set(`${MONDAY}T09:01:00+01:00`);
    expect((await callNext(centreId, 'Skranke 4').expect(200)).body).toMatchObject({
      appointmentId: a.id,
      number: 2,
    });
    t.clock.set(`${MONDAY}T09:02:00+01:00`);
    const recall = await call(b.id, '3').expect(200);
    expect(recall.body).toMatchObject({ appointmentId: b.id, number: 1, calls: 2, waiting: 1 });

    await t
      .http()
      .post(`/api/staff/appointments/${c.id}/complete`)
      .set(bearer(clerk))
      .send({ outcome: 'refused', reason: 'left before being called' })
      .expect(200);
    const nobody = await callNext(centreId).expect(409);
    expect((nobody.body as { message: string }).message).toBe('Nobody is waiting to be called');
    expect(((await call(c.id).expect(409)).body as { message: string }).message).toMatch(/still waiting/);
    const notCheckedIn = await book(centreId, at('10:00'));
    await call(notCheckedIn.id).expect(409);
    await call('00000000-0000-4000-8000-000000000000').expect(404);
    await call('not-an-id').expect(404);
    await callNext(centreId, '').expect(422);
  });

  it('shows the waiting room the last numbers called, newest first, and how many wait — and nothing personal', async () => {
    const centreId = await centre();
    const bookings = [
      await book(centreId, at('09:00')),
      await book(centreId, at('09:00')),
      await book(centreId, at('09:15')),
    ];
    t.clock.set(`${MONDAY}T08:50:00+01:00`);
    for (const booking of bookings) await checkIn(booking.id);
    t.clock.set(`${MONDAY}T09:00:00+01:00`);
    await callNext(centreId, '1').expect(200);
    t.clock.set(`${MONDAY}T09:04:00+01:00`);
    await callNext(centreId, '2').expect(200);

    const display = await t.http().get(`/api/display/${centreId}`).expect(200);
    expect(display.body).toEqual({
      centreId,
      calls: [
        { number: 2, desk: '2', calledAt: '2027-01-11T09:04:00+01:00' },
        { number: 1, desk: '1', calledAt: '2027-01-11T09:00:00+01:00' },
      ],
      waiting: 1,
    });
    const text = display.text;
    for (const booking of bookings) {
      for (const personal of [
        booking.id,
        booking.reference,
        booking.applicant.fullName,
        booking.applicant.email,
      ]) {
        expect(text).not.toContain(personal);
      }
    }
    expect(
      (
        (await t.http().get(`/api/display/${centreId}`).query({ limit: 1 }).expect(200)).body as {
          calls: unknown[];
        }
      ).calls,
    ).toHaveLength(1);
    await t.http().get('/api/display/00000000-0000-4000-8000-000000000000').expect(404);
    await t.http().get('/api/display/nope').expect(404);
  });

  it('never gives two clerks calling next at once the same person', async () => {
    const centreId = await centre();
    const bookings = [];
    for (const time of ['09:00', '09:15', '09:30']) {
      for (let i = 0; i < 4; i++) bookings.push(await book(centreId, at(time)));
    }
    t.clock.set(`${MONDAY}T08:50:00+01:00`);
    for (const booking of bookings) await checkIn(booking.id);
    const clerk2 = (await loginAs(t, 'staff', [centreId])).token;
    const url = await t.url();
    const calls = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        fetch(`${url}/api/staff/centres/${centreId}/queue/call-next`, {
          method: 'POST',
          headers: { ...bearer(i % 2 ? clerk : clerk2), 'Content-Type': 'application/json' },
          body: JSON.stringify({ desk: String(i) }),
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as Call })),
      ),
    );
    const called = calls.filter((r) => r.status === 200).map((r) => r.body.appointmentId);
    expect(calls.filter((r) => r.status !== 200).map((r) => r.status)).toEqual([409, 409, 409, 409]);
    expect(new Set(called).size).toBe(12);
    expect(called.sort()).toEqual(bookings.map((b) => b.id).sort());
  });

  it('pushes each call live to the waiting-room screens, with no personal data', async () => {
    const centreId = await centre();
    const booking = await book(centreId, at('09:00'));
    t.clock.set(`${MONDAY}T08:50:00+01:00`);
    await checkIn(booking.id);
    const stream = await openEventStream(`${await t.url()}/api/display/${centreId}/events`);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(stream.headers['cache-control']).toBe('no-store');
      const received = stream.nextCall(2000);
      t.clock.set(`${MONDAY}T09:00:00+01:00`);
      await callNext(centreId, '5').expect(200);
      expect(await received).toEqual({
        centreId,
        number: 1,
        desk: '5',
        calledAt: '2027-01-11T09:00:00+01:00',
        waiting: 0,
      });
      const recalled = stream.nextCall(2000);
      await call(booking.id, '6').expect(200);
      expect(await recalled).toMatchObject({ number: 1, desk: '6' });
      expect(stream.text()).toMatch(/^retry: \d+\n: connected\n\n/);
      for (const personal of [
        booking.id,
        booking.reference,
        booking.applicant.fullName,
        booking.applicant.email,
      ]) {
        expect(stream.text()).not.toContain(personal);
      }
    } finally {
      stream.close();
    }
    const unknown = await openEventStream(
      `${await t.url()}/api/display/00000000-0000-4000-8000-000000000000/events`,
    );
    unknown.close();
    expect(unknown.status).toBe(404);
  });

  it('keeps an idle stream open with heartbeat comments every DISPLAY_HEARTBEAT_SECONDS', async () => {
    const quick = await startTestApp({ env: { DISPLAY_HEARTBEAT_SECONDS: '1' } });
    const centreId = (await newCentre(quick, (await loginAs(quick, 'admin')).token)).id;
    const stream = await openEventStream(`${await quick.url()}/api/display/${centreId}/events`);
    try {
      const deadline = Date.now() + 2500;
      while (!stream.text().includes(': heartbeat\n\n') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(stream.text()).toContain(': heartbeat\n\n');
    } finally {
      stream.close();
      await quick.close();
    }
  });

  withServer(
    'carries a call made on one instance to a screen connected to another, also after its listener reconnects',
    async () => {
      const centreId = await centre();
      const first = await book(centreId, at('09:00'));
      const second = await book(centreId, at('09:15'));
      t.clock.set(`${MONDAY}T08:50:00+01:00`);
      await checkIn(first.id);
      await checkIn(second.id);
      const b = await startTestApp({ databaseUrl: t.databaseUrl, now: `${MONDAY}T09:00:00+01:00` });
      const stream = await openEventStream(`${await b.url()}/api/display/${centreId}/events`);
      try {
        const received = stream.nextCall(2000);
        await callNext(centreId, '1').expect(200);
        expect(await received).toMatchObject({ centreId, number: 1, desk: '1' });

        const dataSource = t.app.get(DataSource);
        // Cut every listener's connection: B's feed must listen again on its own.
        await dataSource.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE application_name = 'queue-feed' AND datname = current_database()`,
        );
        const deadline = Date.now() + 5000;
        for (;;) {
          const [{ n }] = await dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE application_name = 'queue-feed' AND datname = current_database() AND query LIKE 'LISTEN%'`,
          );
          if (n >= 2 || Date.now() > deadline) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const again = stream.nextCall(2000);
        await callNext(centreId, '2').expect(200);
        expect(await again).toMatchObject({ centreId, number: 2, desk: '2' });
      } finally {
        stream.close();
        await b.close();
      }
    },
  );
});
