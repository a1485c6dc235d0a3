import { newCentre } from './support/factories.js';
import { bearer, loginAs, startTestApp, TestApp } from './support/test-app.js';

interface Account {
  id: string;
  email: string;
  role: 'admin' | 'staff';
  centreIds: string[];
  active: boolean;
  createdAt: string;
}
interface AuditEntry {
  userId: string;
  action: string;
  detail: Record<string, unknown>;
}

const PASSWORD = 'correct horse battery';

describe('Accounts through the API', () => {
  let t: TestApp;
  let admin: { token: string; id: string };
  let centreA: string;
  let centreB: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-01-04T08:00:00+01:00' });
    admin = await loginAs(t, 'admin');
    centreA = (await newCentre(t, admin.token, { name: 'Borgerservice A' })).id;
    centreB = (await newCentre(t, admin.token, { name: 'Borgerservice B' })).id;
  });
  afterAll(() => t.close());

  const asAdmin = () => ({
    list: () => t.http().get('/api/admin/users').set(bearer(admin.token)),
    get: (id: string) => t.http().get(`/api/admin/users/${id}`).set(bearer(admin.token)),
    create: (body: object) => t.http().post('/api/admin/users').set(bearer(admin.token)).send(body),
    patch: (id: string, body: object) =>
      t.http().patch(`/api/admin/users/${id}`).set(bearer(admin.token)).send(body),
    password: (id: string, password: string) =>
      t.http().put(`/api/admin/users/${id}/password`).set(bearer(admin.token)).send({ password }),
    audit: (id: string) => t.http().get(`/api/admin/users/${id}/audit`).set(bearer(admin.token)),
  });
  const login = (email: string, password: string) =>
    t.http().post('/api/auth/login').send({ email, password });

  it('lists, moves, disables, enables and resets an account, each audited, never showing a password hash', async () => {
    const api = asAdmin();
    const email = 'clerk.changes@test.localhost';
    const created = (
      await api.create({ email, password: PASSWORD, role: 'staff', centreIds: [centreA] }).expect(201)
    ).body as Account;
    const listed = (await api.list().expect(200)).body as Account[];
    expect(listed.find((account) => account.id === created.id)).toEqual({
      id: created.id,
      email,
      role: 'staff',
      centreIds: [centreA],
      active: true,
      createdAt: expect.any(String) as unknown,
    });
    expect(listed.map((account) => account.email)).toEqual(
      [...listed.map((account) => account.email)].sort(),
    );
    expect(JSON.stringify(listed)).not.toMatch(/argon2|password/i);

    const moved = (await api.patch(created.id, { centreIds: [centreB, centreA] }).expect(200))
      .body as Account;
    expect(moved.centreIds).toEqual([centreA, centreB].sort());
    const token = ((await login(email, PASSWORD).expect(200)).body as { accessToken: string }).accessToken;
    await t.http().get(`/api/staff/centres/${centreB}`).set(bearer(token)).expect(200);
    await api.patch(created.id, { centreIds: [centreB] }).expect(200);
    await t.http().get(`/api/staff/centres/${centreA}`).set(bearer(token)).expect(403);

    expect(((await api.patch(created.id, { active: false }).expect(200)).body as Account).active).toBe(false);
    await t.http().get('/api/auth/me').set(bearer(token)).expect(401);
    await login(email, PASSWORD).expect(401);
    await api.patch(created.id, { active: true }).expect(200);
    await t.http().get('/api/auth/me').set(bearer(token)).expect(200);

    await api.password(created.id, 'a brand new passphrase').expect(204);
    await login(email, PASSWORD).expect(401);
    await login(email, 'a brand new passphrase').expect(200);

    const trail = (await api.audit(created.id).expect(200)).body as AuditEntry[];
    expect(trail.map((entry) => [entry.action, entry.userId])).toEqual([
      ['user.created', admin.id],
      ['user.centres_changed', admin.id],
      ['user.centres_changed', admin.id],
      ['user.disabled', admin.id],
      ['user.enabled', admin.id],
      ['user.password_reset', admin.id],
    ]);
    expect(trail[2].detail).toEqual({ userId: created.id, from: [centreA, centreB].sort(), to: [centreB] });
    expect(JSON.stringify(trail)).not.toMatch(/argon2|brand new|horse/);
  });

  it('refuses what would leave an account wrong, naming the field', async () => {
    const api = asAdmin();
    const staff = (
      await api
        .create({
          email: 'clerk.refused@test.localhost',
          password: PASSWORD,
          role: 'staff',
          centreIds: [centreA],
        })
        .expect(201)
    ).body as Account;
    const field = async (response: Promise<{ status: number; body: unknown }>, status: number) => {
      const answer = await response;
      expect(answer.status).toBe(status);
      return (answer.body as { details: { field: string }[] }).details.map((d) => d.field);
    };
    expect(await field(api.patch(staff.id, { centreIds: [] }), 422)).toEqual(['centreIds']);
    expect(
      await field(api.patch(staff.id, { centreIds: ['00000000-0000-4000-8000-000000000000'] }), 422),
    ).toEqual(['centreIds']);
    expect(await field(api.patch(admin.id, { centreIds: [centreA] }), 422)).toEqual(['centreIds']);
    expect(await field(api.patch(admin.id, { active: false }), 422)).toEqual(['active']);
    expect(await field(api.patch(staff.id, { active: 'no' }), 422)).toEqual(['active']);
    expect(await field(api.password(staff.id, 'short'), 422)).toEqual(['password']);
    await api.patch('00000000-0000-4000-8000-000000000000', { active: false }).expect(404);
    await api.patch('not-a-uuid', { active: false }).expect(404);
    await api.password('00000000-0000-4000-8000-000000000000', 'long enough password').expect(404);
    await api.audit('00000000-0000-4000-8000-000000000000').expect(404);
    expect(((await api.get(staff.id).expect(200)).body as Account).centreIds).toEqual([centreA]);
  });
});
