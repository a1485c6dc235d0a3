import type { Browser, BrowserContext, Page } from 'playwright-core';
import { UsersService } from '../../src/accounts/users.service.js';
import { openEventStream } from '../support/event-stream.js';
import { newBookingBody, newCentre } from '../support/factories.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { bearer, loginAs, startTestApp, TestApp } from '../support/test-app.js';
import {
  activate,
  AxeFinding,
  axeViolations,
  chromiumPresent,
  CHROMIUM,
  launchChromium,
  newContext,
  screenshot,
  screenshotDir,
  typeInto,
} from './browser-support.js';

const ci = process.env.CI === 'true';
if (!chromiumPresent && !ci) process.stderr.write(`Browser tests skipped: no Chromium at ${CHROMIUM}\n`);
const describeWithBrowser = chromiumPresent || ci ? describe : describe.skip;

const MONDAY = '2027-01-04';
const password = 'correct horse battery';

type Booked = { id: string; reference: string; fullName: string; cprNumber: string };

describeWithBrowser('Calling up at the desk and the waiting-room display in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let centreId: string;
  const clerkEmail = 'clerk@queue.test';
  const findings: AxeFinding[] = [];
  const bookings: Booked[] = [];
  let checked = 0;

  beforeAll(async () => {
    if (!chromiumPresent)
      throw new Error(`CI=true and no Chromium at ${CHROMIUM}: the browser tests cannot run`);
    const port = await SmtpSink.freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({ now: `${MONDAY}T08:40:00+01:00`, env: { PUBLIC_BASE_URL: base } });
    const admin = (await loginAs(t, 'admin')).token;
    centreId = (await newCentre(t, admin, { name: 'Borgerservice Kaldeskærm' })).id;
    await t.app
      .get(UsersService)
      .create({ email: clerkEmail, password, role: 'staff', centreIds: [centreId] });
    const { token } = await loginAs(t, 'staff', [centreId]);
    for (const [time, fullName] of [
      ['09:00', 'Karoline Kaldesen'],
      ['09:15', 'Mads Skærmlund'],
      ['09:30', 'Ida Ventesen'],
    ]) {
      const body = newBookingBody(centreId, `${MONDAY}T${time}:00+01:00`, { applicant: { fullName } });
      const created = (await t.http().post('/api/bookings').send(body).expect(201)).body as Booked;
      bookings.push({ ...created, fullName, cprNumber: body.applicant.cprNumber as string });
    }
    for (const booking of bookings.slice(0, 2))
      await t.http().post(`/api/staff/appointments/${booking.id}/check-in`).set(bearer(token)).expect(200);
    await t.app.listen(port, '127.0.0.1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function axe(page: Page, label: string, scratch?: BrowserContext): Promise<void> {
    checked += 1;
    findings.push(...(await axeViolations(page, label, scratch)));
  }

  async function signIn(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${base}/staff`);
    await typeInto(page, '#email', clerkEmail);
    await typeInto(page, '#password', password);
    const loaded = page.waitForURL(`**/staff/centre/${centreId}`);
    await page.keyboard.press('Enter');
    await loaded;
    return page;
  }

  /** No applicant's name or CPR number (with or without its hyphen), nor their reference. */
  function expectNothingPersonal(text: string): void {
    for (const booking of bookings) {
      for (const personal of [
        booking.fullName,
        booking.fullName.split(' ')[1],
        booking.cprNumber,
        booking.cprNumber.replace('-', ''),
        booking.reference,
        booking.id,
      ])
        expect([personal, text.includes(personal)]).toEqual([personal, false]);
    }
  }

  it('“Call next” at desk 3 shows the number and desk 3 on a display in another browser within 2 seconds', async () => {
    const screen = await newContext(browser, { js: true, lang: 'da' });
    const display = await screen.newPage();
    await display.goto(`${base}/display/${centreId}`);
    expect(await display.textContent('#display-none')).toContain(
      'Der er ikke kaldt nogen numre endnu i dag.',
    );
    // the stream is open (the page says it is live) before the clerk calls
    await display.waitForSelector('#display-live:not([hidden])', { timeout: 5000 });
    const events = /data-events="([^"]+)"/.exec(await display.content())![1];
    const stream = await openEventStream(`${base}${events}`);

    const desk = await newContext(browser, { js: true, lang: 'da' });
    const page = await signIn(desk);
    expect(await page.textContent('main')).toContain('Venter på at blive kaldt: 2');
    await axe(page, 'da day list with call-up');
    await typeInto(page, '#desk', '3');
    t.clock.set(`${MONDAY}T09:00:00+01:00`);
    await activate(page, 'form[action$="/call-next"] button[type="submit"]');
    const calledAt = Date.now();
    expect(page.url()).toBe(`${base}/staff/appointment/${bookings[0].id}?called=1`);
    expect(await page.textContent('main')).toContain('Nummer 1 er kaldt til skranke 3.');

    await display.waitForFunction(
      () => {
        const doc = (
          globalThis as unknown as {
            document: { getElementById(id: string): { textContent: string } | null };
          }
        ).document;
        return (
          doc.getElementById('display-latest-number')?.textContent === '1' &&
          doc.getElementById('display-latest-desk')?.textContent === '3'
        );
      },
      undefined,
      { timeout: 2000 },
    );
    expect(Date.now() - calledAt).toBeLessThan(2000);
    expect(await display.textContent('#display-calls tr.queue-display-newest')).toMatch(
      /^\s*1\s*\(Nyeste\)\s*3\s*09:00\s*$/,
    );
    expect(await display.textContent('#display-waiting')).toBe('Venter: 1');
    // axe skips text hidden from assistive technology: the big number's contrast is checked here
    const colours = await display.evaluate(() => {
      const win = globalThis as unknown as {
        document: { querySelector(selector: string): unknown };
        getComputedStyle(element: unknown): { color: string; backgroundColor: string };
      };
      const style = (selector: string) => win.getComputedStyle(win.document.querySelector(selector));
      return {
        color: style('#display-latest-number').color,
        background: style('.queue-display-latest').backgroundColor,
      };
    });
    expect(colours).toEqual({ color: 'rgb(255, 255, 255)', background: 'rgb(26, 26, 26)' });
    await stream.nextCall(2000);
    expectNothingPersonal(await display.content());
    expectNothingPersonal(stream.text());
    await axe(display, 'da display, live');
    await screenshot(display, 'display-1280');
    await display.setViewportSize({ width: 375, height: 800 });
    await screenshot(display, 'display-375');

    // the remembered desk fills the field on the appointment page: "Call again" is one press
    expect(await page.inputValue('#desk')).toBe('3');
    await axe(page, 'da appointment with call-up');
    const recalled = display.waitForFunction(
      () =>
        (
          globalThis as unknown as {
            document: { getElementById(id: string): { textContent: string } | null };
          }
        ).document.getElementById('display-latest-desk')?.textContent === '5',
      undefined,
      { timeout: 2000 },
    );
    await page.fill('#desk', '5');
    await activate(page, 'form[action$="/call"] button[type="submit"]');
    await recalled;
    await activate(page, `a[href="/staff/appointment/${bookings[0].id}/slip"]`);
    const slip = await page.textContent('main');
    expect(slip).toContain('Borgerservice Kaldeskærm');
    expectNothingPersonal(slip ?? '');
    await axe(page, 'da queue slip');
    stream.close();
    await screen.close();
    await desk.close();
  });

  it('lays the day list out for a phone and a desk, and passes axe in English, the display without script too', async () => {
    const desk = await newContext(browser, { js: true, lang: 'en' });
    const page = await signIn(desk);
    await page.goto(`${base}/staff/centre/${centreId}?lang=en`);
    await axe(page, 'en day list with call-up');
    await screenshot(page, 'queue-day-list-1280');
    await page.setViewportSize({ width: 375, height: 800 });
    // stacked rows: nothing scrolls sideways at 375 px
    const overflow = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
        .document;
      return doc.documentElement.scrollWidth;
    });
    expect(overflow).toBeLessThanOrEqual(375);
    const region = page.locator('.table--responsive-scroll');
    const box = await region.evaluate((element) => {
      const el = element as unknown as { scrollWidth: number; clientWidth: number };
      return { scroll: el.scrollWidth, client: el.clientWidth };
    });
    expect(box.scroll).toBeLessThanOrEqual(box.client);
    await screenshot(page, 'queue-day-list-375');
    await axe(page, 'en day list at 375 px');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/staff/appointment/${bookings[1].id}`);
    await axe(page, 'en appointment with call-up');
    await page.goto(`${base}/staff/appointment/${bookings[1].id}/slip`);
    await axe(page, 'en queue slip');
    await page.goto(`${base}/staff/appointment/${bookings[1].id}/identity-check`);
    await axe(page, 'en identity form with the witness’s CPR document');
    await page.goto(`${base}/staff/appointment/${bookings[1].id}/identity-check?lang=da`);
    await axe(page, 'da identity form with the witness’s CPR document');

    const screen = await newContext(browser, { js: true, lang: 'en' });
    const display = await screen.newPage();
    await display.goto(`${base}/display/${centreId}?lang=en`);
    expect(await display.textContent('h1')).toBe('Numbers called');
    expect(await display.textContent('#display-latest-text')).toBe('Number 1 to desk 5');
    await axe(display, 'en display');

    const noScript = await newContext(browser, { js: false, lang: 'da' });
    const plain = await noScript.newPage();
    await plain.goto(`${base}/display/${centreId}`);
    expect(await plain.textContent('.queue-display-status')).toContain('Skærmen opdateres hvert 10. sekund.');
    expect(await plain.locator('meta[http-equiv="refresh"]').getAttribute('content')).toBe('10');
    expect(await plain.textContent('#display-latest-text')).toBe('Nummer 1 til skranke 5');
    expectNothingPersonal(await plain.content());
    await axe(plain, 'da display without script', screen);
    await screen.close();
    await noScript.close();
    await desk.close();
  });

  it('found no WCAG 2.1 A/AA violation on the display or the changed desk pages', () => {
    process.stdout.write(`Queue and display screenshots: ${screenshotDir}\n`);
    expect(checked).toBeGreaterThanOrEqual(12);
    expect(findings).toEqual([]);
  });
});
