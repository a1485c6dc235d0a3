import { centreWithQueue as queueAt, checkIn, post, signIn } from './support/desk-pages.js';
import { openEventStream } from './support/event-stream.js';
import { loginAs, startTestApp, TestApp, withServer } from './support/test-app.js';

const MONDAY = '2027-01-04';

describe('The waiting-room display page: numbers and desks, live, across instances, and nothing personal', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ now: `${MONDAY}T08:00:00+01:00` });
    admin = (await loginAs(t, 'admin')).token;
  });
  afterAll(async () => {
    t.expectNoCprLeaks();
    await t?.close();
  });

  const centreWithQueue = (name = 'Borgerservice Kø') => queueAt(t, admin, name);

  it('shows the waiting room the numbers called and their desks, live by the API’s stream, and nothing personal', async () => {
    const { id, bookings } = await centreWithQueue('Borgerservice Skærm');
    const before = await t.http().get(`/display/${id}`).expect(200);
    expect(before.text).toContain('Der er ikke kaldt nogen numre endnu i dag.');
    t.clock.set(`${MONDAY}T08:40:00+01:00`);
    await checkIn(
      t,
      bookings.map((b) => b.id),
      id,
    );
    const clerk = await signIn(t, [id]);
    const day = await clerk.get(`/staff/centre/${id}`).expect(200);
    t.clock.set(`${MONDAY}T09:00:00+01:00`);
    await post(clerk, `/staff/centre/${id}/call-next`, day.text, { desk: '1' }).expect(303);
    t.clock.set(`${MONDAY}T09:02:00+01:00`);
    await post(clerk, `/staff/centre/${id}/call-next`, day.text, { desk: '2' }).expect(303);

    const display = await t.http().get(`/display/${id}`).expect(200);
    expect(display.headers['content-type']).toMatch(/^text\/html/);
    expect(display.headers['cache-control']).toBe('no-store');
    expect(display.headers['content-security-policy']).toContain("script-src 'self'");
    expect(display.headers['set-cookie']).toBeUndefined();
    const html = display.text;
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('Borgerservice Skærm');
    expect(html).toContain('Nummer 2 til skranke 2');
    expect(html).toMatch(
      /<tr class="queue-display-newest">\s*<td class="queue-display-number">2<span class="sr-only"> \(Nyeste\)<\/span><\/td>\s*<td class="queue-display-desk">2<\/td>\s*<td>09:02<\/td>/,
    );
    expect(html).toMatch(/<td class="queue-display-number">1<\/td>\s*<td class="queue-display-desk">1<\/td>/);
    expect(html).toContain('Venter: 1');
    expect(html).toContain(`data-events="/api/display/${id}/events"`);
    expect(html).toContain('<noscript><meta http-equiv="refresh" content="10"></noscript>');
    expect(html).toMatch(/<script src="\/assets\/app\/[0-9a-f]+\/display\.js" defer><\/script>/);
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/);
    expect(html).not.toContain('<form');
    for (const booking of bookings) {
      for (const personal of [
        booking.id,
        booking.reference,
        booking.applicant.fullName,
        booking.applicant.email,
        booking.cprNumber,
        booking.cprNumber.replace('-', ''),
      ])
        expect(html).not.toContain(personal);
    }
    const script = await t
      .http()
      .get(/src="(\/assets\/app\/[0-9a-f]+\/display\.js)"/.exec(html)![1])
      .expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.text).toContain("getAttribute('data-events')");

    const english = await t.http().get(`/display/${id}?lang=en`).expect(200);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('Number 2 to desk 2');
    expect(english.text).toContain('Waiting: 1');

    const stream = await openEventStream(`${await t.url()}/api/display/${id}/events`);
    try {
      const received = stream.nextCall(2000);
      t.clock.set(`${MONDAY}T09:04:00+01:00`);
      await post(clerk, `/staff/centre/${id}/call-next`, day.text, { desk: '3' }).expect(303);
      expect(await received).toMatchObject({ centreId: id, number: 3, desk: '3', waiting: 0 });
      for (const booking of bookings)
        for (const personal of [booking.applicant.fullName, booking.cprNumber, booking.reference])
          expect(stream.text()).not.toContain(personal);
    } finally {
      stream.close();
    }
  });

  it('answers an unknown centre’s display with the 404 page, and leaves the API’s display under /api', async () => {
    const unknown = await t.http().get('/display/00000000-0000-4000-8000-000000000000').expect(404);
    expect(unknown.headers['content-type']).toMatch(/^text\/html/);
    expect(unknown.text).toContain('<h1');
    await t.http().get('/display/nope?lang=en').expect(404);
    const { id } = await centreWithQueue('Borgerservice API');
    const api = await t.http().get(`/api/display/${id}`).expect(200);
    expect(api.body).toEqual({ centreId: id, calls: [], waiting: 0 });
    await t.http().get(`/display/${id}/events`).expect(404);
  });

  withServer(
    'carries a call made on one instance’s desk page to the display page’s stream on another instance',
    async () => {
      const { id, bookings } = await centreWithQueue('Borgerservice To Instanser');
      t.clock.set(`${MONDAY}T08:40:00+01:00`);
      await checkIn(t, [bookings[0].id], id);
      const b = await startTestApp({ databaseUrl: t.databaseUrl, now: `${MONDAY}T09:00:00+01:00` });
      try {
        const page = await b.http().get(`/display/${id}`).expect(200);
        const events = /data-events="([^"]+)"/.exec(page.text)![1];
        const stream = await openEventStream(`${await b.url()}${events}`);
        try {
          const clerk = await signIn(t, [id]);
          const day = await clerk.get(`/staff/centre/${id}`).expect(200);
          const received = stream.nextCall(2000);
          t.clock.set(`${MONDAY}T09:00:00+01:00`);
          await post(clerk, `/staff/centre/${id}/call-next`, day.text, { desk: '7' }).expect(303);
          expect(await received).toMatchObject({ centreId: id, number: 1, desk: '7' });
          expect(stream.text()).not.toContain(bookings[0].applicant.fullName);
          expect(stream.text()).not.toContain(bookings[0].cprNumber);
          const shown = await b.http().get(`/display/${id}`).expect(200);
          expect(shown.text).toContain('Nummer 1 til skranke 7');
        } finally {
          stream.close();
        }
      } finally {
        await b.close();
      }
    },
  );
});
