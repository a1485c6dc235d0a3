import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { UsersService } from '../src/accounts/users.service.js';
import { OutboxDeliveryService } from '../src/notifications/outbox-delivery.service.js';
import { newBookingBody, newCentre } from './support/factories.js';
import { SmtpSink } from './support/smtp-sink.js';
import { bearer, loginAs, startTestApp, TestApp } from './support/test-app.js';

type Agent = ReturnType<typeof request.agent>;

const hidden = (html: string, name: string): string =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
/** The hidden fields of the confirmation form, to post them back as the browser would. */
const hiddenFields = (html: string): Record<string, string> =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
  );
const summaryLinks = (html: string): string[] =>
  [
    ...(/<div class="alert alert-error"[\s\S]*?<\/div>\s*<\/div>/.exec(html)?.[0] ?? '').matchAll(
      /href="#([^"]+)"/g,
    ),
  ].map((m) => m[1]);

const TUESDAY = '2027-01-05';

describe('Administration pages for centres and calendars', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let admin: Agent;
  let token: string;
  const password = 'correct horse battery';

  async function signIn(role: 'admin' | 'staff', centreIds: string[] = []): Promise<Agent> {
    const email = `${role}-${randomBytes(3).toString('hex')}@test.localhost`;
    await t.app.get(UsersService).create({ email, password, role, centreIds });
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/admin').expect(401);
    await agent
      .post('/staff/sign-in')
      .type('form')
      .send({ _csrf: hidden(form.text, '_csrf'), email, password, next: '/admin' })
      .expect(303);
    return agent;
  }

  /** Posts a form from the page at `path` (its CSRF token) to `action`. */
  async function post(path: string, fields: Record<string, string>, status: number) {
    const form = await admin.get(path).expect(200);
    return admin
      .post(path)
      .type('form')
      .send({ _csrf: hidden(form.text, '_csrf'), ...fields })
      .expect(status);
  }

  async function book(centreId: string, time: string, fullName = 'Karen Marie Jensen') {
    const body = newBookingBody(centreId, `${TUESDAY}T${time}:00+01:00`, { applicant: { fullName } });
    const created = await t.http().post('/api/bookings').send(body).expect(201);
    return { ...(created.body as { id: string; reference: string }), email: body.applicant.email as string };
  }

  const statusOf = async (centreId: string, reference: string) => {
    const day = await t
      .http()
      .get(`/api/staff/centres/${centreId}/appointments?date=${TUESDAY}`)
      .set(bearer(token))
      .expect(200);
    return (day.body as { reference: string; status: string }[]).find((a) => a.reference === reference)
      ?.status;
  };

  beforeAll(async () => {
    smtp = await (await SmtpSink.reserve()).start();
    t = await startTestApp({ now: '2027-01-04T08:00:00+01:00', env: { SMTP_URL: smtp.url } });
    token = (await loginAs(t, 'admin')).token;
    admin = await signIn('admin');
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('creates a centre from the form, keeping what was typed when a field is wrong', async () => {
    const typed = {
      name: '',
      address: 'Torvet 1, 7100 Vejle',
      municipality: 'Vejle',
      timeZone: 'Europe/Copenhagen',
      witnessPolicy: 'require',
      slotMinutes: '10',
      bookingHorizonDays: '400',
      minNoticeHours: '2',
      cancellationCutoffHours: '0',
      openOnChristmasEve: 'yes',
    };
    const refused = await post('/admin/new-centre', typed, 422);
    expect(summaryLinks(refused.text)).toEqual(['name', 'bookingHorizonDays']);
    expect(refused.text).toContain('Skriv centrets navn');
    expect(refused.text).toContain('Skriv et helt tal fra 1 til 366');
    expect(refused.text).toContain('value="Torvet 1, 7100 Vejle"');
    expect(refused.text).toMatch(/id="openOnChristmasEve" name="openOnChristmasEve" value="yes" checked/);
    const created = await post(
      '/admin/new-centre',
      { ...typed, name: 'Borgerservice Vejle', bookingHorizonDays: '90' },
      303,
    );
    const location = created.headers.location;
    expect(location).toMatch(/^\/admin\/centre\/[0-9a-f-]{36}\?saved=created$/);
    const page = await admin.get(location).expect(200);
    expect(page.text).toContain('Centret er oprettet.');
    const id = location.split('/')[3].split('?')[0];
    const api = (await t.http().get(`/api/admin/centres/${id}`).set(bearer(token)).expect(200))
      .body as Record<string, unknown>;
    expect(api).toMatchObject({
      name: 'Borgerservice Vejle',
      witnessPolicy: 'require',
      slotMinutes: 10,
      bookingHorizonDays: 90,
      openOnChristmasEve: true,
      openOnNewYearsEve: false,
      active: true,
    });
    const list = await admin.get('/admin/centre').expect(200);
    expect(list.text).toContain(`href="/admin/centre/${id}"`);
    expect(list.text).toContain('href="/admin/new-centre"');
  });

  it('edits every field of a centre, shows the service’s refusals beside the field, and lists inactive centres', async () => {
    const { id } = await newCentre(t, token, { name: 'Borgerservice Kolding' });
    const page = await admin.get(`/admin/centre/${id}?lang=en`).expect(200);
    expect(page.text).toContain('value="Borgerservice Kolding"');
    const fields = {
      name: 'Borgerservice Kolding C',
      address: 'Akseltorv 1, 6000 Kolding',
      municipality: 'Kolding',
      timeZone: 'Europe/Copenhagen',
      contactEmail: 'kolding@kommune.dk',
      contactPhone: '+45 79 79 79 79',
      witnessPolicy: 'recommend',
      slotMinutes: '15',
      bookingHorizonDays: '30',
      minNoticeHours: '4',
      cancellationCutoffHours: '24',
      offersHighAssurance: 'yes',
      openOnConstitutionDay: 'yes',
    };
    // the type is 15 minutes: a 10-minute grid is refused by the service, shown at the grid's field in English
    const grid = await post(`/admin/centre/${id}`, { ...fields, slotMinutes: '10', active: 'yes' }, 422);
    expect(summaryLinks(grid.text)).toEqual(['slotMinutes']);
    expect(grid.text).toContain('The centre’s appointment types or opening hours do not fit this slot grid');
    const bad = await post(
      `/admin/centre/${id}`,
      { ...fields, timeZone: 'Mars/Olympus', active: 'yes' },
      422,
    );
    expect(bad.text).toContain('Enter a time zone such as Europe/Copenhagen');
    expect(bad.text).toContain('value="Mars/Olympus"');
    const saved = await post(`/admin/centre/${id}`, fields, 303);
    expect(saved.headers.location).toBe(`/admin/centre/${id}?saved=details`);
    const api = (await t.http().get(`/api/admin/centres/${id}`).set(bearer(token)).expect(200))
      .body as Record<string, unknown>;
    expect(api).toMatchObject({
      ...fields,
      slotMinutes: 15,
      bookingHorizonDays: 30,
      minNoticeHours: 4,
      cancellationCutoffHours: 24,
      offersHighAssurance: true,
      openOnConstitutionDay: true,
      openOnChristmasEve: false,
      active: false,
    });
    const list = await admin.get('/admin/centre?lang=da').expect(200);
    expect(list.text).toContain('Borgerservice Kolding C');
    expect(list.text).toContain('Ikke aktivt');
  });

  it('adds, changes and removes appointment types; removing one with a booking asks first', async () => {
    const { id } = await newCentre(t, token, { name: 'Borgerservice Horsens' });
    const booking = await book(id, '09:00', 'Mette Louise Hansen');
    const page = await admin.get(`/admin/centre/${id}/types`).expect(200);
    expect(hidden(page.text, 'typeRows')).toBe('3');
    const rows = {
      typeRows: '3',
      'type-0-existing': 'yes',
      'type-0-code': 'MITID_NEW',
      'type-0-nameDa': 'Ny MitID',
      'type-0-duration': '15',
    };
    const wrong = await post(
      `/admin/centre/${id}/types`,
      { ...rows, 'type-1-code': 'mitid_long', 'type-1-nameDa': 'Lang tid', 'type-1-duration': '25' },
      422,
    );
    expect(summaryLinks(wrong.text)).toEqual(['type-1-duration']);
    expect(wrong.text).toContain('Varigheden skal være et multiplum af 15 minutter');
    expect(wrong.text).toContain('value="MITID_LONG"');
    const added = await post(
      `/admin/centre/${id}/types`,
      {
        ...rows,
        'type-0-nameEn': 'New MitID',
        'type-1-code': 'MITID_LONG',
        'type-1-nameDa': 'Lang tid',
        'type-1-duration': '30',
      },
      303,
    );
    expect(added.headers.location).toBe(`/admin/centre/${id}/types?saved=types`);
    const api = (await t.http().get(`/api/admin/centres/${id}`).set(bearer(token)).expect(200)).body as {
      appointmentTypes: unknown[];
    };
    expect(api.appointmentTypes).toEqual([
      { code: 'MITID_NEW', name: 'Ny MitID', nameEn: 'New MitID', durationMinutes: 15, highAssurance: false },
      { code: 'MITID_LONG', name: 'Lang tid', nameEn: null, durationMinutes: 30, highAssurance: false },
    ]);
    const removing = {
      typeRows: '2',
      'type-0-existing': 'yes',
      'type-0-code': 'MITID_NEW',
      'type-0-nameDa': 'Ny MitID',
      'type-0-duration': '15',
      'type-0-remove': 'yes',
      'type-1-existing': 'yes',
      'type-1-code': 'MITID_LONG',
      'type-1-nameDa': 'Lang tid',
      'type-1-duration': '30',
    };
    const asked = await post(`/admin/centre/${id}/types`, removing, 409);
    expect(asked.text).toContain(booking.reference);
    expect(asked.text).toContain('Mette L. H.');
    expect(asked.text).not.toContain('Mette Louise Hansen');
    expect(await statusOf(id, booking.reference)).toBe('booked');
    const confirmed = await admin
      .post(`/admin/centre/${id}/types`)
      .type('form')
      .send({ ...hiddenFields(asked.text), confirm: 'yes' })
      .expect(303);
    expect(confirmed.headers.location).toBe(`/admin/centre/${id}/types?saved=types&cancelled=1`);
    expect(await statusOf(id, booking.reference)).toBe('cancelled');
    // the names on the confirmation page were read from the bookings: each read is in the booking's audit trail
    const audit = await t
      .http()
      .get(`/api/admin/bookings/${booking.id}/audit`)
      .set(bearer(token))
      .expect(200);
    expect((audit.body as { action: string }[]).map((entry) => entry.action)).toContain(
      'appointment.viewed_as_affected_by_calendar_change',
    );
  });

  it('sets several opening intervals a day, maps the service’s checks to the rows, and confirms lost desks', async () => {
    const { id } = await newCentre(t, token, { name: 'Borgerservice Fredericia' });
    const booking = await book(id, '11:00');
    const page = await admin.get(`/admin/centre/${id}/hours`).expect(200);
    expect(page.text).toContain('value="09:00"');
    const week = {
      'hours-1-rows': '2',
      'hours-2-rows': '2',
      'hours-3-rows': '1',
      'hours-4-rows': '1',
      'hours-5-rows': '1',
      'hours-6-rows': '1',
      'hours-7-rows': '1',
    };
    const overlapping = {
      ...week,
      'h-1-0-opens': '9:00',
      'h-1-0-closes': '12:00',
      'h-1-0-desks': '2',
      'h-1-1-opens': '11.00',
      'h-1-1-closes': '15:00',
      'h-1-1-desks': '1',
      'h-2-0-opens': '09:00',
      'h-2-0-closes': '12:00',
      'h-2-0-desks': '2',
      'h-2-1-opens': '13:00',
    };
    const incomplete = await post(`/admin/centre/${id}/hours`, overlapping, 422);
    expect(summaryLinks(incomplete.text)).toEqual(['h-2-1-closes', 'h-2-1-desks']);
    expect(incomplete.text).toContain('value="11.00"');
    const overlap = await post(`/admin/centre/${id}/hours`, { ...overlapping, 'h-2-1-opens': '' }, 422);
    expect(summaryLinks(overlap.text)).toEqual(['h-1-1-opens']);
    expect(overlap.text).toContain('Tidsrummet overlapper et andet tidsrum samme dag');
    const two = {
      ...week,
      'h-1-0-opens': '09:00',
      'h-1-0-closes': '11:00',
      'h-1-0-desks': '2',
      'h-1-1-opens': '12:00',
      'h-1-1-closes': '15:00',
      'h-1-1-desks': '1',
      'h-2-0-opens': '09:00',
      'h-2-0-closes': '10:00',
      'h-2-0-desks': '2',
    };
    // Tuesday 11:00 is booked and loses its desk: the page asks, and "change it" brings the typed form back
    const asked = await post(`/admin/centre/${id}/hours`, two, 409);
    expect(asked.text).toContain(booking.reference);
    expect(asked.text).toContain('tirsdag 5. januar 2027 kl. 11:00');
    const back = await admin
      .post(`/admin/centre/${id}/hours`)
      .type('form')
      .send({ ...hiddenFields(asked.text), confirm: 'back' })
      .expect(200);
    expect(back.text).toContain('value="12:00"');
    const confirmed = await admin
      .post(`/admin/centre/${id}/hours`)
      .type('form')
      .send({ ...hiddenFields(asked.text), confirm: 'yes' })
      .expect(303);
    expect(confirmed.headers.location).toBe(`/admin/centre/${id}/hours?saved=hours&cancelled=1`);
    const api = (await t.http().get(`/api/admin/centres/${id}`).set(bearer(token)).expect(200)).body as {
      openingHours: unknown[];
    };
    expect(api.openingHours).toEqual([
      { weekday: 1, opens: '09:00', closes: '11:00', desks: 2 },
      { weekday: 1, opens: '12:00', closes: '15:00', desks: 1 },
      { weekday: 2, opens: '09:00', closes: '10:00', desks: 2 },
    ]);
    expect(await statusOf(id, booking.reference)).toBe('cancelled');
  });

  it('adds a closure; one that hits a booking lists it, and confirmed, the citizen is e-mailed', async () => {
    const { id } = await newCentre(t, token, { name: 'Borgerservice Billund' });
    const booking = await book(id, '10:00', 'Anders Peter Nielsen');
    const invalid = await post(
      `/admin/centre/${id}/closures`,
      { from: '31.02.2027', to: '', startTime: '10:00', endTime: '', reason: '' },
      422,
    );
    expect(summaryLinks(invalid.text)).toEqual(['from', 'reason']);
    const partial = await post(
      `/admin/centre/${id}/closures`,
      { from: '05.01.2027', to: '', startTime: '10:00', endTime: '', reason: 'Personalemøde' },
      422,
    );
    expect(summaryLinks(partial.text)).toEqual(['endTime']);
    expect(partial.text).toContain('value="Personalemøde"');
    const fields = {
      from: '05.01.2027',
      to: '',
      startTime: '09:30',
      endTime: '11:00',
      reason: 'Personalemøde',
    };
    const asked = await post(`/admin/centre/${id}/closures`, fields, 409);
    expect(asked.text).toContain(booking.reference);
    expect(asked.text).toContain('Anders P. N.');
    expect(asked.text).not.toContain('Nielsen');
    const confirmed = await admin
      .post(`/admin/centre/${id}/closures`)
      .type('form')
      .send({ ...hiddenFields(asked.text), confirm: 'yes' })
      .expect(303);
    const listed = await admin.get(confirmed.headers.location).expect(200);
    expect(listed.text).toContain('De bookede tider, ændringen ramte, er aflyst');
    expect(listed.text).toContain('5. januar 2027');
    expect(listed.text).toContain('09:30–11:00');
    expect(await statusOf(id, booking.reference)).toBe('cancelled');
    await t.app.get(OutboxDeliveryService).deliverDue();
    const mail = smtp.messages.find(
      (m) => !Array.isArray(m.to) && m.to?.text.includes(booking.email) && m.subject?.includes('aflyst'),
    );
    expect(mail?.text).toContain(booking.reference);
    expect(mail?.text).toContain('Personalemøde');
  });

  it('asks before a centre that is made inactive cancels its booked times', async () => {
    const { id } = await newCentre(t, token, { name: 'Borgerservice Jelling' });
    const booking = await book(id, '09:15');
    const page = await admin.get(`/admin/centre/${id}`).expect(200);
    const typed = Object.fromEntries(
      [
        ...page.text.matchAll(
          /<input type="(?:text|email|tel)" id="(\w+)" name="\w+" class="[^"]*" value="([^"]*)"/g,
        ),
      ].map((m) => [m[1], m[2]]),
    );
    const fields = { ...typed, witnessPolicy: 'recommend', slotMinutes: '15' };
    const asked = await post(`/admin/centre/${id}`, fields, 409);
    expect(asked.text).toContain(booking.reference);
    expect(hiddenFields(asked.text)).not.toHaveProperty('active');
    expect(await statusOf(id, booking.reference)).toBe('booked');
    await admin
      .post(`/admin/centre/${id}`)
      .type('form')
      .send({ ...hiddenFields(asked.text), confirm: 'yes' })
      .expect(303);
    expect(await statusOf(id, booking.reference)).toBe('cancelled');
    const api = (await t.http().get(`/api/admin/centres/${id}`).set(bearer(token)).expect(200)).body as {
      active: boolean;
    };
    expect(api.active).toBe(false);
  });

  it('refuses a form without its CSRF token, an unknown centre and a desk account, and leaves the API where it was', async () => {
    const { id } = await newCentre(t, token, { name: 'Borgerservice Give' });
    await admin
      .post(`/admin/centre/${id}/closures`)
      .type('form')
      .send({ from: '05.01.2027', reason: 'x' })
      .expect(403);
    // a body that is not a form is read as an empty one: field errors, never a 500
    const form = await admin.get('/admin/new-centre').expect(200);
    const odd = await admin
      .post('/admin/new-centre')
      .send({ _csrf: hidden(form.text, '_csrf'), name: 5, typeRows: [] });
    expect(odd.status).toBeLessThan(500);
    await admin.get('/admin/centre/00000000-0000-0000-0000-000000000000').expect(404);
    await admin.get('/admin/centre/not-a-centre/hours').expect(404);
    const desk = await signIn('staff', [id]);
    await desk.get('/admin/centre').expect(403);
    await desk.get(`/admin/centre/${id}`).expect(403);
    await t.http().get(`/api/admin/centres/${id}/closures`).set(bearer(token)).expect(200);
    await t.http().get(`/admin/centres/${id}`).set(bearer(token)).expect(404);
  });
});
