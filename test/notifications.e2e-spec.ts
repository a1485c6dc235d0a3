import { readdirSync, readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { ReminderService } from '../src/bookings/reminder.service.js';
import { OutboxDeliveryService } from '../src/notifications/outbox-delivery.service.js';
import { RetentionService } from '../src/retention/retention.service.js';
import { AppConfig } from '../src/config/app-config.js';
import { newBookingBody, newCentre, newCprNumber } from './support/factories.js';
import { SmtpSink } from './support/smtp-sink.js';
import { bearer, loginAs, startTestApp, TestApp, withServer } from './support/test-app.js';

interface Created {
  id: string;
  reference: string;
  manageToken: string;
}

/** The calendar part of a message: method and the event's UID and start as a UTC instant. */
function calendarOf(mail: ParsedMail): { method: string; uid: string; start: string } {
  const part = mail.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
  expect(part).toBeDefined();
  const calendar = new ICAL.Component(ICAL.parse(part!.content.toString('utf8')) as unknown[]);
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: event.uid,
    start: event.startDate.toJSDate().toISOString(),
  };
}

describe('E-mail through the outbox', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let admin: string;
  let centreId: string;
  let deliver: () => Promise<{ sent: number; retried: number; failed: number }>;

  beforeAll(async () => {
    smtp = await (await SmtpSink.reserve()).start();
    t = await startTestApp({
      now: '2026-10-19T08:00:00+02:00',
      env: { SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://booking.kommune.dk' },
    });
    admin = (await loginAs(t, 'admin')).token;
    const weekly = [1, 2, 3, 4, 5, 7].map((weekday) => ({
      weekday,
      opens: '09:00',
      closes: '14:00',
      desks: 3,
    }));
    centreId = (await newCentre(t, admin, { weekly, bookingHorizonDays: 366, name: 'Borgerservice Odense' }))
      .id;
    const delivery = t.app.get(OutboxDeliveryService);
    deliver = () => delivery.deliverDue();
  });
  afterAll(async () => {
    t.expectNoCprLeaks();
    await t.close();
    await smtp.stop();
  });

  const book = async (startsAt: string, overrides: Parameters<typeof newBookingBody>[2] = {}) =>
    (
      await t
        .http()
        .post('/api/bookings')
        .send(newBookingBody(centreId, startsAt, overrides))
        .expect(201)
    ).body as Created;
  const mailsFor = (reference: string) => smtp.messages.filter((mail) => mail.text?.includes(reference));

  it('sends exactly one confirmation whose calendar file holds the right instant on a daylight-saving day', async () => {
    // Sunday 25 October 2026: clocks go back at 03:00, so 10:00 local is 09:00Z (it was 08:00Z a week before).
    const booking = await book('2026-10-25T10:00:00+01:00', { applicant: { language: 'en' } });
    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    const [mail] = mailsFor(booking.reference);
    expect(mailsFor(booking.reference)).toHaveLength(1);
    expect(mail.subject).toBe('Confirmation: your MitID appointment at Borgerservice Odense');
    expect(mail.text).toContain('Sunday 25 October 2026 at 10:00');
    expect(mail.text).toContain('Torvet 1, 9999 Testby');
    expect(mail.text).toContain(
      `https://booking.kommune.dk/bookings/${booking.reference}#token=${booking.manageToken}`,
    );
    expect(mail.html).toContain(booking.reference);
    expect(calendarOf(mail)).toEqual({
      method: 'REQUEST',
      uid: `${booking.id}@borgerservice-booking`,
      start: '2026-10-25T09:00:00.000Z',
    });
  });

  it('writes in Danish with what to bring and the witness advice, and tells of a move and a cancellation', async () => {
    const booking = await book('2026-10-26T09:00:00+01:00', {
      applicant: { language: 'da', nationality: 'SE' },
      documents: [{ type: 'FOREIGN_PASSPORT' }],
    });
    const token = { 'X-Manage-Token': booking.manageToken };
    await t
      .http()
      .post(`/api/bookings/${booking.reference}/reschedule`)
      .set(token)
      .send({ startsAt: '2026-10-27T10:00:00+01:00' })
      .expect(200);
    await t.http().post(`/api/bookings/${booking.reference}/cancel`).set(token).expect(200);
    await deliver();
    const [confirmation, moved, cancelled] = mailsFor(booking.reference);
    expect(confirmation.subject).toBe('Bekræftelse: din tid til MitID hos Borgerservice Odense');
    expect(confirmation.text).toContain('mandag 26. oktober 2026 kl. 09:00');
    expect(confirmation.text).toContain('Udenlandsk pas');
    expect(confirmation.text).toContain('sundhedskort');
    expect(confirmation.text).toContain('Vi anbefaler, at du tager et vidne med.');
    expect(confirmation.text).toContain('højst være vidne 3 gange på 120 dage');
    expect(moved.subject).toContain('flyttet');
    expect(moved.text).toContain('tirsdag 27. oktober 2026 kl. 10:00');
    expect(calendarOf(moved)).toMatchObject({
      method: 'REQUEST',
      uid: `${booking.id}@borgerservice-booking`,
      start: '2026-10-27T09:00:00.000Z',
    });
    expect(cancelled.subject).toContain('aflyst');
    expect(calendarOf(cancelled)).toMatchObject({
      method: 'CANCEL',
      uid: `${booking.id}@borgerservice-booking`,
    });
  });

  it("names the centre's phone and e-mail in every message, and the appointment type in the citizen's language", async () => {
    const contactCentre = (
      await newCentre(t, admin, {
        name: 'Borgerservice Svendborg',
        contactPhone: '+45 62 23 30 00',
        contactEmail: 'borgerservice@svendborg.dk',
        types: [{ code: 'MITID_NEW', name: 'Ny MitID', nameEn: 'New MitID', durationMinutes: 15 }],
        weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '14:00', desks: 3 })),
      })
    ).id;
    const bookThere = async (language: 'da' | 'en', startsAt: string) =>
      (
        await t
          .http()
          .post('/api/bookings')
          .send(newBookingBody(contactCentre, startsAt, { applicant: { language } }))
          .expect(201)
      ).body as Created;
    const danish = await bookThere('da', '2026-10-26T10:00:00+01:00');
    const english = await bookThere('en', '2026-10-26T10:15:00+01:00');
    await t
      .http()
      .post(`/api/bookings/${danish.reference}/cancel`)
      .set('X-Manage-Token', danish.manageToken)
      .expect(200);
    await deliver();
    const [confirmation, cancellation] = mailsFor(danish.reference);
    for (const mail of [confirmation, cancellation]) {
      expect(mail.text).toContain(
        'Spørgsmål? Kontakt Borgerservice Svendborg: telefon +45 62 23 30 00, e-mail borgerservice@svendborg.dk',
      );
    }
    expect(confirmation.text).toContain('Ærinde: Ny MitID');
    const [inEnglish] = mailsFor(english.reference);
    expect(inEnglish.text).toContain('Service: New MitID');
    expect(inEnglish.text).toContain(
      'Questions? Contact Borgerservice Svendborg: phone +45 62 23 30 00, e-mail borgerservice@svendborg.dk',
    );
    expect(inEnglish.html).toContain('borgerservice@svendborg.dk');
  });

  it('confirms a witness named or changed later by e-mail, with the witness rules', async () => {
    const booking = await book('2026-10-26T11:00:00+01:00', { applicant: { language: 'en' } });
    const name = (fullName: string) =>
      t
        .http()
        .put(`/api/bookings/${booking.reference}/witness`)
        .set('X-Manage-Token', booking.manageToken)
        .send({ fullName, cprNumber: newCprNumber() })
        .expect(200);
    await name('First Witness');
    await name('Second Witness');
    await deliver();
    const mails = mailsFor(booking.reference);
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Confirmation: your MitID appointment at Borgerservice Odense',
      'Your witness is noted: your MitID appointment at Borgerservice Odense',
      'Your witness is noted: your MitID appointment at Borgerservice Odense',
    ]);
    for (const mail of mails.slice(1)) {
      expect(mail.text).toContain('You have named a witness for this appointment:');
      expect(mail.text).toContain('Monday 26 October 2026 at 11:00');
      expect(mail.text).toContain('may act as witness at most 3 times in 120 days');
      expect(mail.text).toContain('You have named a witness.');
      expect(mail.text).not.toMatch(/Witness\b.*\d{6}/);
      expect(calendarOf(mail)).toMatchObject({
        method: 'REQUEST',
        uid: `${booking.id}@borgerservice-booking`,
      });
    }
  });

  it('tells each citizen of a cancellation by the centre, with its reason', async () => {
    const booking = await book('2026-11-02T09:00:00+01:00', { applicant: { language: 'en' } });
    await t
      .http()
      .post(`/api/admin/centres/${centreId}/closures?confirm=true`)
      .set(bearer(admin))
      .send({ from: '2026-11-02', to: '2026-11-02', reason: 'Water damage' })
      .expect(201);
    await deliver();
    const cancelled = mailsFor(booking.reference).at(-1)!;
    expect(cancelled.subject).toContain('has cancelled your MitID appointment');
    expect(cancelled.text).toContain('Reason: Water damage');
    expect(calendarOf(cancelled).method).toBe('CANCEL');
  });

  it('sends a reminder once, at the right time, and none for a cancelled booking', async () => {
    const kept = await book('2026-11-04T11:00:00+01:00');
    const dropped = await book('2026-11-04T11:15:00+01:00');
    await t
      .http()
      .post(`/api/bookings/${dropped.reference}/cancel`)
      .set('X-Manage-Token', dropped.manageToken)
      .expect(200);
    await deliver();
    const reminders = t.app.get(ReminderService);
    try {
      t.clock.set('2026-11-03T10:59:00+01:00'); // 24 h 1 min before
      expect(await reminders.enqueueDue()).toBe(0);
      t.clock.set('2026-11-03T11:00:00+01:00');
      expect(await reminders.enqueueDue()).toBe(1);
      expect(await reminders.enqueueDue()).toBe(0);
      t.clock.set('2026-11-04T09:00:00+01:00');
      expect(await reminders.enqueueDue()).toBe(0);
      await deliver();
      expect(mailsFor(kept.reference).map((mail) => mail.subject)).toEqual([
        'Bekræftelse: din tid til MitID hos Borgerservice Odense',
        'Påmindelse: din tid til MitID hos Borgerservice Odense',
      ]);
      expect(mailsFor(dropped.reference).some((mail) => mail.subject?.startsWith('Påmindelse'))).toBe(false);
    } finally {
      t.clock.set('2026-10-19T08:00:00+02:00');
    }
  });

  it('keeps messages while the mail server is down and delivers each once when it is back', async () => {
    const down = await SmtpSink.reserve();
    const other = await startTestApp({ now: '2026-10-19T08:00:00+02:00', env: { SMTP_URL: down.url } });
    try {
      const token = (await loginAs(other, 'admin')).token;
      const centre = (await newCentre(other, token, { bookingHorizonDays: 366 })).id;
      const references: string[] = [];
      for (const time of ['09:00', '09:15', '09:30']) {
        const response = await other
          .http()
          .post('/api/bookings')
          .send(newBookingBody(centre, `2026-10-26T${time}:00+01:00`))
          .expect(201);
        references.push((response.body as Created).reference);
      }
      const delivery = other.app.get(OutboxDeliveryService);
      expect(await delivery.deliverDue()).toEqual({ sent: 0, retried: 3, failed: 0 });
      const pending = (
        await other.http().get('/api/admin/outbox?status=pending').set(bearer(token)).expect(200)
      ).body as {
        attempts: number;
        lastError: string;
      }[];
      expect(pending).toHaveLength(3);
      expect(pending[0]).toMatchObject({
        attempts: 1,
        lastError: expect.stringMatching(/ECONNREFUSED|connect/) as string,
      });
      expect(await delivery.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 }); // backing off

      await down.start();
      other.clock.set('2026-10-19T08:01:00+02:00');
      expect(await delivery.deliverDue()).toEqual({ sent: 3, retried: 0, failed: 0 });
      expect(await delivery.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(
        references.map((reference) => down.messages.filter((mail) => mail.text?.includes(reference)).length),
      ).toEqual([1, 1, 1]);
      const sent = (await other.http().get('/api/admin/outbox?status=sent').set(bearer(token)).expect(200))
        .body as unknown[];
      expect(sent).toHaveLength(3);
    } finally {
      await other.close();
      await down.stop();
    }
  });

  withServer('sends each message once when two app instances deliver from one database', async () => {
    const sink = await (await SmtpSink.reserve()).start();
    const secrets = {
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
      AUTH_TOKEN_SECRET: 'x'.repeat(40),
      SMTP_URL: sink.url,
    };
    const first = await startTestApp({ now: '2026-10-19T08:00:00+02:00', env: secrets });
    const second = await startTestApp({
      now: '2026-10-19T08:00:00+02:00',
      env: secrets,
      databaseUrl: first.databaseUrl,
    });
    try {
      const token = (await loginAs(first, 'admin')).token;
      const centre = (
        await newCentre(first, token, {
          bookingHorizonDays: 366,
          weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '15:00', desks: 5 })),
        })
      ).id;
      for (let i = 0; i < 30; i++) {
        const time = `2026-10-${19 + (i % 5)}T${String(9 + Math.floor(i / 5)).padStart(2, '0')}:00:00+02:00`;
        await first.http().post('/api/bookings').send(newBookingBody(centre, time)).expect(201);
      }
      const workers = [first, second].map((app) => app.app.get(OutboxDeliveryService));
      const runs = await Promise.all(Array.from({ length: 8 }, (_, i) => workers[i % 2].deliverDue(5)));
      const more = await Promise.all(workers.map((worker) => worker.deliverDue(50)));
      expect([...runs, ...more].reduce((sum, run) => sum + run.sent, 0)).toBe(30);
      expect(sink.messages).toHaveLength(30);
      expect(new Set(sink.messages.map((mail) => mail.messageId)).size).toBe(30);
    } finally {
      await second.close();
      await first.close();
      await sink.stop();
    }
  });

  it('writes .eml files under the data directory when there is no SMTP server', async () => {
    const local = await startTestApp({ now: '2026-10-19T08:00:00+02:00' });
    try {
      const token = (await loginAs(local, 'admin')).token;
      const centre = (await newCentre(local, token, { bookingHorizonDays: 366 })).id;
      const created = (
        await local
          .http()
          .post('/api/bookings')
          .send(newBookingBody(centre, '2026-10-26T09:00:00+01:00'))
          .expect(201)
      ).body as Created;
      expect(await local.app.get(OutboxDeliveryService).deliverDue()).toMatchObject({ sent: 1 });
      const dir = local.app.get(AppConfig).mailDir;
      const files = readdirSync(dir).filter((name) => name.endsWith('.eml'));
      const mine = files
        .map((name) => readFileSync(`${dir}/${name}`, 'utf8'))
        .filter((text) => text.includes(created.reference));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toContain('text/calendar');
    } finally {
      await local.close();
    }
  });

  it('erases personal data of old appointments and leaves the statistics as they were', async () => {
    const stats = async () =>
      (
        await t
          .http()
          .get(`/api/admin/centres/${centreId}/statistics`)
          .query({ from: '2026-10-01', to: '2026-11-30' })
          .set(bearer(admin))
          .expect(200)
      ).body as unknown;
    const before = await stats();
    const retention = t.app.get(RetentionService);
    try {
      t.clock.set('2027-01-20T12:00:00+01:00'); // under 90 days after the last appointment: nothing yet
      expect((await retention.run()).bookingsErased).toBe(0);
      t.clock.set('2027-03-01T12:00:00+01:00');
      const run = await retention.run();
      expect(run.bookingsErased).toBeGreaterThanOrEqual(3);
      expect(await stats()).toEqual(before);
      const rows = await t.app.get(OutboxDeliveryService).list();
      expect(rows.filter((row) => row.status === 'sent').length).toBeLessThan(smtp.messages.length);
      expect((await retention.run()).bookingsErased).toBe(0);
    } finally {
      t.clock.set('2026-10-19T08:00:00+02:00');
    }
  });
});
