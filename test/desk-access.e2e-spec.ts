import { randomBytes, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { newBookingBody, newCentre, weekdays } from './support/factories.js';
import { bearer, loginAs, startTestApp, TestApp } from './support/test-app.js';

/**
 * Who may use the desk: every staff and admin route of the desk capability, times staff of the appointment's
 * centre, staff of another centre, an administrator and a caller without a token — one test line per cell.
 * Bodies are valid and every appointment is in the state its action needs, so the only reason a call can be
 * refused is access; a refused call must leave what it aimed at exactly as it was.
 */

type Caller = 'own staff' | 'other staff' | 'admin' | 'no token';
type Status = 'booked' | 'checked_in' | 'completed' | 'no_show' | 'cancelled';
type Method = 'get' | 'post' | 'put';

const CALLERS: Caller[] = ['own staff', 'other staff', 'admin', 'no token'];

/** Monday 11 January 2027; the test centre opens Mon–Fri 09:00–12:00 on a 15-minute grid. */
const NOW = '2027-01-11T08:00:00+01:00';
const TODAY = '2027-01-11';
/** After the start plus the no-show grace (15 minutes) of every appointment booked today (the last one starts at 11:45), still the same day. */
const AFTER_LAST_GRACE = '2027-01-11T12:00:00+01:00';
const DESKS = 10;

const IDENTITY_CHECK = {
  documents: [{ type: 'DK_DRIVING_LICENCE', valid: true }],
  controlQuestions: 'passed',
};
const COMPLETE = { outcome: 'mitid_issued' };

interface AppointmentBody {
  id: string;
  status: Status;
  identityCheck: { identityEstablished: boolean } | null;
  outcome: string | null;
}
interface AuditBody {
  at: string;
  userId: string;
  action: string;
  bookingId: string | null;
  centreId: string | null;
  detail: Record<string, unknown>;
}

/** Filled in beforeAll; the tables below are built before that, so they read from here lazily. */
interface World {
  /** the centre of "own staff", of every appointment, and the one every admin route is called on */
  ownCentre: string;
  /** the centre of "other staff" */
  otherCentre: string;
  /** a booked appointment today at the own centre that no test changes */
  appointment: string;
  headers: Record<Caller, string | undefined>;
  ids: Record<'own staff' | 'other staff' | 'admin', string>;
}

let seq = 0;
const unique = () => `${++seq}-${randomBytes(3).toString('hex')}`;

function expectErrorBody(response: Response, status: number): void {
  expect(response.body).toEqual({
    statusCode: status,
    error: STATUS_CODES[status],
    message: expect.any(String) as unknown,
    details: [],
  });
}

/** Status first, with the body shown only when the status is not the one expected. */
function expectStatus(response: Response, status: number): void {
  expect({
    status: response.status,
    body: response.status === status ? 'as expected' : (response.body as unknown),
  }).toEqual({
    status,
    body: 'as expected',
  });
}

describe('Desk access over HTTP', () => {
  let t: TestApp;
  const world: World = {
    ownCentre: '',
    otherCentre: '',
    appointment: '',
    headers: {} as Record<Caller, string | undefined>,
    ids: {} as World['ids'],
  };

  let slot = 0;
  /** The next start time today, spread over the twelve slots of the morning (DESKS bookings fit in each). */
  const nextSlot = (date = TODAY) => {
    const minutes = 9 * 60 + 15 * (slot++ % 12);
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    return `${date}T${hh}:${mm}:00+01:00`;
  };

  /** A fresh citizen booking at the own centre; returns its id. */
  const book = async (startsAt = nextSlot()): Promise<string> => {
    const response = await t.http().post('/api/bookings').send(newBookingBody(world.ownCentre, startsAt));
    expectStatus(response, 201);
    return (response.body as { id: string }).id;
  };

  /** The appointment as an administrator sees it at the desk. */
  const appointment = async (id: string): Promise<AppointmentBody> => {
    const response = await t
      .http()
      .get(`/api/staff/appointments/${id}`)
      .set('Authorization', world.headers.admin!);
    expectStatus(response, 200);
    return response.body as AppointmentBody;
  };

  const auditTrail = async (id: string): Promise<AuditBody[]> => {
    const response = await t
      .http()
      .get(`/api/admin/bookings/${id}/audit`)
      .set('Authorization', world.headers.admin!);
    expectStatus(response, 200);
    return response.body as AuditBody[];
  };

  /** Preparation steps, done by an administrator. */
  const checkIn = async (id: string) => {
    const response = await t
      .http()
      .post(`/api/staff/appointments/${id}/check-in`)
      .set('Authorization', world.headers.admin!);
    expectStatus(response, 200);
  };
  const identityCheck = async (id: string) => {
    const response = await t
      .http()
      .put(`/api/staff/appointments/${id}/identity-check`)
      .set('Authorization', world.headers.admin!)
      .send(IDENTITY_CHECK);
    expectStatus(response, 200);
    expect((response.body as { identityEstablished: boolean }).identityEstablished).toBe(true);
  };

  /** Runs `work` with the clock at `at` (when given), and puts the clock back whatever happens. */
  const atTime = async <T>(at: string | undefined, work: () => Promise<T>): Promise<T> => {
    if (at === undefined) return work();
    t.clock.set(at);
    try {
      return await work();
    } finally {
      t.clock.set(NOW);
    }
  };

  const send = async (
    method: Method,
    url: string,
    caller: Caller,
    options: { query?: Record<string, string>; body?: unknown } = {},
  ): Promise<Response> => {
    let req = t.http()[method](url);
    const authorization = world.headers[caller];
    if (authorization !== undefined) req = req.set('Authorization', authorization);
    if (options.query) req = req.query(options.query);
    if (options.body !== undefined) req = req.send(options.body as object);
    return await req;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    const admin = await loginAs(t, 'admin');
    world.ownCentre = (
      await newCentre(t, admin.token, {
        name: 'Borgerservice Skranke',
        weekly: weekdays('09:00', '12:00', DESKS),
      })
    ).id;
    world.otherCentre = (await newCentre(t, admin.token, { name: 'Borgerservice Andetsteds' })).id;
    const ownStaff = await loginAs(t, 'staff', [world.ownCentre]);
    const otherStaff = await loginAs(t, 'staff', [world.otherCentre]);
    world.headers = {
      'own staff': bearer(ownStaff.token).Authorization,
      'other staff': bearer(otherStaff.token).Authorization,
      admin: bearer(admin.token).Authorization,
      'no token': undefined,
    };
    world.ids = { 'own staff': ownStaff.id, 'other staff': otherStaff.id, admin: admin.id };
    world.appointment = await book();
  });
  afterAll(() => t.close());

  describe('state changes at the desk: a fresh appointment per cell, in the state the action needs', () => {
    interface Action {
      label: string;
      method: 'post' | 'put';
      path: string;
      body?: unknown;
      /** brings a fresh booked appointment into the state the action needs */
      prepare: (id: string) => Promise<void>;
      /** the clock during the call, when the action needs another time than NOW */
      at?: string;
      from: Status;
      to: Status;
      /** what a successful call answers */
      result: (id: string) => Record<string, unknown>;
    }

    const ACTIONS: Action[] = [
      {
        label: 'POST /api/staff/appointments/:id/check-in',
        method: 'post',
        path: 'check-in',
        prepare: async () => {},
        from: 'booked',
        to: 'checked_in',
        result: (id) => ({ id, status: 'checked_in' }),
      },
      {
        label: 'PUT /api/staff/appointments/:id/identity-check',
        method: 'put',
        path: 'identity-check',
        body: IDENTITY_CHECK,
        prepare: checkIn,
        from: 'checked_in',
        to: 'checked_in',
        result: () => ({
          identityEstablished: true,
          documentsSufficient: true,
          witnessVerified: false,
          problems: [],
        }),
      },
      {
        label: 'POST /api/staff/appointments/:id/complete',
        method: 'post',
        path: 'complete',
        body: COMPLETE,
        prepare: async (id) => {
          await checkIn(id);
          await identityCheck(id);
        },
        from: 'checked_in',
        to: 'completed',
        result: (id) => ({ id, status: 'completed', outcome: 'mitid_issued' }),
      },
      {
        label: 'POST /api/staff/appointments/:id/no-show',
        method: 'post',
        path: 'no-show',
        prepare: async () => {},
        at: AFTER_LAST_GRACE,
        from: 'booked',
        to: 'no_show',
        result: (id) => ({ id, status: 'no_show' }),
      },
    ];

    const EXPECTED: Record<Caller, number> = {
      'own staff': 200,
      'other staff': 404,
      admin: 200,
      'no token': 401,
    };
    const MATRIX = ACTIONS.flatMap((action) =>
      CALLERS.map((caller) => ({ action, caller, label: action.label, status: EXPECTED[caller] })),
    );

    it.each(MATRIX)('$label as $caller → $status', async ({ action, caller, status }) => {
      const id = await book();
      await action.prepare(id);
      const before = await appointment(id);
      expect(before.status).toBe(action.from);

      const call = (target: string) =>
        atTime(action.at, () =>
          send(action.method, `/api/staff/appointments/${target}/${action.path}`, caller, {
            body: action.body,
          }),
        );
      const response = await call(id);
      expectStatus(response, status);

      if (status === 200) {
        expect(response.body).toMatchObject(action.result(id));
        const after = await appointment(id);
        expect(after.status).toBe(action.to);
        if (action.path === 'identity-check')
          expect(after.identityCheck).toMatchObject({ identityEstablished: true });
      } else {
        expectErrorBody(response, status);
        // refused: the appointment is exactly as it was
        expect(await appointment(id)).toEqual(before);
      }
      if (status === 404) {
        // another centre's appointment answers exactly like one that does not exist
        const unknown = await call(randomUUID());
        expect({ status: unknown.status, body: unknown.body as unknown }).toEqual({
          status,
          body: response.body as unknown,
        });
      }
    });
  });

  describe('reads and admin routes', () => {
    interface Route {
      label: string;
      method: Method;
      url: (w: World) => string;
      query?: Record<string, string>;
      body?: () => unknown;
      expected: Record<Caller, number>;
      /** extra checks on a successful answer */
      onSuccess?: (response: Response, w: World) => void;
      /** for 404 cells: the same route on an id that does not exist, which must answer identically */
      unknown?: (w: World) => string;
      /** what the route changes, read by an administrator: a refused call must leave it as it was */
      state?: (w: World) => Promise<unknown>;
    }

    const adminOnly = (ok: number): Record<Caller, number> => ({
      'own staff': 403,
      'other staff': 403,
      admin: ok,
      'no token': 401,
    });
    let desks = DESKS;

    const ROUTES: Route[] = [
      {
        label: 'GET /api/staff/centres/:centreId/appointments',
        method: 'get',
        url: (w) => `/api/staff/centres/${w.ownCentre}/appointments`,
        query: { date: TODAY },
        expected: { 'own staff': 200, 'other staff': 403, admin: 200, 'no token': 401 },
        onSuccess: (response, w) => {
          const ids = (response.body as AppointmentBody[]).map((entry) => entry.id);
          expect(ids).toContain(w.appointment);
        },
      },
      {
        label: 'GET /api/staff/appointments/:id',
        method: 'get',
        url: (w) => `/api/staff/appointments/${w.appointment}`,
        expected: { 'own staff': 200, 'other staff': 404, admin: 200, 'no token': 401 },
        onSuccess: (response, w) =>
          expect(response.body).toMatchObject({ id: w.appointment, status: 'booked' }),
        unknown: () => `/api/staff/appointments/${randomUUID()}`,
      },
      {
        label: 'GET /api/admin/bookings/:id/audit',
        method: 'get',
        url: (w) => `/api/admin/bookings/${w.appointment}/audit`,
        expected: adminOnly(200),
        onSuccess: (response) => expect(Array.isArray(response.body)).toBe(true),
      },
      {
        label: 'GET /api/admin/centres/:id/statistics',
        method: 'get',
        url: (w) => `/api/admin/centres/${w.ownCentre}/statistics`,
        query: { from: '2027-01-01', to: '2027-01-31' },
        expected: adminOnly(200),
        onSuccess: (response, w) =>
          expect(response.body).toMatchObject({
            centreId: w.ownCentre,
            from: '2027-01-01',
            to: '2027-01-31',
          }),
      },
      {
        label: 'PUT /api/admin/centres/:id/opening-hours',
        method: 'put',
        url: (w) => `/api/admin/centres/${w.ownCentre}/opening-hours`,
        // more desks every time: never takes booked capacity away, and a refused change is visible if it happened
        body: () => ({ weekly: weekdays('09:00', '12:00', ++desks) }),
        expected: adminOnly(200),
        state: async (w) =>
          (
            await t
              .http()
              .get(`/api/admin/centres/${w.ownCentre}`)
              .set('Authorization', w.headers.admin!)
              .expect(200)
          ).body as unknown,
      },
      {
        label: 'POST /api/admin/centres/:id/closures',
        method: 'post',
        url: (w) => `/api/admin/centres/${w.ownCentre}/closures`,
        body: () => ({ from: '2027-03-01', to: '2027-03-01', reason: `Desk access ${unique()}` }),
        expected: adminOnly(201),
        state: async (w) =>
          (
            await t
              .http()
              .get(`/api/admin/centres/${w.ownCentre}/closures`)
              .set('Authorization', w.headers.admin!)
              .expect(200)
          ).body as unknown,
      },
    ];

    const MATRIX = ROUTES.flatMap((route) =>
      CALLERS.map((caller) => ({ route, caller, label: route.label, status: route.expected[caller] })),
    );

    it.each(MATRIX)('$label as $caller → $status', async ({ route, caller, status }) => {
      const before = await route.state?.(world);
      const response = await send(route.method, route.url(world), caller, {
        query: route.query,
        body: route.body?.(),
      });
      expectStatus(response, status);
      if (status < 300) {
        route.onSuccess?.(response, world);
      } else {
        expectErrorBody(response, status);
        if (route.state) expect(await route.state(world)).toEqual(before);
      }
      if (status === 404 && route.unknown) {
        const unknown = await send(route.method, route.unknown(world), caller, { query: route.query });
        expect({ status: unknown.status, body: unknown.body as unknown }).toEqual({
          status,
          body: response.body as unknown,
        });
      }
    });

    it.each([
      ['an unknown UUID', () => randomUUID()],
      ['a non-UUID id', () => 'not-a-uuid'],
    ])('GET /api/admin/bookings/:id/audit on %s → 404', async (_name, id) => {
      const response = await send('get', `/api/admin/bookings/${id()}/audit`, 'admin');
      expectStatus(response, 404);
      expectErrorBody(response, 404);
    });
  });

  describe('the audit trail', () => {
    it('records check-in, identity check and completion, each with the id of the user who acted', async () => {
      const id = await book();
      const act = async (caller: Caller, method: 'post' | 'put', path: string, body?: unknown) =>
        expectStatus(await send(method, `/api/staff/appointments/${id}/${path}`, caller, { body }), 200);
      await act('own staff', 'post', 'check-in');
      await act('admin', 'put', 'identity-check', IDENTITY_CHECK);
      await act('own staff', 'post', 'complete', COMPLETE);

      const actions = ['appointment.checked_in', 'appointment.identity_checked', 'appointment.completed'];
      const trail = (await auditTrail(id)).filter((record) => actions.includes(record.action));
      expect(
        trail.map(({ action, userId, bookingId, centreId }) => ({ action, userId, bookingId, centreId })),
      ).toEqual([
        {
          action: 'appointment.checked_in',
          userId: world.ids['own staff'],
          bookingId: id,
          centreId: world.ownCentre,
        },
        {
          action: 'appointment.identity_checked',
          userId: world.ids.admin,
          bookingId: id,
          centreId: world.ownCentre,
        },
        {
          action: 'appointment.completed',
          userId: world.ids['own staff'],
          bookingId: id,
          centreId: world.ownCentre,
        },
      ]);
      for (const record of trail) expect(new Date(record.at).toISOString()).toBe(record.at);
    });

    it('records a viewed_in_day_list entry per appointment for each day list a staff member or admin reads', async () => {
      const date = '2027-01-13';
      const ids = [await book(nextSlot(date)), await book(nextSlot(date))];
      const viewings = async (id: string) =>
        (await auditTrail(id))
          .filter((record) => record.action === 'appointment.viewed_in_day_list')
          .map(({ userId, bookingId, centreId }) => ({ userId, bookingId, centreId }));
      const list = (caller: Caller) =>
        send('get', `/api/staff/centres/${world.ownCentre}/appointments`, caller, { query: { date } });

      for (const id of ids) expect(await viewings(id)).toEqual([]);

      // refused lists leave no trace
      expectStatus(await list('other staff'), 403);
      expectStatus(await list('no token'), 401);
      for (const id of ids) expect(await viewings(id)).toEqual([]);

      const seen = await list('own staff');
      expectStatus(seen, 200);
      expect((seen.body as AppointmentBody[]).map((entry) => entry.id)).toEqual(ids);
      for (const id of ids) {
        expect(await viewings(id)).toEqual([
          { userId: world.ids['own staff'], bookingId: id, centreId: world.ownCentre },
        ]);
      }

      expectStatus(await list('admin'), 200);
      for (const id of ids) {
        expect(await viewings(id)).toEqual([
          { userId: world.ids['own staff'], bookingId: id, centreId: world.ownCentre },
          { userId: world.ids.admin, bookingId: id, centreId: world.ownCentre },
        ]);
      }
    });

    it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE on audit_record', async () => {
      const id = await book();
      await checkIn(id);
      const before = await auditTrail(id);
      expect(before.length).toBeGreaterThan(0); // the trigger is per row: without rows there would be nothing to refuse
      const database = t.app.get(DataSource);

      await expect(
        database.query(`UPDATE audit_record SET action = 'tampered' WHERE booking_id = $1`, [id]),
      ).rejects.toThrow('append-only');
      await expect(database.query('DELETE FROM audit_record WHERE booking_id = $1', [id])).rejects.toThrow(
        'append-only',
      );
      await expect(database.query('DELETE FROM audit_record')).rejects.toThrow('append-only');
      await expect(database.query('TRUNCATE audit_record')).rejects.toThrow('append-only');

      expect(await auditTrail(id)).toEqual(before);
    });
  });
});
