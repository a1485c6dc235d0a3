import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { DateTime } from 'luxon';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { closingHoliday } from '../src/calendar/danish-holidays.js';
import { newBookingBody, newCentre } from './support/factories.js';
import { loginAs, startTestApp, TestApp, withServer } from './support/test-app.js';

const ZONE = 'Europe/Copenhagen';
const secrets = {
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
};

/** A weekday at least a week after the real date that is no holiday, so a second process on the real clock can book it too. */
function raceDay(): DateTime {
  let day = DateTime.now().setZone(ZONE).startOf('day').plus({ days: 8 });
  while (
    day.weekday > 5 ||
    closingHoliday(day.toISODate()!, {
      openOnConstitutionDay: false,
      openOnChristmasEve: false,
      openOnNewYearsEve: false,
    })
  ) {
    day = day.plus({ days: 1 });
  }
  return day;
}

const at = (day: DateTime, time: string) => {
  const [hour, minute] = time.split(':').map(Number);
  return day.set({ hour, minute }).toISO({ suppressMilliseconds: true })!;
};

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Stops the second process and waits until it is gone, so no run leaves one behind. */
async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

interface Statuses {
  [status: number]: number;
}

const tally = (statuses: number[]): Statuses =>
  statuses.reduce<Statuses>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

