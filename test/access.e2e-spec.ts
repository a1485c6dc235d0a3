import { randomBytes, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { JwtService } from '@nestjs/jwt';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { UsersService } from '../src/accounts/users.service.js';
import { AppConfig } from '../src/config/app-config.js';
import { newCentre, weekdays } from './support/factories.js';
import { bearer, loginAs, startTestApp, TestApp } from './support/test-app.js';

/**
 * Who may call what. Every route that exists today, times every kind of caller, one test line per cell. The bodies
 * are valid, so the only reason a call can be refused is access.
 */

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: { field: string; message: string }[];
}
interface UserView {
  id: string;
  email: string;
  role: 'admin' | 'staff';
  centreIds: string[];
}
interface LoginBody {
  accessToken: string;
  expiresIn: number;
  user: UserView;
}

type Method = 'get' | 'post' | 'put' | 'patch';
type Caller =
  'admin' | 'own staff' | 'other staff' | 'no token' | 'malformed token' | 'forged token' | 'expired token';
type Kind = 'admin' | 'staff centre' | 'staff list' | 'any login' | 'public';

const CALLERS: Caller[] = [
  'admin',
  'own staff',
  'other staff',
  'no token',
  'malformed token',
  'forged token',
  'expired token',
];
const PASSWORD = 'correct horse battery';

/** Filled in beforeAll; the table below is built before that, so it reads from here lazily. */
interface World {
  /** the centre of "own staff", and the centre every admin route is called on */
  ownCentre: string;
  /** the centre of "other staff" */
  otherCentre: string;
  /** a staff account that the admin routes on accounts change */
  account: string;
  headers: Record<Caller, string | undefined>;
}

interface Route {
  method: Method;
  path: string;
  kind: Kind;
  /** the status an authorised caller gets */
  ok: number;
  url: (w: World) => string;
  query?: Record<string, string>;
  body?: (w: World) => unknown;
}

let seq = 0;
const unique = () => `${++seq}-${randomBytes(3).toString('hex')}`;

