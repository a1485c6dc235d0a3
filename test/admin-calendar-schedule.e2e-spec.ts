import { OutboxDeliveryService } from '../src/notifications/outbox-delivery.service.js';
import {
  Agent,
  bookAt,
  hidden,
  hiddenFields,
  postForm,
  signInToAdmin,
  statusOn,
  summaryLinks,
} from './support/admin-pages.js';
import { newCentre } from './support/factories.js';
import { SmtpSink } from './support/smtp-sink.js';
import { bearer, loginAs, startTestApp, TestApp } from './support/test-app.js';

const TUESDAY = '2027-01-05';

describe('Administration pages: appointment types, opening hours and closures', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let admin: Agent;
  let token: string;

  const post = (path: string, fields: Record<string, string>, status: number) =>
    postForm(admin, path, fields, status);
  const book = (centreId: string, time: string, fullName = 'Karen Marie Jensen') =>
    bookAt(t, centreId, TUESDAY, time, fullName);
  const statusOf = (centreId: string, reference: string) => statusOn(t, token, centreId, TUESDAY, reference);

  beforeAll(async () => {
    smtp = await (await SmtpSink.reserve()).start();
    t = await startTestApp({ now: '2027-01-04T08:00:00+01:00', env: { SMTP_URL: smtp.url } });
    token = (await loginAs(t, 'admin')).token;
    admin = await signInToAdmin(t, 'admin');
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
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
});
