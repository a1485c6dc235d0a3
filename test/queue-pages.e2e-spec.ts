import { centreWithQueue as queueAt, checkIn, post, signIn } from './support/desk-pages.js';
import { loginAs, startTestApp, TestApp } from './support/test-app.js';

const MONDAY = '2027-01-04';

describe('Calling applicants from the desk pages, and the queue slip', () => {
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

  it('calls the next applicant to the clerk’s desk by a form post, remembers the desk, and shows the call', async () => {
    const { id, bookings } = await centreWithQueue();
    t.clock.set(`${MONDAY}T08:40:00+01:00`);
    await checkIn(t, [bookings[1].id, bookings[0].id], id);
    const clerk = await signIn(t, [id]);
    const day = await clerk.get(`/staff/centre/${id}`).expect(200);
    expect(day.text).toContain(`action="/staff/centre/${id}/call-next"`);
    expect(day.text).toContain('Venter på at blive kaldt: 2');
    expect(day.text).toContain('table-md-responsive-headers');
    expect(day.text).toMatch(/data-title="Nummer">1<\/td>/);

    await post(clerk, `/staff/centre/${id}/call-next`, day.text, { desk: '3', _csrf: 'forged' }).expect(403);
    const missing = await post(clerk, `/staff/centre/${id}/call-next`, day.text, { desk: ' ' }).expect(422);
    expect(missing.text).toContain('href="#desk"');
    expect(missing.text.match(/Skriv nummeret eller navnet på din skranke/g)).toHaveLength(2);
    const invalid = await post(clerk, `/staff/centre/${id}/call-next`, day.text, { desk: '<3>' }).expect(422);
    expect(invalid.text).toContain('value="&lt;3&gt;"');

    t.clock.set(`${MONDAY}T09:00:00+01:00`);
    const called = await post(clerk, `/staff/centre/${id}/call-next`, day.text, { desk: '3' }).expect(303);
    // the first checked in (09:15's applicant at 08:40) is called first
    expect(called.headers.location).toBe(`/staff/appointment/${bookings[1].id}?called=1`);
    const cookie = (called.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('desk='));
    expect(cookie).toMatch(/^desk=3; Max-Age=\d+; Path=\/staff; HttpOnly; SameSite=Strict$/);
    const shown = await clerk.get(called.headers.location).expect(200);
    expect(shown.text).toContain('Nummer 1 er kaldt til skranke 3.');
    expect(shown.text).toContain('Kaldt til skranke 3 kl. 09:00');
    expect(shown.text).toMatch(/id="desk" name="desk" class="form-input input-width-xs" value="3"/);
    expect(shown.text).toContain('>Kald igen</button>');

    const list = await clerk.get(`/staff/centre/${id}`).expect(200);
    expect(list.text).toContain('Kaldt til skranke 3 kl. 09:00');
    expect(list.text).toContain('Venter på at blive kaldt: 1');
    // the remembered desk fills the field, so the next call is one press
    expect(list.text).toMatch(/id="desk" name="desk" class="form-input input-width-xs" value="3"/);
    const second = await post(clerk, `/staff/centre/${id}/call-next`, list.text, { desk: '3' }).expect(303);
    expect(second.headers.location).toBe(`/staff/appointment/${bookings[0].id}?called=1`);
    const nobody = await post(clerk, `/staff/centre/${id}/call-next`, list.text, { desk: '3' }).expect(303);
    expect(nobody.headers.location).toBe(`/staff/centre/${id}?queue=empty`);
    const empty = await clerk.get(nobody.headers.location).expect(200);
    expect(empty.text).toContain('Der er ingen tjekkede ind, som venter på at blive kaldt.');
  });

  it('calls a chosen applicant again to another desk, refuses one not waiting, and hides other centres', async () => {
    const { id, bookings } = await centreWithQueue();
    const other = await centreWithQueue('Borgerservice Andetsteds');
    t.clock.set(`${MONDAY}T08:40:00+01:00`);
    await checkIn(t, [bookings[0].id], id);
    await checkIn(t, [other.bookings[0].id], other.id);
    const clerk = await signIn(t, [id]);
    const page = await clerk.get(`/staff/appointment/${bookings[0].id}`).expect(200);
    expect(page.text).toContain('Kønummer');
    expect(page.text).toContain('Ikke kaldt endnu');
    expect(page.text).toContain('>Kald</button>');
    t.clock.set(`${MONDAY}T09:01:00+01:00`);
    await post(clerk, `/staff/appointment/${bookings[0].id}/call`, page.text, { desk: 'Skranke 2' })
      .expect(303)
      .expect('Location', `/staff/appointment/${bookings[0].id}?called=1`);
    t.clock.set(`${MONDAY}T09:05:00+01:00`);
    await post(clerk, `/staff/appointment/${bookings[0].id}/call`, page.text, { desk: '4' }).expect(303);
    const again = await clerk.get(`/staff/appointment/${bookings[0].id}?lang=en&called=1`).expect(200);
    expect(again.text).toContain('Number 1 has been called to desk 4.');
    expect(again.text).toContain('Called 2 times, last to desk 4 at 09:05');

    // booked, not checked in: no call form, and a post is refused with why
    const booked = await clerk.get(`/staff/appointment/${bookings[1].id}?lang=da`).expect(200);
    expect(booked.text).not.toContain('/call"');
    const refused = await post(clerk, `/staff/appointment/${bookings[1].id}/call`, booked.text, {
      desk: '4',
    }).expect(409);
    expect(refused.text).toContain('Kun en borger, der er tjekket ind og venter, kan kaldes.');
    const noDesk = await post(clerk, `/staff/appointment/${bookings[0].id}/call`, page.text, {
      desk: '',
    }).expect(422);
    expect(noDesk.text).toContain('href="#desk"');
    await post(clerk, `/staff/appointment/${other.bookings[0].id}/call`, page.text, { desk: '4' }).expect(
      404,
    );
    await post(clerk, `/staff/centre/${other.id}/call-next`, page.text, { desk: '4' }).expect(404);
    await clerk.get(`/staff/appointment/${other.bookings[0].id}/slip`).expect(404);
  });

  it('prints a queue slip with the number, the centre and the time, and neither name nor CPR number', async () => {
    const { id, bookings } = await centreWithQueue('Borgerservice Seddel');
    t.clock.set(`${MONDAY}T08:40:00+01:00`);
    await checkIn(t, [bookings[0].id, bookings[1].id], id);
    const clerk = await signIn(t, [id]);
    const slip = await clerk.get(`/staff/appointment/${bookings[1].id}/slip`).expect(200);
    expect(slip.text).toContain('<title>Kønummer 2 – ');
    expect(slip.text).toMatch(/class="queue-slip-number"><span class="sr-only">Nummer <\/span>2<\/p>/);
    expect(slip.text).toContain('Borgerservice Seddel');
    expect(slip.text).toContain('Din tid: kl. 09:15');
    expect(slip.text).toContain('Udskrevet mandag 4. januar 2027 kl. 08:40');
    for (const personal of [
      bookings[1].applicant.fullName,
      bookings[1].cprNumber,
      bookings[1].cprNumber.slice(0, 6),
    ])
      expect(slip.text).not.toContain(personal);
    const english = await clerk.get(`/staff/appointment/${bookings[1].id}/slip?lang=en`).expect(200);
    expect(english.text).toContain('Your appointment: 09:15');
    const none = await clerk.get(`/staff/appointment/${bookings[2].id}/slip?lang=da`).expect(409);
    expect(none.text).toContain('Borgeren har ikke fået et kønummer endnu.');
  });
});