const ROUTES: Route[] = [
  {
    method: 'post',
    path: '/api/admin/centres',
    kind: 'admin',
    ok: 201,
    url: () => '/api/admin/centres',
    body: () => ({
      name: `Borgerservice Adgang ${unique()}`,
      address: 'Torvet 2, 9999 Testby',
      municipality: 'Testby',
      slotMinutes: 15,
      bookingHorizonDays: 60,
      minNoticeHours: 0,
    }),
  },
  { method: 'get', path: '/api/admin/centres', kind: 'admin', ok: 200, url: () => '/api/admin/centres' },
  {
    method: 'get',
    path: '/api/admin/centres/:id',
    kind: 'admin',
    ok: 200,
    url: (w) => `/api/admin/centres/${w.ownCentre}`,
  },
  {
    method: 'patch',
    path: '/api/admin/centres/:id',
    kind: 'admin',
    ok: 200,
    url: (w) => `/api/admin/centres/${w.ownCentre}`,
    body: () => ({ contactPhone: '+45 89 40 20 00' }),
  },
  {
    method: 'put',
    path: '/api/admin/centres/:id/appointment-types',
    kind: 'admin',
    ok: 200,
    url: (w) => `/api/admin/centres/${w.ownCentre}/appointment-types`,
    body: () => [{ code: 'MITID_NEW', name: 'New MitID', durationMinutes: 15 }],
  },
  {
    method: 'put',
    path: '/api/admin/centres/:id/opening-hours',
    kind: 'admin',
    ok: 200,
    url: (w) => `/api/admin/centres/${w.ownCentre}/opening-hours`,
    body: () => ({ weekly: weekdays('09:00', '12:00', 2) }),
  },
  {
    method: 'post',
    path: '/api/admin/centres/:id/closures',
    kind: 'admin',
    ok: 201,
    url: (w) => `/api/admin/centres/${w.ownCentre}/closures`,
    body: () => ({ from: '2027-03-01', to: '2027-03-01', reason: 'Access test' }),
  },
  {
    method: 'get',
    path: '/api/admin/centres/:id/closures',
    kind: 'admin',
    ok: 200,
    url: (w) => `/api/admin/centres/${w.ownCentre}/closures`,
  },
  {
    method: 'post',
    path: '/api/admin/users',
    kind: 'admin',
    ok: 201,
    url: () => '/api/admin/users',
    body: (w) => ({
      email: `new-${unique()}@test.localhost`,
      password: PASSWORD,
      role: 'staff',
      centreIds: [w.ownCentre],
    }),
  },
  { method: 'get', path: '/api/admin/users', kind: 'admin', ok: 200, url: () => '/api/admin/users' },
  {
    method: 'get',
    path: '/api/admin/users/:id',
    kind: 'admin',
    ok: 200,
    url: (w) => `/api/admin/users/${w.account}`,
  },
  {
    method: 'patch',
    path: '/api/admin/users/:id',
    kind: 'admin',
    ok: 200,
    url: (w) => `/api/admin/users/${w.account}`,
    body: (w) => ({ centreIds: [w.ownCentre], active: true }),
  },
  {
    method: 'put',
    path: '/api/admin/users/:id/password',
    kind: 'admin',
    ok: 204,
    url: (w) => `/api/admin/users/${w.account}/password`,
    body: () => ({ password: PASSWORD }),
  },
  {
    method: 'get',
    path: '/api/admin/users/:id/audit',
    kind: 'admin',
    ok: 200,
    url: (w) => `/api/admin/users/${w.account}/audit`,
  },
  { method: 'get', path: '/api/staff/centres', kind: 'staff list', ok: 200, url: () => '/api/staff/centres' },
  {
    method: 'get',
    path: '/api/staff/centres/:centreId',
    kind: 'staff centre',
    ok: 200,
    url: (w) => `/api/staff/centres/${w.ownCentre}`,
  },
  {
    method: 'get',
    path: '/api/staff/centres/:centreId/closures',
    kind: 'staff centre',
    ok: 200,
    url: (w) => `/api/staff/centres/${w.ownCentre}/closures`,
  },
  { method: 'get', path: '/api/auth/me', kind: 'any login', ok: 200, url: () => '/api/auth/me' },
  { method: 'get', path: '/api/centres', kind: 'public', ok: 200, url: () => '/api/centres' },
  {
    method: 'get',
    path: '/api/centres/:id/availability',
    kind: 'public',
    ok: 200,
    url: (w) => `/api/centres/${w.ownCentre}/availability`,
    query: { from: '2027-01-04', to: '2027-01-10', type: 'MITID_NEW' },
  },
  { method: 'get', path: '/api/health', kind: 'public', ok: 200, url: () => '/api/health' },
];

function expected(route: Route, caller: Caller): number {
  const unauthenticated = caller === 'no token' || caller.endsWith(' token');
  switch (route.kind) {
    case 'public':
      return route.ok;
    case 'any login':
    case 'staff list':
      return unauthenticated ? 401 : route.ok;
    case 'staff centre':
      return unauthenticated ? 401 : caller === 'other staff' ? 403 : route.ok;
    case 'admin':
      return unauthenticated ? 401 : caller === 'admin' ? route.ok : 403;
  }
}

const MATRIX = ROUTES.flatMap((route) =>
  CALLERS.map((caller) => ({
    route,
    caller,
    label: `${route.method.toUpperCase()} ${route.path}`,
    status: expected(route, caller),
  })),
);

async function call(
  t: TestApp,
  route: Route,
  world: World,
  authorization: string | undefined,
): Promise<Response> {
  let req = t.http()[route.method](route.url(world));
  if (authorization !== undefined) req = req.set('Authorization', authorization);
  if (route.query) req = req.query(route.query);
  const body = route.body?.(world);
  if (body !== undefined) req = req.send(body as object);
  return await req;
}