describe('No double bookings under concurrency', () => {
  let t: TestApp;
  let admin: string;
  let url: string;
  const day = raceDay();

  beforeAll(async () => {
    t = await startTestApp({ now: DateTime.now().toISO(), env: secrets });
    admin = (await loginAs(t, 'admin')).token;
    url = await t.url();
  });
  afterAll(() => t.close());

  const post = (base: string, body: object, headers: Record<string, string> = {}) =>
    request(base).post('/api/bookings').set(headers).send(body);

  const remaining = async (centreId: string, type = 'MITID_NEW') => {
    const response = await request(url)
      .get(`/api/centres/${centreId}/availability`)
      .query({ from: day.toISODate()!, to: day.toISODate()!, type })
      .expect(200);
    const slots = (response.body as { days: { slots: { startsAt: string; remaining: number }[] }[] }).days[0]
      .slots;
    return new Map(slots.map((slot) => [DateTime.fromISO(slot.startsAt).toMillis(), slot.remaining]));
  };
  const remainingAt = async (centreId: string, time: string, type?: string) =>
    (await remaining(centreId, type)).get(DateTime.fromISO(at(day, time)).toMillis());

  it('50 concurrent bookings for one time with 2 desks: exactly 2 succeed', async () => {
    const centre = await newCentre(t, admin, { bookingHorizonDays: 366 });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => post(url, newBookingBody(centre.id, at(day, '09:00')))),
    );
    expect(tally(responses.map((r) => r.status))).toEqual({ 201: 2, 409: 48 });
    expect(await remainingAt(centre.id, '09:00')).toBe(0);
  });

  withServer('holds with two app processes on one database', async () => {
    const centre = await newCentre(t, admin, { bookingHorizonDays: 366 });
    // A real second instance, as in production: the built app on the same database, itself two cluster workers
    // (WORKERS=2), so requests to it are served by two processes and this one by a third.
    // The project's own build: the compiled code and the pages' templates and assets beside it.
    execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      env: {
        ...process.env,
        ...secrets,
        DATABASE_URL: t.databaseUrl,
        PORT: String(port),
        RATE_LIMIT_PER_MINUTE: '0',
        LOG_LEVEL: 'warn',
        DEMO_DATA: 'false',
        JOBS_ENABLED: 'false',
        WORKERS: '2',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const otherUrl = `http://127.0.0.1:${port}`;
    try {
      for (let i = 0; i < 100; i++) {
        const ok = await request(otherUrl)
          .get('/api/health')
          .then((r) => r.status === 200)
          .catch(() => false);
        if (ok) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          post(i % 2 ? otherUrl : url, newBookingBody(centre.id, at(day, '09:15'))),
        ),
      );
      expect(tally(responses.map((r) => r.status))).toEqual({ 201: 2, 409: 48 });
      expect(await remainingAt(centre.id, '09:15')).toBe(0);
    } finally {
      await stop(child);
    }
  });

  it('a two-slot type racing one-slot bookings over overlapping times never overfills a cell', async () => {
    const centre = await newCentre(t, admin, {
      bookingHorizonDays: 366,
      types: [
        { code: 'MITID_NEW', name: 'New', durationMinutes: 15 },
        { code: 'MITID_HIGH', name: 'High', durationMinutes: 30 },
      ],
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '10:00', closes: '11:00', desks: 2 })),
    });
    const requests = [
      ...Array.from({ length: 12 }, (_, i) =>
        post(
          url,
          newBookingBody(centre.id, at(day, i % 2 ? '10:00' : '10:15'), { appointmentType: 'MITID_HIGH' }),
        ),
      ),
      ...Array.from({ length: 12 }, (_, i) =>
        post(url, newBookingBody(centre.id, at(day, ['10:00', '10:15', '10:30'][i % 3]))),
      ),
    ];
    const responses = await Promise.all(requests);
    const created = responses
      .filter((r) => r.status === 201)
      .map((r) => r.body as { startsAt: string; endsAt: string });
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    // Count the bookings covering each 15-minute cell: never more than the 2 desks.
    for (const cell of ['10:00', '10:15', '10:30', '10:45']) {
      const instant = DateTime.fromISO(at(day, cell)).toMillis();
      const holding = created.filter(
        (b) =>
          DateTime.fromISO(b.startsAt).toMillis() <= instant &&
          instant < DateTime.fromISO(b.endsAt).toMillis(),
      );
      expect({ cell, holding: holding.length <= 2 }).toEqual({ cell, holding: true });
    }
    const free = await remaining(centre.id);
    expect(free.get(DateTime.fromISO(at(day, '10:00')).toMillis())).toBe(0);
    expect(free.get(DateTime.fromISO(at(day, '10:15')).toMillis())).toBe(0);
  });

  it('a reschedule racing a booking for its target time: the booking ends at exactly one of its two times', async () => {
    const centre = await newCentre(t, admin, {
      bookingHorizonDays: 366,
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '12:00', desks: 1 })),
    });
    for (const [fromTime, targetTime] of [
      ['09:00', '11:00'],
      ['09:15', '11:15'],
      ['09:30', '11:30'],
      ['09:45', '11:45'],
    ]) {
      const from = at(day, fromTime);
      const target = at(day, targetTime);
      const movable = (await post(url, newBookingBody(centre.id, from)).expect(201)).body as {
        reference: string;
        manageToken: string;
      };
      const [moved, rival] = await Promise.all([
        request(url)
          .post(`/api/bookings/${movable.reference}/reschedule`)
          .set('X-Manage-Token', movable.manageToken)
          .send({ startsAt: target }),
        post(url, newBookingBody(centre.id, target)),
      ]);
      // exactly one of them gets the single desk
      expect([
        [200, 409],
        [409, 201],
      ]).toContainEqual([moved.status, rival.status]);
      const now = (
        await request(url)
          .get(`/api/bookings/${movable.reference}`)
          .set('X-Manage-Token', movable.manageToken)
          .expect(200)
      ).body as { startsAt: string };
      expect(now.startsAt).toBe(moved.status === 200 ? target : from);
      expect(await remainingAt(centre.id, targetTime)).toBe(0);
      expect(await remainingAt(centre.id, fromTime)).toBe(moved.status === 200 ? 1 : 0);
    }
  });

  it('one Idempotency-Key sent 10 times in parallel makes one booking', async () => {
    const centre = await newCentre(t, admin, { bookingHorizonDays: 366 });
    const body = newBookingBody(centre.id, at(day, '11:00'));
    const key = `key-${randomBytes(8).toString('hex')}`;
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => post(url, body, { 'Idempotency-Key': key })),
    );
    expect(tally(responses.map((r) => r.status))).toEqual({ 201: 1, 200: 9 });
    const ids = new Set(responses.map((r) => (r.body as { id: string }).id));
    expect(ids.size).toBe(1);
    expect(new Set(responses.map((r) => (r.body as { manageToken: string }).manageToken)).size).toBe(1);
    expect(await remainingAt(centre.id, '11:00')).toBe(1);
    const reused = await post(url, { ...body, startsAt: at(day, '11:15') }, { 'Idempotency-Key': key });
    expect(reused.status).toBe(422);
    t.expectNoCprLeaks();
  });

  it('a confirmed calendar change racing citizens cancelling the same bookings gives every desk back exactly once', async () => {
    const weekly = (desks: number) =>
      [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '10:00', desks }));
    const centre = await newCentre(t, admin, { bookingHorizonDays: 366, weekly: weekly(2) });
    const booked: { reference: string; manageToken: string }[] = [];
    for (const time of ['09:00', '09:15', '09:30', '09:45']) {
      for (let i = 0; i < 2; i++) {
        booked.push(
          (await post(url, newBookingBody(centre.id, at(day, time))).expect(201))
            .body as (typeof booked)[number],
        );
      }
    }
    await Promise.all([
      request(url)
        .put(`/api/admin/centres/${centre.id}/opening-hours?confirm=true`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ weekly: weekly(1) }),
      ...booked.map((b) =>
        request(url).post(`/api/bookings/${b.reference}/cancel`).set('X-Manage-Token', b.manageToken),
      ),
    ]);
    // The database's own count of taken desks must equal the bookings still holding them, cell by cell.
    const rows = await t.app.get(DataSource).query<{ starts_at: Date; booked: number; holding: number }[]>(
      `SELECT c.starts_at, c.booked, (SELECT count(*)::int FROM booking b WHERE b.centre_id = c.centre_id
         AND b.status IN ('booked', 'checked_in') AND c.starts_at = ANY(b.cell_starts)) AS holding
       FROM slot_capacity c WHERE c.centre_id = $1`,
      [centre.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.booked !== row.holding)).toEqual([]);
    expect(rows.every((row) => row.holding <= 1)).toBe(true);
  });
});
