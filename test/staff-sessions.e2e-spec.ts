import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UsersService } from '../src/accounts/index.js';
import { StaffSessions } from '../src/staff-sessions/index.js';
import { startTestApp, TestApp } from './support/test-app.js';

const START = '2027-01-11T08:00:00+01:00';
const PASSWORD = 'correct horse battery';

describe('Staff web sessions', () => {
  let t: TestApp;
  let sessions: StaffSessions;
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp({ now: START });
    sessions = t.app.get(StaffSessions);
  });
  afterAll(() => t.close());

  const newStaff = async () => {
    t.clock.set(START);
    const email = `clerk${++seq}@test.localhost`;
    // An administrator needs no centre; sessions treat both roles alike.
    const account = await t.app
      .get(UsersService)
      .create({ email, password: PASSWORD, role: 'admin', centreIds: [] });
    return { email, id: account.id };
  };
  const minutesLater = (minutes: number) => t.clock.set(t.clock.now().plus({ minutes }));

  it('starts with the password the API login checks, keeps only a hash of the token, and resolves to the user', async () => {
    const { email, id } = await newStaff();
    await expect(sessions.start(email, 'wrong password')).rejects.toMatchObject({
      code: 'AUTH_INVALID_CREDENTIALS',
    });
    await expect(sessions.start('nobody@test.localhost', PASSWORD)).rejects.toMatchObject({
      code: 'AUTH_INVALID_CREDENTIALS',
    });
    const { token, user } = await sessions.start(email.toUpperCase(), PASSWORD);
    expect(user).toMatchObject({ id, role: 'admin' });
    const rows = await t.app
      .get(DataSource)
      .query<{ id: string }[]>('SELECT id FROM staff_session WHERE user_id = $1', [id]);
    expect(rows).toEqual([{ id: createHash('sha256').update(token).digest('hex') }]);
    await expect(sessions.resolve(token)).resolves.toMatchObject({ id, email });
    await expect(sessions.resolve(`${token}x`)).resolves.toBeNull();
    await expect(sessions.resolve('')).resolves.toBeNull();
  });

  it('ends a session idle past SESSION_IDLE_MINUTES (30 by default), and activity keeps it going until then', async () => {
    const { email } = await newStaff();
    const { token } = await sessions.start(email, PASSWORD);
    minutesLater(29);
    await expect(sessions.resolve(token)).resolves.not.toBeNull();
    minutesLater(29);
    await expect(sessions.resolve(token)).resolves.not.toBeNull();
    minutesLater(31);
    await expect(sessions.resolve(token)).resolves.toBeNull();
    // Ended for good: the clock going back (or a retry) does not revive it.
    minutesLater(-31);
    await expect(sessions.resolve(token)).resolves.toBeNull();
  });

  it('ends an active session at SESSION_MAX_HOURS (10 by default) after it started', async () => {
    const { email } = await newStaff();
    const { token } = await sessions.start(email, PASSWORD);
    for (let minutes = 20; minutes < 600; minutes += 20) {
      minutesLater(20);
      await expect(sessions.resolve(token)).resolves.not.toBeNull();
    }
    minutesLater(20);
    await expect(sessions.resolve(token)).resolves.toBeNull();
  });

  it("ends a disabled account's session at its next use", async () => {
    const { email, id } = await newStaff();
    const { token } = await sessions.start(email, PASSWORD);
    await t.app.get(DataSource).query('UPDATE app_user SET active = false WHERE id = $1', [id]);
    await expect(sessions.resolve(token)).resolves.toBeNull();
    await t.app.get(DataSource).query('UPDATE app_user SET active = true WHERE id = $1', [id]);
    await expect(sessions.resolve(token)).resolves.toBeNull();
    const [row] = await t.app
      .get(DataSource)
      .query<{ ended_at: Date | null }[]>('SELECT ended_at FROM staff_session WHERE user_id = $1', [id]);
    expect(row.ended_at).toEqual(t.clock.now().toJSDate());
  });

  it('ends one session on sign-out, and every session of an account with endAllFor, not anyone else’s', async () => {
    const first = await newStaff();
    const second = await newStaff();
    const a = await sessions.start(first.email, PASSWORD);
    const b = await sessions.start(first.email, PASSWORD);
    const c = await sessions.start(first.email, PASSWORD);
    const other = await sessions.start(second.email, PASSWORD);
    await sessions.end(a.token);
    await expect(sessions.resolve(a.token)).resolves.toBeNull();
    await expect(sessions.resolve(b.token)).resolves.not.toBeNull();
    await sessions.endAllFor(first.id);
    await expect(sessions.resolve(b.token)).resolves.toBeNull();
    await expect(sessions.resolve(c.token)).resolves.toBeNull();
    await expect(sessions.resolve(other.token)).resolves.toMatchObject({ id: second.id });
  });
});

describe('Staff web sessions with their limits configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: START, env: { SESSION_IDLE_MINUTES: '5', SESSION_MAX_HOURS: '1' } });
  });
  afterAll(() => t.close());

  it('follows SESSION_IDLE_MINUTES and SESSION_MAX_HOURS', async () => {
    await t.app
      .get(UsersService)
      .create({ email: 'c@test.localhost', password: PASSWORD, role: 'admin', centreIds: [] });
    const sessions = t.app.get(StaffSessions);
    const idle = await sessions.start('c@test.localhost', PASSWORD);
    const old = await sessions.start('c@test.localhost', PASSWORD);
    t.clock.set(t.clock.now().plus({ minutes: 4 }));
    await expect(sessions.resolve(old.token)).resolves.not.toBeNull();
    t.clock.set(t.clock.now().plus({ minutes: 2 }));
    await expect(sessions.resolve(idle.token)).resolves.toBeNull();
    for (let i = 0; i < 14; i++) {
      await expect(sessions.resolve(old.token)).resolves.not.toBeNull();
      t.clock.set(t.clock.now().plus({ minutes: 4 }));
    }
    await expect(sessions.resolve(old.token)).resolves.toBeNull();
  });
});