function expectErrorBody(response: Response, status: number): void {
  expect(response.body).toEqual({
    statusCode: status,
    error: STATUS_CODES[status],
    message: expect.any(String) as unknown,
    details: [],
  });
}

describe('Access control over HTTP', () => {
  let t: TestApp;
  let admin: { token: string; id: string; email: string };
  let ownStaff: { token: string; id: string };
  let otherStaff: { token: string; id: string };
  let secret: string;
  const world: World = {
    ownCentre: '',
    otherCentre: '',
    account: '',
    headers: {} as Record<Caller, string | undefined>,
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-01-04T08:00:00+01:00' });
    admin = await loginAs(t, 'admin');
    world.ownCentre = (await newCentre(t, admin.token, { name: 'Borgerservice Egen' })).id;
    world.otherCentre = (await newCentre(t, admin.token, { name: 'Borgerservice Anden' })).id;
    ownStaff = await loginAs(t, 'staff', [world.ownCentre]);
    otherStaff = await loginAs(t, 'staff', [world.otherCentre]);
    world.account = (await loginAs(t, 'staff', [world.ownCentre])).id;
    secret = t.app.get(AppConfig).authTokenSecret;
    const forged = await new JwtService({ secret: randomBytes(48).toString('base64url') }).signAsync(
      { sub: admin.id, role: 'admin' },
      { algorithm: 'HS256', expiresIn: 3600 },
    );
    const expired = await new JwtService({ secret }).signAsync(
      { sub: admin.id, role: 'admin' },
      { algorithm: 'HS256', expiresIn: -10 },
    );
    world.headers = {
      admin: `Bearer ${admin.token}`,
      'own staff': `Bearer ${ownStaff.token}`,
      'other staff': `Bearer ${otherStaff.token}`,
      'no token': undefined,
      'malformed token': 'Bearer not-a-token',
      'forged token': `Bearer ${forged}`,
      'expired token': `Bearer ${expired}`,
    };
  });
  afterAll(() => t.close());

  describe('the matrix', () => {
    it.each(MATRIX)('$label as $caller → $status', async ({ route, caller, status }) => {
      const response = await call(t, route, world, world.headers[caller]);
      expect({
        status: response.status,
        body: response.status === status ? 'as expected' : (response.body as unknown),
      }).toEqual({
        status,
        body: 'as expected',
      });
      if (status >= 400) expectErrorBody(response, status);
    });
  });

  describe('staff centre routes on a centre that does not exist', () => {
    it('staff get 403 for an unknown centre id (existence is not revealed to them)', async () => {
      const response = await t.http().get(`/api/staff/centres/${randomUUID()}`).set(bearer(ownStaff.token));
      expect(response.status).toBe(403);
      expectErrorBody(response, 403);
    });

    it('an administrator gets 404 for an unknown centre id', async () => {
      const response = await t.http().get(`/api/staff/centres/${randomUUID()}`).set(bearer(admin.token));
      expect(response.status).toBe(404);
      expectErrorBody(response, 404);
    });
  });

  describe('centre lists are filtered by the caller', () => {
    const ids = (response: Response) => (response.body as { id: string }[]).map((centre) => centre.id);

    it('GET /api/staff/centres lists only the own centre to a staff member', async () => {
      const own = await t.http().get('/api/staff/centres').set(bearer(ownStaff.token)).expect(200);
      expect(ids(own)).toEqual([world.ownCentre]);
      const other = await t.http().get('/api/staff/centres').set(bearer(otherStaff.token)).expect(200);
      expect(ids(other)).toEqual([world.otherCentre]);
    });

    it('GET /api/staff/centres and GET /api/admin/centres list every centre to an administrator', async () => {
      const staffView = await t.http().get('/api/staff/centres').set(bearer(admin.token)).expect(200);
      expect(ids(staffView)).toEqual(expect.arrayContaining([world.ownCentre, world.otherCentre]));
      const adminView = await t.http().get('/api/admin/centres').set(bearer(admin.token)).expect(200);
      expect(ids(adminView)).toEqual(expect.arrayContaining([world.ownCentre, world.otherCentre]));
    });

    it('GET /api/auth/me tells a staff member who they are and where they work', async () => {
      const me = await t.http().get('/api/auth/me').set(bearer(ownStaff.token)).expect(200);
      expect(me.body).toEqual({
        id: ownStaff.id,
        email: expect.any(String) as unknown,
        role: 'staff',
        centreIds: [world.ownCentre],
      });
    });
  });

  describe('tokens', () => {
    const me = (authorization: string) => t.http().get('/api/auth/me').set('Authorization', authorization);

    it('accepts a token signed with the app secret (so the expired one in the matrix fails for its age alone)', async () => {
      const fresh = await new JwtService({ secret }).signAsync(
        { sub: admin.id, role: 'admin' },
        { algorithm: 'HS256', expiresIn: 60 },
      );
      expect((await me(`Bearer ${fresh}`)).status).toBe(200);
    });

    it.each([
      [
        'an unsigned token (alg none)',
        () => `Bearer ${jwtPart({ alg: 'none', typ: 'JWT' })}.${jwtPart({ sub: admin.id, role: 'admin' })}.x`,
      ],
      [
        'a token signed with another algorithm claim',
        () => `Bearer ${jwtPart({ alg: 'HS512', typ: 'JWT' })}.${jwtPart({ sub: admin.id })}.abc`,
      ],
      ['the Basic scheme', () => `Basic ${Buffer.from(`${admin.email}:${PASSWORD}`).toString('base64')}`],
      ['a bare token without the Bearer scheme', () => admin.token],
      ['Bearer with nothing after it', () => 'Bearer '],
    ])('rejects %s with 401', async (_name, header) => {
      const response = await me(header());
      expect(response.status).toBe(401);
      expectErrorBody(response, 401);
    });

    it('rejects a well-signed token for a user that does not exist (e.g. deleted) with 401', async () => {
      const ghost = await new JwtService({ secret }).signAsync(
        { sub: randomUUID(), role: 'admin' },
        { algorithm: 'HS256', expiresIn: 60 },
      );
      const response = await me(`Bearer ${ghost}`);
      expect(response.status).toBe(401);
      expectErrorBody(response, 401);
    });

    it('rejects the token of a disabled account with 401, and the account can no longer log in', async () => {
      const victim = await loginAs(t, 'admin');
      await t.http().get('/api/admin/centres').set(bearer(victim.token)).expect(200);
      await t.app.get(DataSource).query('UPDATE app_user SET active = false WHERE id = $1', [victim.id]);
      const response = await t.http().get('/api/admin/centres').set(bearer(victim.token));
      expect(response.status).toBe(401);
      expectErrorBody(response, 401);
      const login = await t.http().post('/api/auth/login').send({ email: victim.email, password: PASSWORD });
      expect(login.status).toBe(401);
    });
  });

  describe('login', () => {
    it('answers a wrong password with 401 and the contract error body', async () => {
      const response = await t
        .http()
        .post('/api/auth/login')
        .send({ email: admin.email, password: 'not the password' });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: expect.any(String) as unknown,
        details: [],
      });
      expect((response.body as ErrorBody).message).not.toContain(admin.email);
    });

    it('answers an unknown e-mail exactly like a wrong password', async () => {
      const wrong = await t
        .http()
        .post('/api/auth/login')
        .send({ email: admin.email, password: 'not the password' });
      const unknown = await t
        .http()
        .post('/api/auth/login')
        .send({ email: `nobody-${unique()}@test.localhost`, password: PASSWORD });
      expect(unknown.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
    });

    it('returns a token, its lifetime and the user on success', async () => {
      const response = await t
        .http()
        .post('/api/auth/login')
        .send({ email: admin.email, password: PASSWORD })
        .expect(200);
      const body = response.body as LoginBody;
      expect(body).toEqual({
        accessToken: expect.any(String) as unknown,
        expiresIn: expect.any(Number) as unknown,
        user: { id: admin.id, email: admin.email, role: 'admin', centreIds: [] },
      });
    });
  });

  describe('POST /api/admin/users', () => {
    const create = (body: object) => t.http().post('/api/admin/users').set(bearer(admin.token)).send(body);
    const fields = (response: Response) => (response.body as ErrorBody).details.map((issue) => issue.field);

    it('creates a staff user who can log in with the centres given, and works there', async () => {
      const email = `staff-${unique()}@test.localhost`;
      const centreIds = [world.ownCentre, world.otherCentre];
      const created = await create({ email, password: PASSWORD, role: 'staff', centreIds });
      expect(created.status).toBe(201);
      const user = created.body as UserView & Record<string, unknown>;
      expect(user).toEqual({
        id: expect.any(String) as unknown,
        email,
        role: 'staff',
        centreIds: expect.any(Array) as unknown,
      });
      expect([...user.centreIds].sort()).toEqual([...centreIds].sort());

      const login = await t.http().post('/api/auth/login').send({ email, password: PASSWORD });
      expect(login.status).toBe(200);
      const body = login.body as LoginBody;
      expect(body.user.id).toBe(user.id);
      expect(body.user.role).toBe('staff');
      expect([...body.user.centreIds].sort()).toEqual([...centreIds].sort());
      const listed = await t.http().get('/api/staff/centres').set(bearer(body.accessToken)).expect(200);
      expect((listed.body as { id: string }[]).map((c) => c.id).sort()).toEqual([...centreIds].sort());
      await t.http().get(`/api/admin/centres`).set(bearer(body.accessToken)).expect(403);
    });

    it('refuses a duplicate e-mail with 409', async () => {
      const email = `dup-${unique()}@test.localhost`;
      await create({ email, password: PASSWORD, role: 'staff', centreIds: [world.ownCentre] }).expect(201);
      const again = await create({ email, password: PASSWORD, role: 'admin', centreIds: [] });
      expect(again.status).toBe(409);
      expectErrorBody(again, 409);
    });

    it('refuses a duplicate e-mail that differs only in case with 409', async () => {
      const email = `case-${unique()}@test.localhost`;
      await create({ email, password: PASSWORD, role: 'staff', centreIds: [world.ownCentre] }).expect(201);
      const again = await create({
        email: email.toUpperCase(),
        password: PASSWORD,
        role: 'staff',
        centreIds: [world.ownCentre],
      });
      expect(again.status).toBe(409);
    });

    it('refuses an unknown centre id with 422 naming centreIds', async () => {
      const response = await create({
        email: `unknown-centre-${unique()}@test.localhost`,
        password: PASSWORD,
        role: 'staff',
        centreIds: [world.ownCentre, randomUUID()],
      });
      expect(response.status).toBe(422);
      expect(fields(response)).toContain('centreIds');
    });

    it('refuses a staff user without centres with 422 naming centreIds', async () => {
      const response = await create({
        email: `nowhere-${unique()}@test.localhost`,
        password: PASSWORD,
        role: 'staff',
        centreIds: [],
      });
      expect(response.status).toBe(422);
      expect(fields(response)).toContain('centreIds');
    });
  });
});

