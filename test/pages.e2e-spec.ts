import jsqr from 'jsqr';
import request from 'supertest';
import type { Response } from 'supertest';
import { OutboxDeliveryService } from '../src/notifications/outbox-delivery.service.js';
import { newBookingBody, newCentre, newCprNumber } from './support/factories.js';
import { SmtpSink } from './support/smtp-sink.js';
import { loginAs, startTestApp, TestApp } from './support/test-app.js';

type Agent = ReturnType<typeof request.agent>;

// jsqr is CommonJS whose types say `export default`: under NodeNext the function is its `default`.
const jsQR = jsqr.default;

/** Reads a receipt QR code's SVG (one square per module) as a camera would: rasterised, then decoded. */
function decodeQr(svg: string): string | undefined {
  const scale = 6;
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g))
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < scale; dx++) {
        const offset = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels.fill(0, offset, offset + 3);
      }
  return jsQR(pixels, width, width)?.data;
}

const hidden = (html: string, name: string): string =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

/** Posts a page's form as a browser would: its CSRF token and state from the page, urlencoded. */
function submit(agent: Agent, path: string, page: string, fields: Record<string, string>) {
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: hidden(page, '_csrf'), state: hidden(page, 'state'), ...fields });
}

describe('Citizen pages over HTTP', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let centreId: string;
  let admin: string;

  beforeAll(async () => {
    smtp = await (await SmtpSink.reserve()).start();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'http://booking.test' } });
    admin = (await loginAs(t, 'admin')).token;
    centreId = (await newCentre(t, admin, { name: 'Borgerservice Sider' })).id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  let slot = 0;
  async function booked(): Promise<{ reference: string; manageToken: string }> {
    const minutes = 15 * slot++;
    const time = `${String(9 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const response = await t
      .http()
      .post('/api/bookings')
      .send(newBookingBody(centreId, `2027-01-07T${time}:00+01:00`))
      .expect(201);
    return response.body as { reference: string; manageToken: string };
  }

  it('serves the start page with strict security headers, never cached, in Danish by default', async () => {
    const response = await t.http().get('/').expect(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|sandbox/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.text).toContain('<html lang="da">');
    // no form on the start page, so no CSRF cookie either
    expect(response.headers['set-cookie']).toBeUndefined();
    // the document rules are the evaluator's own: a document of each kind is listed
    expect(response.text).toContain('Udenrigsministeriets ID-kort');
    expect(response.text).toContain('Bopælsattest');
    expect(response.text).toContain('href="/tilgaengelighed"');
    expect(response.text).toContain('href="/privatliv"');
    expect(response.text).toContain('https://www.mitid-erhverv.dk');
  });

  it('leaves the API as it was: JSON answers without the pages’ headers, and a form body is not read', async () => {
    const centres = await t.http().get('/api/centres').expect(200);
    expect(centres.headers['content-security-policy']).toBeUndefined();
    const refused = await t
      .http()
      .post('/api/bookings')
      .type('form')
      .send({ centreId, appointmentType: 'MITID_NEW', startsAt: '2027-01-05T09:15:00+01:00' })
      .expect(422);
    const fields = (refused.body as { details: { field: string }[] }).details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['centreId', 'appointmentType', 'startsAt']));
    const unknown = await t.http().get('/no-such-page').expect(404);
    expect(unknown.body).toEqual(expect.objectContaining({ statusCode: 404 }));
  });

  it('serves DKFDS and its own files from versioned paths that may be cached for a year', async () => {
    const page = await t.http().get('/').expect(200);
    const css = /href="(\/assets\/dkfds\/[\d.]+\/css\/dkfds\.min\.css)"/.exec(page.text)![1];
    const own = /src="(\/assets\/app\/[0-9a-f]+\/app\.js)"/.exec(page.text)![1];
    for (const path of [css, own]) {
      const asset = await t.http().get(path).expect(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    await t.http().get('/assets/dkfds/0.0.0/css/dkfds.min.css').expect(404);
  });

  it.each([
    [{ query: '?lang=en' }, 'en'],
    [{ query: '?lang=da', accept: 'en' }, 'da'],
    [{ cookie: 'lang=en' }, 'en'],
    [{ cookie: 'lang=en', query: '?lang=da' }, 'da'],
    [{ accept: 'en-GB,en;q=0.9' }, 'en'],
    [{ accept: 'fr-FR, en;q=0.5' }, 'en'],
    [{ accept: 'fr-FR, de' }, 'da'],
    [{ accept: 'en;q=0.3, da' }, 'da'],
  ])(
    'chooses the language from %p: %s',
    async (given: { query?: string; cookie?: string; accept?: string }, lang) => {
      let call = t.http().get(`/tilgaengelighed${given.query ?? ''}`);
      if (given.cookie) call = call.set('Cookie', given.cookie);
      if (given.accept) call = call.set('Accept-Language', given.accept);
      const response = await call.expect(200);
      expect(response.text).toContain(`<html lang="${lang}">`);
      expect(response.text).toContain(lang === 'da' ? 'Tilgængelighedserklæring' : 'Accessibility statement');
      if (given.query) {
        expect(response.headers['set-cookie']).toEqual([
          expect.stringMatching(new RegExp(`^lang=${lang}; .*HttpOnly`)),
        ]);
      }
    },
  );

  it('tells the retention period and the contact details from configuration', async () => {
    const privacy = await t.http().get('/privatliv?lang=en').expect(200);
    expect(privacy.text).toContain('erased 90 days after');
    const other = await startTestApp({
      env: {
        RETENTION_DAYS: '30',
        CONTACT_EMAIL: 'tilgaengelighed@aarhus.dk',
        CONTACT_PHONE: '+45 89 40 20 00',
        ORGANISATION_NAME: 'Aarhus Kommune',
      },
    });
    try {
      expect((await other.http().get('/privatliv').expect(200)).text).toContain('slettes 30 dage efter');
      const statement = await other.http().get('/tilgaengelighed').expect(200);
      expect(statement.text).toContain('tilgaengelighed@aarhus.dk');
      expect(statement.text).toContain('+45 89 40 20 00');
      expect(statement.text).toContain('Aarhus Kommune ønsker');
    } finally {
      await other.close();
    }
  });

  it('refuses a form post without a valid CSRF token, with an HTML page', async () => {
    const bare = await t.http().post('/book/details').type('form').send({ fullName: 'X' }).expect(403);
    expect(bare.headers['content-type']).toContain('text/html');
    expect(bare.text).toContain('Formularen er udløbet');

    const agent = request.agent(t.app.getHttpServer());
    const form = await agent
      .get(
        `/book/details?centre=${centreId}&type=MITID_NEW&startsAt=${encodeURIComponent('2027-01-05T10:00:00+01:00')}`,
      )
      .expect(200);
    const csrfCookie = (form.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('csrf='),
    )!;
    expect(csrfCookie).toMatch(/HttpOnly/);
    expect(csrfCookie).toMatch(/SameSite=Strict/);
    expect(csrfCookie).not.toMatch(/Secure/);
    await submit(agent, '/book/details', form.text, { _csrf: 'forged' }).expect(403);
    // another browser's token does not fit this browser's secret
    const other = await t.http().get(`/bookings/ABCD-EFGH`).expect(200);
    await submit(agent, '/book/details', form.text, { _csrf: hidden(other.text, '_csrf') }).expect(403);
    const accepted = await submit(agent, '/book/details', form.text, {}).expect(422);
    expect(accepted.text).toContain('id="error-summary"');
  });

  it('keeps every value of a form with errors and links the summary to the fields', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const cpr = newCprNumber();
    const form = await agent
      .get(
        `/book/details?centre=${centreId}&type=MITID_NEW&startsAt=${encodeURIComponent('2027-01-05T10:15:00+01:00')}`,
      )
      .expect(200);
    const page = await submit(agent, '/book/details', form.text, {
      fullName: 'Karen Blixen',
      email: 'not-an-address',
      phone: '+45 12 34 56 78',
      cprNumber: cpr,
      nationality: 'DK',
      countryOfResidence: 'DK',
      arrivalDay: '31',
      arrivalMonth: '2',
      arrivalYear: '2025',
      language: 'da',
    }).expect(422);
    expect(page.text).toContain('value="Karen Blixen"');
    expect(page.text).toContain('value="+45 12 34 56 78"');
    expect(page.text).toContain(`value="${cpr}"`);
    expect(page.text).toContain('<a href="#email" class="function-link">Indtast en gyldig e-mailadresse');
    expect(page.text).toContain('<a href="#arrivalDay" class="function-link">Indtast en gyldig dato');
    expect(page.text).toMatch(/id="email" name="email"[^>]*aria-invalid="true"/);
    expect(page.text).not.toContain('<a href="#fullName"');
    expect(page.headers['cache-control']).toBe('no-store');
    // the CPR number was posted and shown back, never logged
    expect(t.logs.filter((line) => line.includes(cpr) || line.includes(cpr.replace('-', '')))).toEqual([]);
  });

  it('answers a wrong manage code exactly as an unknown reference', async () => {
    const { reference, manageToken } = await booked();
    const unknown = reference.startsWith('ZZ') ? 'YYYY-YYYY' : 'ZZZZ-ZZZZ';
    const attempt = async (ref: string, code: string): Promise<Response> => {
      const agent = request.agent(t.app.getHttpServer());
      const page = await agent.get(`/bookings/${ref}`).expect(200);
      expect(page.text).toContain('id="manage-code-form"');
      return submit(agent, `/bookings/${ref}/session`, page.text, { code });
    };
    const normalise = (response: Response, ref: string) =>
      response.text.replaceAll(ref, 'REF').replace(/name="_csrf" value="[^"]*"/, '');
    const wrong = await attempt(reference, `${manageToken.slice(0, -1)}x`);
    const none = await attempt(unknown, manageToken);
    expect(wrong.status).toBe(404);
    expect(none.status).toBe(404);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(normalise(wrong, reference)).toBe(normalise(none, unknown));
  });

  it('exchanges the right code for a cookie scoped to the booking, and shows the booking with it only', async () => {
    const { reference, manageToken } = await booked();
    const agent = request.agent(t.app.getHttpServer());
    const page = await agent.get(`/bookings/${reference}`).expect(200);
    const opened = await submit(agent, `/bookings/${reference}/session`, page.text, {
      code: manageToken,
    }).expect(303);
    expect(opened.headers.location).toBe(`/bookings/${reference}`);
    const cookie = (opened.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('manage='),
    )!;
    expect(cookie).toContain(`Path=/bookings/${reference}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Max-Age=1800/);
    expect(cookie).not.toContain(manageToken);
    const view = await agent.get(`/bookings/${reference}`).expect(200);
    expect(view.headers['cache-control']).toBe('no-store');
    expect(view.text).toContain(`<strong class="booking-reference">${reference}</strong>`);
    expect(view.text).toContain('XXXX');
    // a tampered cookie is no cookie
    const forged = await t
      .http()
      .get(`/bookings/${reference}`)
      .set('Cookie', `manage=${encodeURIComponent(`9999999999999.${manageToken}`)}`)
      .expect(200);
    expect(forged.text).toContain('id="manage-code-form"');
    const ics = await agent.get(`/bookings/${reference}/calendar.ics`).expect(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.text).toContain(`http://booking.test/bookings/${reference}`);
    expect(ics.text).not.toContain(manageToken);
  });

  it('names a witness on the manage page, with field errors first, and closes the session on request', async () => {
    const { reference, manageToken } = await booked();
    const agent = request.agent(t.app.getHttpServer());
    const code = await agent.get(`/bookings/${reference}`).expect(200);
    await submit(agent, `/bookings/${reference}/session`, code.text, { code: manageToken }).expect(303);
    const form = await agent.get(`/bookings/${reference}/witness`).expect(200);
    const refused = await submit(agent, `/bookings/${reference}/witness`, form.text, {
      witnessFullName: 'Peter Vidne',
      witnessCprNumber: '123',
    }).expect(422);
    expect(refused.text).toContain(
      '<a href="#witnessCprNumber" class="function-link">Indtast vidnets CPR-nummer',
    );
    expect(refused.text).toContain('value="Peter Vidne"');
    const saved = await submit(agent, `/bookings/${reference}/witness`, form.text, {
      witnessFullName: 'Peter Vidne',
      witnessCprNumber: '020285-1234',
    }).expect(200);
    expect(saved.text).toContain('Vidnet er gemt.');
    expect(saved.text).toContain('Peter Vidne');
    const closed = await submit(agent, `/bookings/${reference}/session/close`, saved.text, {}).expect(303);
    expect(String(closed.headers['set-cookie'])).toMatch(
      new RegExp(`^manage=; .*Path=/bookings/${reference}`),
    );
  });

  it('moves a booking from its page, and sends it back to choose again when the time was taken meanwhile', async () => {
    const { reference, manageToken } = await booked();
    const agent = request.agent(t.app.getHttpServer());
    const code = await agent.get(`/bookings/${reference}`).expect(200);
    await submit(agent, `/bookings/${reference}/session`, code.text, { code: manageToken }).expect(303);
    const choices = await agent.get(`/bookings/${reference}/move?week=2027-01-11`).expect(200);
    expect(choices.text).toContain('mandag 11. januar');
    // both desks of Tuesday 12 January 09:00 go to others between the page and the choice
    const taken = '2027-01-12T09:00:00+01:00';
    for (let i = 0; i < 2; i++)
      await t.http().post('/api/bookings').send(newBookingBody(centreId, taken)).expect(201);
    const refused = await submit(agent, `/bookings/${reference}/move`, choices.text, {
      startsAt: taken,
    }).expect(409);
    expect(refused.text).toContain('id="taken-alert"');
    expect(refused.text).toContain('taget af en anden');
    const moved = await submit(agent, `/bookings/${reference}/move`, refused.text, {
      startsAt: '2027-01-12T09:15:00+01:00',
    }).expect(200);
    expect(moved.text).toContain('Din tid er flyttet.');
    expect(moved.text).toContain('tirsdag 12. januar 2027 kl. 09:15');
  });

  it('writes the manage code into the e-mail as text, and no token into its calendar file', async () => {
    const { reference, manageToken } = await booked();
    await t.app.get(OutboxDeliveryService).deliverDue();
    const mail = smtp.messages.find((m) => m.text?.includes(reference))!;
    expect(mail.text).toContain(`/bookings/${reference}#token=${manageToken}`);
    expect(mail.text).toMatch(new RegExp(`Kode til din booking[^:]*: ${manageToken}`));
    const ics = mail.attachments
      .find((a) => a.contentType.startsWith('text/calendar'))!
      .content.toString('utf8');
    expect(ics.replace(/\r\n /g, '')).toContain(`http://booking.test/bookings/${reference}`);
    expect(ics.replace(/\r\n /g, '')).not.toContain(manageToken);
  });

  it('books through the form posts once for a repeated submission, with the API’s idempotency', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const startsAt = '2027-01-06T09:30:00+01:00';
    let page = (
      await agent.get(
        `/book/details?centre=${centreId}&type=MITID_NEW&startsAt=${encodeURIComponent(startsAt)}`,
      )
    ).text;
    page = (
      await submit(agent, '/book/details', page, {
        fullName: 'Ida Form',
        email: 'ida@example.dk',
        cprNumber: newCprNumber(),
        nationality: 'DK',
        countryOfResidence: 'DK',
        language: 'da',
      }).expect(200)
    ).text;
    page = (await submit(agent, '/book/documents', page, { documents: 'DK_DRIVING_LICENCE' }).expect(200))
      .text;
    expect(page).toContain('Dokumenterne er nok');
    page = (await submit(agent, '/book/witness', page, {}).expect(200)).text;
    const key = hidden(page, 'idempotencyKey');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    const [first, second] = await Promise.all(
      [0, 1].map(() => submit(agent, '/book/confirm', page, { idempotencyKey: key })),
    );
    expect([first.status, second.status]).toEqual([200, 200]);
    const reference = (r: Response) => /class="booking-reference">([^<]+)</.exec(r.text)?.[1];
    expect(reference(first)).toBeDefined();
    expect(reference(second)).toBe(reference(first));
    const cookie = (first.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('manage='))!;
    expect(cookie).toContain(`Path=/bookings/${reference(first)}`);
  });

  it('shows the booking reference as a QR code on the receipt and its printout, with a text alternative, never the token', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const startsAt = '2027-01-06T10:30:00+01:00';
    let page = (
      await agent.get(
        `/book/details?centre=${centreId}&type=MITID_NEW&startsAt=${encodeURIComponent(startsAt)}`,
      )
    ).text;
    page = (
      await submit(agent, '/book/details', page, {
        fullName: 'Qr Kode',
        email: 'qr@example.dk',
        cprNumber: newCprNumber(),
        nationality: 'DK',
        countryOfResidence: 'DK',
        language: 'da',
      }).expect(200)
    ).text;
    page = (await submit(agent, '/book/documents', page, { documents: 'DK_DRIVING_LICENCE' }).expect(200))
      .text;
    page = (await submit(agent, '/book/witness', page, {}).expect(200)).text;
    const receipt = await submit(agent, '/book/confirm', page, {}).expect(200);
    const reference = /class="booking-reference">([^<]+)</.exec(receipt.text)![1];
    const figure = /<figure class="receipt-code">([\s\S]*?)<\/figure>/.exec(receipt.text)![1];
    expect(figure).toContain(`role="img" aria-label="QR-kode med bookingnummeret ${reference}"`);
    expect(figure).toContain('<svg aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg"');
    expect(figure).toContain('Vis koden ved skranken');
    // the reference and nothing else (never the manage token)
    expect(decodeQr(/<svg[\s\S]*<\/svg>/.exec(figure)![0])).toBe(reference);
    // the CSP allows it as it is: inline SVG markup needs no image source, and it has no style attribute
    expect(figure).not.toMatch(/style=|<img|<script/);
    expect(receipt.headers['content-security-policy']).toContain("img-src 'self' data:");
    const printout = await agent.get(`/bookings/${reference}/print?lang=en`).expect(200);
    const printed = /<figure class="receipt-code">([\s\S]*?)<\/figure>/.exec(printout.text)![1];
    expect(printed).toContain(`aria-label="QR code of the booking reference ${reference}"`);
    expect(decodeQr(/<svg[\s\S]*<\/svg>/.exec(printed)![0])).toBe(reference);
  });

  it('makes cookies Secure behind an https address, and counts form posts against the citizen rate limit', async () => {
    const other = await startTestApp({
      env: { PUBLIC_BASE_URL: 'https://booking.kommune.dk', RATE_LIMIT_PER_MINUTE: '3' },
    });
    try {
      const form = await other.http().get('/bookings/ABCD-EFGH?lang=en').expect(200);
      const cookies = form.headers['set-cookie'] as unknown as string[];
      expect(cookies.length).toBe(2);
      for (const cookie of cookies) expect(cookie).toMatch(/; Secure/);
      expect(form.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      await other.http().post('/bookings/ABCD-EFGH/session').type('form').send({ code: 'x' }).expect(403);
      await other.http().post('/bookings/ABCD-EFGH/session').type('form').send({ code: 'x' }).expect(403);
      const limited = await other
        .http()
        .post('/bookings/ABCD-EFGH/session')
        .type('form')
        .send({ code: 'x' })
        .expect(429);
      expect(limited.headers['retry-after']).toMatch(/^\d+$/);
      expect(limited.text).toContain('for mange forespørgsler');
    } finally {
      await other.close();
    }
  });
});
