import type { Browser, BrowserContext, Page } from 'playwright-core';
import { OutboxDeliveryService } from '../../src/notifications/outbox-delivery.service.js';
import { newCentre, newCprNumber, weekdays } from '../support/factories.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { loginAs, startTestApp, TestApp } from '../support/test-app.js';
import {
  activate,
  AxeFinding,
  axeViolations,
  chromiumPresent,
  CHROMIUM,
  launchChromium,
  newContext,
  recordRequests,
  screenshot,
  screenshotDir,
  tabTo,
  typeInto,
} from './browser-support.js';

const ci = process.env.CI === 'true';
if (!chromiumPresent && !ci) process.stderr.write(`Browser tests skipped: no Chromium at ${CHROMIUM}\n`);
const describeWithBrowser = chromiumPresent || ci ? describe : describe.skip;

interface Person {
  name: string;
  email: string;
  cpr?: string;
  nationality: string;
  residence: string;
}

describeWithBrowser('Citizen pages in Chromium', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let browser: Browser;
  let base: string;
  const findings: AxeFinding[] = [];
  const requested: { url: string; referer?: string }[] = [];
  const cprNumbers: string[] = [];
  const tokens: string[] = [];
  let seq = 0;

  const person = (lang: 'da' | 'en', overrides: Partial<Person> = {}): Person => {
    const cpr = newCprNumber();
    cprNumbers.push(cpr);
    seq += 1;
    return {
      name: `Browser Person ${seq}`,
      email: `browser${seq}@example.dk`,
      cpr,
      nationality: lang === 'da' ? 'Danmark' : 'Denmark',
      residence: lang === 'da' ? 'Danmark' : 'Denmark',
      ...overrides,
    };
  };

  let scratch: BrowserContext;
  async function axe(page: Page, label: string): Promise<void> {
    const js = !label.includes('js off');
    findings.push(...(await axeViolations(page, label, js ? undefined : scratch)));
  }

  beforeAll(async () => {
    if (!chromiumPresent)
      throw new Error(`CI=true and no Chromium at ${CHROMIUM}: the browser tests cannot run`);
    smtp = await (await SmtpSink.reserve()).start();
    const port = await SmtpSink.freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_BASE_URL: base } });
    const admin = (await loginAs(t, 'admin')).token;
    // Sorted by name on the pages: the keyboard runs take the first centre, the others are chosen by name.
    await newCentre(t, admin, { name: 'Borgerservice Aarhus', bookingHorizonDays: 60 });
    await newCentre(t, admin, {
      name: 'Borgerservice Kræver Vidne',
      witnessPolicy: 'require',
      weekly: weekdays('09:00', '12:00', 2),
    });
    await newCentre(t, admin, { name: 'Borgerservice Lille', weekly: weekdays('09:00', '09:15', 1) });
    await t.app.listen(port, '127.0.0.1');
    browser = await launchChromium();
    scratch = await browser.newContext({ javaScriptEnabled: true });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.stop();
  });

  /** The confirmation to `email`, delivered through the outbox to the SMTP sink. */
  async function mailTo(email: string): Promise<{ link: string; code: string }> {
    await t.app.get(OutboxDeliveryService).deliverDue();
    const mail = smtp.messages.find((m) => !Array.isArray(m.to) && m.to?.text.includes(email));
    expect(mail).toBeDefined();
    const text = mail!.text ?? '';
    const link = /(http:\/\/\S+\/bookings\/\S+#token=\S+)/.exec(text)?.[1];
    const code = /:\s*([A-Za-z0-9_-]{43})\s*$/m.exec(text)?.[1];
    expect(link).toBeDefined();
    expect(code).toBeDefined();
    tokens.push(code!);
    return { link: link!, code: code! };
  }

  /** Centre → type → time → about you → documents → witness → review → receipt, by keyboard only. */
  async function bookByKeyboard(page: Page, lang: 'da' | 'en', who: Person, label: string): Promise<string> {
    await page.goto(`${base}/`);
    await axe(page, `${label} start`);
    await activate(page, 'a[href="/book"]');
    await axe(page, `${label} centre`);
    await tabTo(page, 'input[name="centre"]');
    await page.keyboard.press('Space');
    await activate(page, 'button[type="submit"]');
    await axe(page, `${label} type`);
    await tabTo(page, 'input[name="type"]');
    await page.keyboard.press('Space');
    await activate(page, 'button[type="submit"]');
    expect(page.url()).toContain('/book/time?');
    await axe(page, `${label} time`);
    await tabTo(page, 'input[name="startsAt"]');
    await page.keyboard.press('Space');
    await activate(page, 'button[type="submit"]');

    // a form sent empty first: the error summary and the field messages, every value kept
    await typeInto(page, '#fullName', who.name);
    await activate(page, 'button[value="next"]');
    expect(await page.locator('#error-summary a').count()).toBeGreaterThan(0);
    expect(await page.inputValue('#fullName')).toBe(who.name);
    await axe(page, `${label} details with errors`);

    await typeInto(page, '#email', who.email);
    if (who.cpr) await typeInto(page, '#cprNumber', who.cpr);
    else {
      await tabTo(page, '#noCpr');
      await page.keyboard.press('Space');
    }
    await typeInto(page, '#nationality', who.nationality);
    await tabTo(page, '#countryOfResidence');
    await page.keyboard.type(who.residence);
    await activate(page, 'button[value="next"]');
    expect(await page.locator('h1').textContent()).toBe(lang === 'da' ? 'Dine dokumenter' : 'Your documents');
    await axe(page, `${label} documents`);

    await tabTo(page, 'input[value="DK_DRIVING_LICENCE"]');
    await page.keyboard.press('Space');
    await activate(page, 'button[value="next"]');
    await axe(page, `${label} witness`);
    await activate(page, 'button[value="next"]');
    await axe(page, `${label} review`);
    await activate(page, 'button[value="book"]');
    const reference = (await page.locator('.booking-reference').first().textContent())!.trim();
    expect(reference).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await axe(page, `${label} receipt`);
    return reference;
  }

  /** From the e-mail's link on another device: the booking; then move it and cancel it, by keyboard. */
  async function manageFromMail(
    js: boolean,
    lang: 'da' | 'en',
    who: Person,
    reference: string,
    label: string,
  ) {
    const { link, code } = await mailTo(who.email);
    const context = await newContext(browser, { js, lang });
    const seen = recordRequests(context);
    const page = await context.newPage();
    await page.goto(link);
    if (js) {
      await page.waitForSelector('.booking-status');
      expect(page.url()).toBe(`${base}/bookings/${reference}`);
    } else {
      await axe(page, `${label} manage code form`);
      await typeInto(page, '#code', code);
      await activate(page, 'button[type="submit"]');
    }
    expect(await page.locator('.booking-reference').textContent()).toBe(reference);
    await axe(page, `${label} manage`);

    await activate(page, `a[href="/bookings/${reference}/move"]`);
    await axe(page, `${label} move`);
    await tabTo(page, 'input[name="startsAt"]');
    await page.keyboard.press('ArrowDown'); // the next free time, not the first (which may be its own)
    await activate(page, 'button[type="submit"]');
    expect(await page.locator('.alert-success').textContent()).toContain(lang === 'da' ? 'flyttet' : 'moved');

    await activate(page, `a[href="/bookings/${reference}/cancel"]`);
    await axe(page, `${label} cancel`);
    await activate(page, 'button[type="submit"]');
    expect(await page.locator('.booking-status').textContent()).toBe(lang === 'da' ? 'Aflyst' : 'Cancelled');
    requested.push(...seen);
    await context.close();
  }

  for (const js of [true, false]) {
    for (const lang of ['da', 'en'] as const) {
      it(`books, opens the e-mail link, moves and cancels by keyboard (JavaScript ${js ? 'on' : 'off'}, ${lang})`, async () => {
        const label = `[js ${js ? 'on' : 'off'} ${lang}]`;
        const context = await newContext(browser, { js, lang });
        const seen = recordRequests(context);
        const page = await context.newPage();
        // a script or style the Content-Security-Policy blocked, a script error or a missing file shows up here (the
        // form sent with errors on purpose is answered 422, which Chromium reports too)
        const consoleErrors: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error' && !/status of 422/.test(message.text()))
            consoleErrors.push(`${page.url()}: ${message.text()}`);
        });
        const who = person(lang);
        const reference = await bookByKeyboard(page, lang, who, label);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(consoleErrors).toEqual([]);
        requested.push(...seen);
        await context.close();
        await manageFromMail(js, lang, who, reference, label);
      });
    }
  }

  it('shows a foreign applicant the witness advice with its reasons before booking; a require-centre refuses without one', async () => {
    const context = await newContext(browser, { js: true, lang: 'en' });
    const seen = recordRequests(context);
    const page = await context.newPage();
    await page.goto(`${base}/book`);
    await page.getByLabel('Borgerservice Kræver Vidne').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('input[name="type"]').first().check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('input[name="startsAt"]').first().check();
    await page.getByRole('button', { name: 'Choose time' }).click();
    await page.fill('#fullName', 'Camille Martin');
    await page.fill('#email', 'camille@example.fr');
    await page.check('#noCpr');
    await page.selectOption('#nationality', 'FR');
    await page.selectOption('#countryOfResidence', 'FR');
    await page.click('button[value="next"]');
    await page.check('input[value="FOREIGN_PASSPORT"]');
    await page.click('button[value="next"]');
    await page.click('button[value="next"]'); // told the passport needs a second document; continues anyway
    const advice = (await page.locator('.alert').allTextContents()).join(' ');
    expect(advice).toContain('You must bring a witness');
    expect(advice).toContain('You are not a Danish national');
    expect(advice).toContain('You live outside Denmark');
    expect(advice).toContain('Your primary ID document is foreign');
    await axe(page, '[witness required]');
    await screenshot(page, 'witness-advice-1280');
    await page.click('button[value="next"]');
    expect(await page.locator('h1').textContent()).toBe('Witness');
    expect(await page.locator('#error-summary').textContent()).toContain('This centre requires a witness');
    expect((await page.locator('.alert-error').allTextContents()).join(' ')).toContain(
      'You live outside Denmark',
    );
    await axe(page, '[witness refused]');
    requested.push(...seen);
    await context.close();
  });

  it('gives the last desk of a time to one of two racing browsers and tells the other to choose another', async () => {
    const pages: Page[] = [];
    const contexts = await Promise.all([0, 1].map(() => newContext(browser, { js: false, lang: 'da' })));
    for (const [i, context] of contexts.entries()) {
      const seen = recordRequests(context);
      const page = await context.newPage();
      await page.goto(`${base}/book`);
      await page.getByLabel('Borgerservice Lille').check();
      await page.click('button[type="submit"]');
      await page.locator('input[name="type"]').first().check();
      await page.click('button[type="submit"]');
      await page.locator('input[name="startsAt"]').first().check();
      await page.click('button[type="submit"]');
      const cpr = newCprNumber();
      cprNumbers.push(cpr);
      await page.fill('#fullName', `Racer ${i}`);
      await page.fill('#email', `racer${i}@example.dk`);
      await page.fill('#cprNumber', cpr);
      await page.selectOption('#nationality', 'DK');
      await page.click('button[value="next"]');
      await page.check('input[value="DK_DRIVING_LICENCE"]');
      await page.click('button[value="next"]');
      await page.click('button[value="next"]');
      pages.push(page);
      requested.push(...seen);
    }
    await Promise.all(pages.map((page) => page.click('button[value="book"]')));
    const headings = await Promise.all(pages.map((page) => page.locator('h1').first().textContent()));
    expect([...headings].sort()).toEqual(['Din tid er booket', 'Vælg dag og tid']);
    const loser = pages[headings.indexOf('Vælg dag og tid')];
    expect(await loser.locator('#taken-alert').textContent()).toContain('taget af en anden');
    await axe(loser, '[js off taken]');
    await Promise.all(contexts.map((context) => context.close()));
  });

  it('takes screenshots at phone and desktop widths and prints the first visit’s transfer size', async () => {
    for (const width of [390, 1280]) {
      const context = await newContext(browser, { js: true, lang: 'da', width });
      const page = await context.newPage();
      const sizes: Record<string, number> = {};
      page.on('requestfinished', (request) => {
        void request.sizes().then((s) => {
          const kind = request.resourceType();
          sizes[kind] = (sizes[kind] ?? 0) + s.responseBodySize + s.responseHeadersSize;
        });
      });
      await page.goto(`${base}/`, { waitUntil: 'networkidle' });
      if (width === 1280) {
        const total = Object.values(sizes).reduce((a, b) => a + b, 0);
        process.stdout.write(
          `First visit of / transfers ${Math.round(total / 1024)} kB: ${Object.entries(sizes)
            .map(([kind, bytes]) => `${kind} ${Math.round(bytes / 1024)} kB`)
            .join(', ')}\n`,
        );
      }
      await screenshot(page, `start-${width}`);
      await page.click('a[href="/book"]');
      await page.locator('input[name="centre"]').first().check();
      await page.click('button[type="submit"]');
      await page.locator('input[name="type"]').first().check();
      await page.click('button[type="submit"]');
      await screenshot(page, `time-${width}`);
      await page.locator('input[name="startsAt"]').nth(3).check();
      await page.click('button[type="submit"]');
      await page.click('button[value="next"]');
      await screenshot(page, `error-${width}`);
      const cpr = newCprNumber();
      cprNumbers.push(cpr);
      await page.fill('#fullName', `Skærm ${width}`);
      await page.fill('#email', `screen${width}@example.dk`);
      await page.fill('#cprNumber', cpr);
      await page.selectOption('#nationality', 'DK');
      await page.click('button[value="next"]');
      await page.check('input[value="DK_PASSPORT_WITH_CPR"]');
      await page.click('button[value="next"]');
      await page.click('button[value="next"]');
      await page.click('button[value="book"]');
      await screenshot(page, `receipt-${width}`);
      await context.close();
    }
    process.stdout.write(`Screenshots in ${screenshotDir}\n`);
  });

  it('found no WCAG 2.1 A/AA violation, and no CPR number or manage token in a URL, a Referer or a log line', () => {
    expect(findings).toEqual([]);
    expect(tokens.length).toBe(4);
    const digits = cprNumbers.flatMap((cpr) => [cpr, cpr.replace('-', '')]);
    const secrets = [...digits, ...tokens];
    // what the server received: a fragment is never sent (the e-mail link's token lives there until the script drops it)
    const sent = requested.map((r) => `${r.url.split('#')[0]} ${r.referer ?? ''}`);
    expect(requested.length).toBeGreaterThan(50);
    expect(sent.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
    // pages send no Referer (Referrer-Policy: no-referrer); only a stylesheet names itself to its fonts and icons
    expect(requested.filter((r) => r.referer && !new URL(r.referer).pathname.startsWith('/assets/'))).toEqual(
      [],
    );
    expect(t.logs.length).toBeGreaterThan(50);
    expect(t.logs.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
  });
});
