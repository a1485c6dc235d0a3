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
import { bearer, loginAs, startTestApp, TestApp } from './support/test-app.js';

const TUESDAY = '2027-01-05';

describe('Administration pages: centres', () => {
  let t: TestApp;
  let admin: Agent;
  let token: string;

  const post = (path: string, fields: Record<string, string>, status: number) =>
    postForm(admin, path, fields, status);
  const book = (centreId: string, time: string, fullName = 'Karen Marie Jensen') =>
    bookAt(t, centreId, TUESDAY, time, fullName);
  const statusOf = (centreId: string, reference: string) => statusOn(t, token, centreId, TUESDAY, reference);
  const signIn = (role: 'admin' | 'staff', centreIds: string[] = []) => signInToAdmin(t, role, centreIds);

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-01-04T08:00:00+01:00' });
    token = (await loginAs(t, 'admin')).token;
    admin = await signIn('admin');
  });

  afterAll(async () => {
    await t?.close();
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
