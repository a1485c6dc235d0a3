import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UsersService } from '../src/accounts/users.service.js';
import { newBookingBody, newCentre } from './support/factories.js';
import { bearer, loginAs, startTestApp, TestApp } from './support/test-app.js';

type Agent = ReturnType<typeof request.agent>;

const hidden = (html: string, name: string): string =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

const MONDAY = '2027-01-04';
const password = 'correct horse battery';

describe('Administration pages for people and operations', () => {
  let t: TestApp;
  let token: string;
  let aarhus: string;
  let odense: string;
  let booking: { id: string; reference: string };
  let database: DataSource;

  async function account(role: 'admin' | 'staff'): Promise<{ id: string; email: string }> {
    const email = `${role}-${randomBytes(3).toString('hex')}@test.localhost`;
    const user = await t.app
      .get(UsersService)
      .create({ email, password, role, centreIds: role === 'staff' ? [aarhus] : [] });
    return { id: user.id, email };
  }

  async function signIn(email: string, secret = password): Promise<Agent> {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/admin').expect(401);
    await agent
      .post('/staff/sign-in')
      .type('form')
      .send({ _csrf: hidden(form.text, '_csrf'), email, password: secret, next: '/admin' })
      .expect(303);
    return agent;
  }

  /** Posts a form of `page` (its CSRF token taken from it) as the browser would; `.expect()` as supertest's. */
  function post(agent: Agent, page: string, action: string, fields: Record<string, unknown> = {}) {
    const sent = agent
      .get(page)
      .expect(200)
      .then((form) =>
        agent
          .post(action)
          .type('form')
          .send({ _csrf: hidden(form.text, '_csrf'), ...fields }),
      );
    const checks: ((response: request.Response) => void)[] = [];
    const chain = {
      expect(status: number | string, value?: string) {
        checks.push((response) =>
          typeof status === 'number'
            ? expect([action, response.status]).toEqual([action, status])
            : expect(response.headers[status.toLowerCase()]).toBe(value),
        );
        return chain;
      },
      then<T>(onDone: (response: request.Response) => T, onError?: (error: unknown) => T): Promise<T> {
        return sent
          .then((response) => {
            for (const check of checks) check(response);
            return response;
          })
          .then(onDone, onError);
      },
    };
    return chain;
  }

  const auditRows = (action: string) =>
    database.query<
      { user_id: string; booking_id: string | null; centre_id: string | null; detail: object }[]
    >('SELECT user_id, booking_id, centre_id, detail FROM audit_record WHERE action = $1 ORDER BY id', [
      action,
    ]);

  beforeAll(async () => {
    t = await startTestApp({ now: `${MONDAY}T08:00:00+01:00` });
    token = (await loginAs(t, 'admin')).token;
    aarhus = (await newCentre(t, token, { name: 'Borgerservice Aarhus' })).id;
    odense = (await newCentre(t, token, { name: 'Borgerservice Odense' })).id;
    booking = (
      await t
        .http()
        .post('/api/bookings')
        .send(newBookingBody(aarhus, `${MONDAY}T09:00:00+01:00`))
        .expect(201)
    ).body as { id: string; reference: string };
    database = t.app.get(DataSource);
  });

  afterAll(async () => {
    process.stdout.write(
      t.logs
        .filter((l) => l.includes('unhandled'))
        .slice(0, 3)
        .join('\n'),
    );
    await t?.close();
  });

  it('gives a desk account the 403 page on every one of these pages', async () => {
    const desk = await signIn((await account('staff')).email);
    for (const path of [
      '/admin/accounts',
      '/admin/accounts/new',
      '/admin/booking-audit',
      '/admin/mail',
      '/admin/figures',
      '/admin/figures.csv',
    ]) {
      const refused = await desk.get(path).expect(403);
      expect(refused.text).toContain('href="/staff/centre"');
    }
    const form = await desk.get('/admin/mail').expect(403);
    await desk
      .post('/admin/accounts/new')
      .type('form')
      .send({ _csrf: hidden(form.text, '_csrf'), email: 'x@test.localhost', password, role: 'admin' })
      .expect(403);
    expect(await database.query(`SELECT 1 FROM app_user WHERE email = 'x@test.localhost'`)).toEqual([]);
  });

  describe('staff accounts', () => {
    let admin: { id: string; email: string };
    let agent: Agent;

    beforeAll(async () => {
      admin = await account('admin');
      agent = await signIn(admin.email);
    });

    it('lists the accounts with role, centres and state', async () => {
      const list = await agent.get('/admin/accounts').expect(200);
      expect(list.headers['cache-control']).toBe('no-store');
      expect(list.text).toContain(admin.email);
      expect(list.text).toContain('Administrator');
      expect(list.text).toContain('aria-current="page"');
    });

    it('refuses a new account with field errors, the values kept and the password never written back', async () => {
      const answer = await post(agent, '/admin/accounts/new', '/admin/accounts/new', {
        email: 'not-an-address',
        password: 'short',
        role: 'staff',
      }).expect(422);
      expect(answer.text).toContain('href="#email"');
      expect(answer.text).toContain('href="#password"');
      expect(answer.text).toContain('Adgangskoden skal have mindst 12 tegn');
      expect(answer.text).toContain('value="not-an-address"');
      expect(answer.text).not.toContain('value="short"');
      const noCentre = await post(agent, '/admin/accounts/new', '/admin/accounts/new', {
        email: 'new@test.localhost',
        password,
        role: 'staff',
      }).expect(422);
      expect(noCentre.text).toContain('href="#centres-1"');
      const taken = await post(agent, '/admin/accounts/new', '/admin/accounts/new', {
        email: admin.email,
        password,
        role: 'admin',
      }).expect(422);
      expect(taken.text).toContain('Der findes allerede en konto med denne e-mail');
    });

    it('creates a desk account, changes its centres, each audited as through the API', async () => {
      const email = `new-${randomBytes(3).toString('hex')}@test.localhost`;
      const created = await post(agent, '/admin/accounts/new', '/admin/accounts/new', {
        email,
        password,
        role: 'staff',
        centreIds: [aarhus],
      }).expect(303);
      const [, id] = /^\/admin\/accounts\/([0-9a-f-]{36})\?done=created$/.exec(created.headers.location)!;
      const page = await agent.get(created.headers.location).expect(200);
      expect(page.text).toContain('Kontoen er oprettet.');
      expect(page.text).toContain(email);

      const page2 = `/admin/accounts/${id}`;
      await post(agent, page2, `${page2}/centres`, { centreIds: [aarhus, odense] })
        .expect(303)
        .expect('Location', `${page2}?done=centres`);
      const none = await post(agent, page2, `${page2}/centres`, {}).expect(422);
      expect(none.text).toContain('href="#centres-1"');

      const api = await t.http().get(`/api/admin/users/${id}`).set(bearer(token)).expect(200);
      expect((api.body as { centreIds: string[] }).centreIds).toEqual([aarhus, odense].sort());
      const trail = await t.http().get(`/api/admin/users/${id}/audit`).set(bearer(token)).expect(200);
      expect((trail.body as { action: string; userId: string }[]).map((r) => [r.action, r.userId])).toEqual([
        ['user.created', admin.id],
        ['user.centres_changed', admin.id],
      ]);
      expect((await agent.get(page2).expect(200)).text).toContain('Ændrede kontoens centre');
    });

    it('disables an account: its open session ends at its next request; enabled again it can sign in', async () => {
      const clerk = await account('staff');
      const desk = await signIn(clerk.email);
      await desk.get(`/staff/centre/${aarhus}`).expect(200);
      const page = `/admin/accounts/${clerk.id}`;
      await post(agent, page, `${page}/disable`).expect(303).expect('Location', `${page}?done=disabled`);
      const [session] = await database.query<{ ended_at: Date | null }[]>(
        'SELECT ended_at FROM staff_session WHERE user_id = $1',
        [clerk.id],
      );
      expect(session.ended_at).not.toBeNull();
      await desk.get(`/staff/centre/${aarhus}`).expect(401);
      expect((await agent.get(page).expect(200)).text).toContain('Spærret');
      expect((await auditRows('user.disabled')).map((r) => r.user_id)).toContain(admin.id);

      await post(agent, page, `${page}/enable`).expect(303).expect('Location', `${page}?done=enabled`);
      await (await signIn(clerk.email)).get(`/staff/centre/${aarhus}`).expect(200);
    });

    it('never lets an administrator disable their own account', async () => {
      const own = await agent.get(`/admin/accounts/${admin.id}`).expect(200);
      expect(own.text).not.toContain(`/admin/accounts/${admin.id}/disable`);
      const refused = await post(
        agent,
        `/admin/accounts/${admin.id}`,
        `/admin/accounts/${admin.id}/disable`,
      ).expect(422);
      expect(refused.text).toContain('Du kan ikke spærre din egen konto.');
    });

    it('sets a new password: every open session of the account ends, the new password works', async () => {
      const clerk = await account('staff');
      const phone = await signIn(clerk.email);
      const laptop = await signIn(clerk.email);
      const page = `/admin/accounts/${clerk.id}`;
      const weak = await post(agent, page, `${page}/password`, { password: 'too short' }).expect(422);
      expect(weak.text).toContain('href="#new-password"');
      await phone.get(`/staff/centre/${aarhus}`).expect(200);

      const fresh = 'a new long passphrase';
      await post(agent, page, `${page}/password`, { password: fresh }).expect(303);
      await phone.get(`/staff/centre/${aarhus}`).expect(401);
      await laptop.get(`/staff/centre/${aarhus}`).expect(401);
      await (await signIn(clerk.email, fresh)).get(`/staff/centre/${aarhus}`).expect(200);
      expect((await auditRows('user.password_reset')).at(-1)).toMatchObject({
        user_id: admin.id,
        detail: { userId: clerk.id },
      });
    });

    it('answers an unknown account with the not-found page', async () => {
      await agent.get('/admin/accounts/00000000-0000-4000-8000-000000000000').expect(404);
      await agent.get('/admin/accounts/not-an-id').expect(404);
    });
  });

  describe('a booking’s audit trail', () => {
    it('asks for the reference, leads to the trail by the booking’s id and records the read as the API does', async () => {
      const admin = await account('admin');
      const agent = await signIn(admin.email);
      const invalid = await post(agent, '/admin/booking-audit', '/admin/booking-audit', {
        reference: 'nope',
      }).expect(422);
      expect(invalid.text).toContain('href="#reference"');
      const unknown = await post(agent, '/admin/booking-audit', '/admin/booking-audit', {
        reference: 'ZZZZ-ZZZZ',
      }).expect(404);
      expect(unknown.text).toContain('Der er ingen booking med dette nummer');

      // a desk read of the appointment, to be in the trail
      const clerk = await loginAs(t, 'staff', [aarhus]);
      await t.http().get(`/api/staff/appointments/${booking.id}`).set(bearer(clerk.token)).expect(200);

      const typed = booking.reference.toLowerCase().replace('-', ' ');
      const found = await post(agent, '/admin/booking-audit', '/admin/booking-audit', {
        reference: typed,
      }).expect(303);
      expect(found.headers.location).toBe(`/admin/booking-audit/${booking.id}`);
      const before = (await auditRows('audit.booking_trail_read')).length;
      const trail = await agent.get(found.headers.location).expect(200);
      expect(trail.text).toContain(booking.reference);
      expect(trail.text).toContain(clerk.email);
      expect(trail.text).toContain('Så bookingen og ansøgerens oplysninger');
      expect(trail.text).toContain('Europe/Copenhagen');
      expect(trail.text).not.toContain('Test Person');

      const reads = await auditRows('audit.booking_trail_read');
      expect(reads.slice(before)).toEqual([
        { user_id: admin.id, booking_id: null, centre_id: aarhus, detail: { bookingId: booking.id } },
      ]);
      await t.http().get(`/api/admin/bookings/${booking.id}/audit`).set(bearer(token)).expect(200);
      expect((await auditRows('audit.booking_trail_read')).length).toBe(before + 2);

      await agent.get('/admin/booking-audit/00000000-0000-4000-8000-000000000000').expect(404);
    });
  });

  describe('the mail outbox', () => {
    it('shows failed and pending mail with the recipient masked, and sends a failed one again, audited', async () => {
      const admin = await account('admin');
      const agent = await signIn(admin.email);
      const [[message]] = await database.query<[{ id: string }[], number]>(
        `UPDATE outbox_message SET status = 'failed', attempts = 60, last_error = 'Error ECONNREFUSED: refused'
         WHERE id = (SELECT id FROM outbox_message WHERE booking_id = $1 ORDER BY created_at LIMIT 1) RETURNING id`,
        [booking.id],
      );
      const list = await agent.get('/admin/mail').expect(200);
      expect(list.text).toContain('Error ECONNREFUSED: refused');
      expect(list.text).toMatch(/p\*\*\*@example\.dk/);
      expect(list.text).not.toMatch(/person\d+@example\.dk/);
      expect(list.text).toContain(`/admin/mail/${message.id}/retry`);

      await post(agent, '/admin/mail', `/admin/mail/${message.id}/retry`)
        .expect(303)
        .expect('Location', '/admin/mail?done=retried');
      const [row] = await database.query<{ status: string; attempts: number }[]>(
        'SELECT status, attempts FROM outbox_message WHERE id = $1',
        [message.id],
      );
      expect(row).toEqual({ status: 'pending', attempts: 0 });
      expect((await auditRows('outbox.retried')).at(-1)).toEqual({
        user_id: admin.id,
        booking_id: booking.id,
        centre_id: null,
        detail: { messageId: message.id },
      });
      expect((await agent.get('/admin/mail?done=retried').expect(200)).text).toContain('sat i kø igen');
      // not failed (any more): nothing changes
      await post(agent, '/admin/mail', `/admin/mail/${message.id}/retry`)
        .expect(303)
        .expect('Location', '/admin/mail?done=not-failed');
    });

    it('offers the same as POST /api/admin/outbox/:id/retry', async () => {
      const [[message]] = await database.query<[{ id: string }[], number]>(
        `UPDATE outbox_message SET status = 'failed' WHERE id = (SELECT id FROM outbox_message LIMIT 1) RETURNING id`,
      );
      await t.http().post(`/api/admin/outbox/${message.id}/retry`).set(bearer(token)).expect(204);
      await t.http().post(`/api/admin/outbox/${message.id}/retry`).set(bearer(token)).expect(409);
      await t
        .http()
        .post('/api/admin/outbox/00000000-0000-4000-8000-000000000000/retry')
        .set(bearer(token))
        .expect(404);
      const clerk = await loginAs(t, 'staff', [aarhus]);
      await t.http().post(`/api/admin/outbox/${message.id}/retry`).set(bearer(clerk.token)).expect(403);
      const listed = await t.http().get('/api/admin/outbox').set(bearer(token)).expect(200);
      expect((listed.body as { recipientMasked: string }[])[0].recipientMasked).toMatch(
        /^p\*\*\*@example\.dk$/,
      );
    });
  });

  describe('statistics', () => {
    let agent: Agent;

    beforeAll(async () => {
      agent = await signIn((await account('admin')).email);
    });

    it('draws the figures as inline SVG with a table beside it, in English too', async () => {
      const query = `centre=${aarhus}&from=04.01.2027&to=2027-01-31`;
      const page = await agent.get(`/admin/figures?${query}`).expect(200);
      expect(page.text).toMatch(/<svg [^>]*role="img" aria-labelledby="counts-wide-title counts-wide-desc"/);
      expect(page.text).not.toMatch(/<svg[^]*style="/);
      expect(page.text).toContain('>Bookinger</th><td class="align-text-right">1</td>');
      expect(page.text).toContain(
        `href="/admin/figures.csv?centre=${aarhus}&amp;from=2027-01-04&amp;to=2027-01-31"`,
      );
      const english = await agent.get(`/admin/figures?${query}&lang=en`).expect(200);
      expect(english.text).toContain('Bookings in the period');
      expect(english.text).toContain('>Bookings</th>');
    });

    it('answers bad dates and an unknown centre with field errors and no chart', async () => {
      const bad = await agent
        .get(`/admin/figures?centre=${aarhus}&from=31.02.2027&to=01.01.2027&lang=da`)
        .expect(422);
      expect(bad.text).toContain('href="#from"');
      expect(bad.text).not.toContain('<svg xmlns');
      const reversed = await agent
        .get(`/admin/figures?centre=${aarhus}&from=2027-02-01&to=2027-01-01`)
        .expect(422);
      expect(reversed.text).toContain('Til-datoen må ikke ligge før fra-datoen');
      const unknown = await agent.get('/admin/figures?centre=nope&from=2027-01-01&to=2027-01-31').expect(422);
      expect(unknown.text).toContain('href="#centre"');
    });

    it('downloads the same figures as CSV', async () => {
      const csv = await agent
        .get(`/admin/figures.csv?centre=${aarhus}&from=2027-01-01&to=2027-01-31&lang=en`)
        .expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(
        'attachment; filename="figures-2027-01-01-2027-01-31.csv"',
      );
      expect(csv.text.split('\r\n')).toEqual([
        '\uFEFFFigure,Value',
        'Centre,Borgerservice Aarhus',
        'From date,2027-01-01',
        'To date,2027-01-31',
        'Bookings,1',
        'Cancelled by the citizen,0',
        'Cancelled by the centre,0',
        'No-shows,0',
        'Completed visits,0',
        'MitID issued,0',
        'P code handed out,0',
        'Refused,0',
        'Come back with a witness,0',
        'Applicants with witness advice,0',
        'Attendees with a verified witness,0',
        '',
      ]);
      await agent.get(`/admin/figures.csv?centre=${aarhus}&from=bad&to=2027-01-31`).expect(422);
    });
  });
});