function jwtPart(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('Login throttling (LOGIN_ATTEMPTS_PER_MINUTE=3)', () => {
  let t: TestApp;
  const email = 'throttled@test.localhost';
  const attempt = (password: string) => t.http().post('/api/auth/login').send({ email, password });

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-01-04T08:00:00+01:00', env: { LOGIN_ATTEMPTS_PER_MINUTE: '3' } });
    await t.app.get(UsersService).create({ email, password: PASSWORD, role: 'admin', centreIds: [] });
  });
  afterAll(() => t.close());

  it('answers the fourth attempt within a minute with 429 and Retry-After, even with the right password', async () => {
    t.clock.set('2027-01-04T09:00:00+01:00');
    for (let i = 0; i < 3; i++) expect((await attempt('wrong password')).status).toBe(401);
    t.clock.set('2027-01-04T09:00:20+01:00');
    const blocked = await attempt(PASSWORD);
    expect(blocked.status).toBe(429);
    expectErrorBody429(blocked);
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('lets login work again once the clock has moved on a minute', async () => {
    t.clock.set('2027-01-04T10:00:00+01:00');
    for (let i = 0; i < 3; i++) await attempt('wrong password');
    expect((await attempt(PASSWORD)).status).toBe(429);
    t.clock.set('2027-01-04T10:01:00+01:00');
    const response = await attempt(PASSWORD);
    expect(response.status).toBe(200);
    expect((response.body as LoginBody).user.email).toBe(email);
  });
});

function expectErrorBody429(response: Response): void {
  expect(response.body).toMatchObject({
    statusCode: 429,
    error: 'Too Many Requests',
    message: expect.any(String) as unknown,
    details: [],
  });
  expect(response.headers['retry-after']).toMatch(/^\d+$/);
}

describe('Citizen rate limit (RATE_LIMIT_PER_MINUTE=5)', () => {
  let t: TestApp;
  let admin: string;
  let staff: string;
  let centre: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-01-04T08:00:00+01:00', env: { RATE_LIMIT_PER_MINUTE: '5' } });
    admin = (await loginAs(t, 'admin')).token;
    centre = (await newCentre(t, admin)).id;
    staff = (await loginAs(t, 'staff', [centre])).token;
  });
  afterAll(() => t.close());

  it('answers the sixth citizen request in a minute with 429 and Retry-After, and lets staff and admins on', async () => {
    t.clock.set('2027-01-04T09:00:00+01:00');
    for (let i = 0; i < 5; i++) expect((await t.http().get('/api/centres')).status).toBe(200);
    const blocked = await t.http().get('/api/centres');
    expect(blocked.status).toBe(429);
    expectErrorBody429(blocked);
    const availability = await t
      .http()
      .get(`/api/centres/${centre}/availability`)
      .query({ from: '2027-01-04', to: '2027-01-10', type: 'MITID_NEW' });
    expect(availability.status).toBe(429);

    // Staff and administrators are not citizens: well over the citizen limit, all still answered.
    for (let i = 0; i < 3; i++) {
      expect((await t.http().get('/api/admin/centres').set(bearer(admin))).status).toBe(200);
      expect((await t.http().get(`/api/admin/centres/${centre}`).set(bearer(admin))).status).toBe(200);
      expect((await t.http().get(`/api/admin/centres/${centre}/closures`).set(bearer(admin))).status).toBe(
        200,
      );
      expect((await t.http().get('/api/staff/centres').set(bearer(staff))).status).toBe(200);
      expect((await t.http().get(`/api/staff/centres/${centre}`).set(bearer(staff))).status).toBe(200);
      expect((await t.http().get('/api/auth/me').set(bearer(staff))).status).toBe(200);
      expect((await t.http().get('/api/health')).status).toBe(200);
    }
    expect((await t.http().get('/api/centres')).status).toBe(429);
  });

  it('lets citizens on again in the next minute', async () => {
    t.clock.set('2027-01-04T10:00:00+01:00');
    for (let i = 0; i < 5; i++) await t.http().get('/api/centres');
    expect((await t.http().get('/api/centres')).status).toBe(429);
    t.clock.set('2027-01-04T10:01:00+01:00');
    expect((await t.http().get('/api/centres')).status).toBe(200);
  });
});
