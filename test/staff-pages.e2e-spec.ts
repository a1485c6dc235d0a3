import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UsersService } from '../src/accounts/users.service.js';
import { StaffSessions } from '../src/staff-sessions/index.js';
import { newBookingBody, newCentre, newCprNumber } from './support/factories.js';
import { loginAs, startTestApp, TestApp } from './support/test-app.js';

type Agent = ReturnType<typeof request.agent>;

const hidden = (html: string, name: string): string =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

const MONDAY = '2027-01-04';

describe('Staff pages over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let aarhus: string;
  let odense: string;
  let booking: { id: string; reference: string };
  let elsewhere: { id: string; reference: string };
  const password = 'correct horse battery';

  async function staffAccount(centreIds: string[]): Promise<{ id: string; email: string }> {
    const email = `desk-${randomBytes(3).toString('hex')}@test.localhost`;
    const user = await t.app.get(UsersService).create({ email, password, role: 'staff', centreIds });
    return { id: user.id, email };
  }

  async function signIn(email: string): Promise<Agent> {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/staff').expect(200);
    const signedIn = await agent
      .post('/staff/sign-in')
      .type('form')
      .send({ _csrf: hidden(form.text, '_csrf'), email, password })
      .expect(303);
    expect(signedIn.headers.location).toBe('/staff/centre');
    const cookie = (signedIn.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('staff_session='),
    );
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/;/);
    return agent;
  }

  beforeAll(async () => {
    t = await startTestApp({ now: `${MONDAY}T08:00:00+01:00`, env: { SESSION_IDLE_MINUTES: '30' } });
    admin = (await loginAs(t, 'admin')).token;
    aarhus = (await newCentre(t, admin, { name: 'Borgerservice Aarhus' })).id;
    odense = (await newCentre(t, admin, { name: 'Borgerservice Odense' })).id;
    const book = async (centreId: string) =>
      (
        await t
          .http()
          .post('/api/bookings')
          .send(newBookingBody(centreId, `${MONDAY}T09:00:00+01:00`))
          .expect(201)
      ).body as { id: string; reference: string };
    booking = await book(aarhus);
    elsewhere = await book(odense);
  });

  afterAll(async () => {
    await t?.close();
  });

  beforeEach(() => t.clock.set(`${MONDAY}T08:00:00+01:00`));

  it('a staff account sees only its centres, and another centre’s appointment answers as an unknown one', async () => {
    const clerk = await signIn((await staffAccount([aarhus])).email);
    // one centre: straight to its day
    await clerk.get('/staff/centre').expect(303).expect('Location', `/staff/centre/${aarhus}`);
    const day = await clerk.get(`/staff/centre/${aarhus}?date=${MONDAY}`).expect(200);
    expect(day.headers['cache-control']).toBe('no-store');
    expect(day.text).toContain(booking.reference);
    expect(day.text).not.toContain(elsewhere.reference);
    await clerk.get(`/staff/centre/${odense}`).expect(404);
    const unknown = await clerk.get('/staff/appointment/00000000-0000-4000-8000-000000000000').expect(404);
    const foreign = await clerk.get(`/staff/appointment/${elsewhere.id}`).expect(404);
    const same = (html: string, id: string) => html.replaceAll(id, 'ID').replace(/value="[^"]*"/g, '');
    expect(same(foreign.text, elsewhere.id)).toBe(same(unknown.text, '00000000-0000-4000-8000-000000000000'));
    const found = await clerk
      .get(`/staff/find?centre=${aarhus}&reference=${booking.reference.toLowerCase().replace('-', '')}`)
      .expect(303);
    expect(found.headers.location).toBe(`/staff/appointment/${booking.id}`);
    const notFound = await clerk
      .get(`/staff/find?centre=${aarhus}&reference=${elsewhere.reference}`)
      .expect(404);
    expect(notFound.text).toContain('Der er ingen tid med denne reference på dine centre');

    const both = await signIn((await staffAccount([aarhus, odense])).email);
    const list = await both.get('/staff/centre');
    expect(list.status).toBe(200);
    expect(list.text).toContain('Borgerservice Aarhus');
    expect(list.text).toContain('Borgerservice Odense');
  });

  it('audits the reads of the day list and of an appointment page as the API does', async () => {
    const account = await staffAccount([aarhus]);
    const clerk = await signIn(account.email);
    await clerk.get(`/staff/centre/${aarhus}?date=${MONDAY}`).expect(200);
    await clerk.get(`/staff/appointment/${booking.id}`).expect(200);
    const records = await t.app
      .get(DataSource)
      .query<{ action: string; booking_id: string; centre_id: string }[]>(
        'SELECT action, booking_id, centre_id FROM audit_record WHERE user_id = $1 ORDER BY id',
        [account.id],
      );
    expect(records).toEqual([
      { action: 'appointment.viewed_in_day_list', booking_id: booking.id, centre_id: aarhus },
      { action: 'appointment.viewed', booking_id: booking.id, centre_id: aarhus },
    ]);
  });

  it('refuses a post without the CSRF token', async () => {
    const clerk = await signIn((await staffAccount([aarhus])).email);
    await clerk.post(`/staff/appointment/${booking.id}/check-in`).type('form').send({}).expect(403);
    await clerk
      .post(`/staff/appointment/${booking.id}/check-in`)
      .type('form')
      .send({ _csrf: 'forged' })
      .expect(403);
    const page = await clerk.get(`/staff/appointment/${booking.id}`).expect(200);
    expect(page.text).toContain('Booket');
    const anonymous = await request(t.app.getHttpServer())
      .post('/staff/sign-in')
      .type('form')
      .send({ email: 'x@test.localhost', password });
    expect(anonymous.status).toBe(403);
  });

  it('a wrong password keeps the e-mail and says so at the field and in the summary', async () => {
    const { email } = await staffAccount([aarhus]);
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/staff').expect(200);
    const wrong = await agent
      .post('/staff/sign-in')
      .type('form')
      .send({ _csrf: hidden(form.text, '_csrf'), email, password: 'wrong' })
      .expect(401);
    expect(wrong.text).toContain(`value="${email}"`);
    expect(wrong.text).toContain('href="#password"');
    expect(wrong.text.match(/Forkert e-mail eller adgangskode/g)).toHaveLength(2);
    expect(wrong.headers['set-cookie']?.toString() ?? '').not.toContain('staff_session=');
  });

  it('an idle session past the timeout must sign in again; one in use lives on to the absolute limit', async () => {
    const clerk = await signIn((await staffAccount([aarhus])).email);
    t.clock.set(`${MONDAY}T08:29:00+01:00`);
    await clerk.get(`/staff/centre/${aarhus}`).expect(200);
    t.clock.set(`${MONDAY}T08:58:00+01:00`);
    await clerk.get(`/staff/centre/${aarhus}`).expect(200);
    t.clock.set(`${MONDAY}T09:29:00+01:00`);
    const expired = await clerk.get(`/staff/centre/${aarhus}`).expect(401);
    expect(expired.text).toContain('action="/staff/sign-in"');
    t.clock.set(`${MONDAY}T09:30:00+01:00`);
    await clerk.get(`/staff/centre/${aarhus}`).expect(401);

    const allDay = await signIn((await staffAccount([aarhus])).email);
    for (let minutes = 25; minutes <= 600; minutes += 25) {
      t.clock.set(`${MONDAY}T09:30:00+01:00`);
      t.clock.set(t.clock.now().plus({ minutes }));
      const response = await allDay.get('/staff/centre');
      expect([minutes, response.status]).toEqual([minutes, minutes < 600 ? 303 : 401]);
    }
  });

  it('a disabled account’s open session is refused at its next request, and all its sessions end', async () => {
    const account = await staffAccount([aarhus]);
    const clerk = await signIn(account.email);
    await clerk.get(`/staff/centre/${aarhus}`).expect(200);
    await t.app.get(DataSource).query('UPDATE app_user SET active = false WHERE id = $1', [account.id]);
    await clerk.get(`/staff/centre/${aarhus}`).expect(401);
    const [{ count }] = await t.app
      .get(DataSource)
      .query<{ count: string }[]>(
        'SELECT count(*) FROM staff_session WHERE user_id = $1 AND ended_at IS NULL',
        [account.id],
      );
    expect(Number(count)).toBe(0);
  });

  it('endAllFor ends every session of an account', async () => {
    const account = await staffAccount([aarhus]);
    const first = await signIn(account.email);
    const second = await signIn(account.email);
    await t.app.get(StaffSessions).endAllFor(account.id);
    await first.get('/staff/centre').expect(401);
    await second.get('/staff/centre').expect(401);
  });

  it('signing out ends the session on the server', async () => {
    const account = await staffAccount([aarhus]);
    const clerk = await signIn(account.email);
    const page = await clerk.get(`/staff/centre/${aarhus}`).expect(200);
    const sessions = async () =>
      Number(
        (
          await t.app
            .get(DataSource)
            .query<{ count: string }[]>(
              'SELECT count(*) FROM staff_session WHERE user_id = $1 AND ended_at IS NULL',
              [account.id],
            )
        )[0].count,
      );
    expect(await sessions()).toBe(1);
    await clerk
      .post('/staff/sign-out')
      .type('form')
      .send({ _csrf: hidden(page.text, '_csrf') })
      .expect(303)
      .expect('Location', '/staff?signedOut=1');
    expect(await sessions()).toBe(0);
    await clerk.get(`/staff/centre/${aarhus}`).expect(401);
  });

  it('records a witness whose photo ID shows no CPR number with the document that does, and shows the server’s problems', async () => {
    const created = await t
      .http()
      .post('/api/bookings')
      .send(newBookingBody(aarhus, `${MONDAY}T10:00:00+01:00`))
      .expect(201);
    const id = (created.body as { id: string }).id;
    const clerk = await signIn((await staffAccount([aarhus])).email);
    const page = await clerk.get(`/staff/appointment/${id}`).expect(200);
    await clerk
      .post(`/staff/appointment/${id}/check-in`)
      .type('form')
      .send({ _csrf: hidden(page.text, '_csrf') })
      .expect(200);
    const form = await clerk.get(`/staff/appointment/${id}/identity-check`).expect(200);
    const select = /<select[^>]*name="witnessCprDocumentType"[^>]*>([\s\S]*?)<\/select>/.exec(form.text);
    expect(select?.[0]).toContain('aria-describedby="witness-cpr-document-hint"');
    expect([...select![1].matchAll(/value="([^"]*)"/g)].map((m) => m[1])).toEqual([
      '',
      'HEALTH_INSURANCE_CARD',
      'RESIDENCE_CERTIFICATE',
      'TAX_STATEMENT',
      'BENEFIT_PAYMENT_PROOF',
    ]);
    expect(form.text).toContain('for="witness-cpr-document">Vidnets dokument med CPR-nummer</label>');
    const record = (cprDocumentType: string) =>
      clerk
        .post(`/staff/appointment/${id}/identity-check`)
        .type('form')
        .send({
          _csrf: hidden(form.text, '_csrf'),
          doc_DK_DRIVING_LICENCE: 'valid',
          witnessCpr: newCprNumber(),
          witnessPresent: 'yes',
          witnessIdType: 'FOREIGN_PASSPORT',
          witnessCprDocumentType: cprDocumentType,
          witnessMitid: 'yes',
          controlQuestions: 'not_asked',
        })
        .expect(200);
    for (const missing of ['', 'DK_DRIVING_LICENCE']) {
      const refused = await record(missing);
      expect(refused.text).toContain('Identiteten er ikke fastslået');
      expect(refused.text).toContain('Intet godkendt vidne');
      expect(refused.text).toContain('Vidnets billed-ID viser ikke CPR-nummer');
    }
    const verified = await record('HEALTH_INSURANCE_CARD');
    expect(verified.text).toContain('Identiteten er fastslået');
    expect(verified.text).toContain('Vidnet er godkendt');
    expect(verified.text).not.toContain('Vidnets billed-ID viser ikke CPR-nummer');
    // recorded: what was seen of the witness is not written back into the form
    expect(verified.text).toMatch(/<option value="" selected>Intet vist<\/option>/);
  });

  it('the API keeps its own staff routes under /api', async () => {
    const { token } = await loginAs(t, 'staff', [aarhus]);
    await t
      .http()
      .get(`/api/staff/centres/${aarhus}/appointments?date=${MONDAY}`)
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    await t.http().get(`/staff/centres/${aarhus}/appointments?date=${MONDAY}`).expect(404);
    await t
      .http()
      .get('/api/staff/centres')
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
  });
});
