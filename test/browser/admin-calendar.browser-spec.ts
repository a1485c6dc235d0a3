import type { Browser, BrowserContext, Page } from 'playwright-core';
import { UsersService } from '../../src/accounts/users.service.js';
import { OutboxDeliveryService } from '../../src/notifications/outbox-delivery.service.js';
import { newBookingBody } from '../support/factories.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { startTestApp, TestApp } from '../support/test-app.js';
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

const TUESDAY = '2027-01-05';
const password = 'correct horse battery';
const adminEmail = 'admin@kommune.test';

describeWithBrowser('Administration of centres and calendars in Chromium', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let browser: Browser;
  let scratch: BrowserContext;
  let base: string;
  const findings: AxeFinding[] = [];
  const checked = new Set<string>();

  beforeAll(async () => {
    if (!chromiumPresent)
      throw new Error(`CI=true and no Chromium at ${CHROMIUM}: the browser tests cannot run`);
    smtp = await (await SmtpSink.reserve()).start();
    const port = await SmtpSink.freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({
      now: '2027-01-04T08:00:00+01:00',
      env: { SMTP_URL: smtp.url, PUBLIC_BASE_URL: base },
    });
    await t.app.get(UsersService).create({ email: adminEmail, password, role: 'admin', centreIds: [] });
    await t.app.listen(port, '127.0.0.1');
    browser = await launchChromium();
    scratch = await browser.newContext({ javaScriptEnabled: true });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.stop();
  });

  /** axe over the page (without JavaScript: its HTML as it arrived), remembered by the page's kind and language. */
  async function axe(page: Page, label: string, js: boolean): Promise<void> {
    checked.add(label);
    findings.push(...(await axeViolations(page, label, js ? undefined : scratch)));
  }

  async function shots(page: Page, name: string): Promise<void> {
    await screenshot(page, `${name}-1280`);
    await page.setViewportSize({ width: 375, height: 900 });
    await screenshot(page, `${name}-375`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function signIn(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${base}/admin`);
    await typeInto(page, '#email', adminEmail);
    await typeInto(page, '#password', password);
    // the sign-in form answers at /admin itself: wait for the page the form leads to, not for the address
    const loaded = page.waitForEvent('load');
    await page.keyboard.press('Enter');
    await loaded;
    expect(await page.locator('h1').textContent()).toBe('Administration');
    return page;
  }

  /** Focus a form's button and press Enter (long forms: Tab by Tab would take minutes), waiting for the answer. */
  async function press(page: Page, selector: string): Promise<void> {
    await page.focus(selector);
    const loaded = page.waitForEvent('load');
    await page.keyboard.press('Enter');
    await loaded;
  }
  const submit = (page: Page, form: string) => press(page, `form[action$="${form}"] button[type="submit"]`);

  /** The citizen's booking, made through the API, in the centre's second Tuesday interval. */
  async function book(centreId: string, time: string): Promise<{ reference: string; email: string }> {
    const body = newBookingBody(centreId, `${TUESDAY}T${time}:00+01:00`, {
      applicant: { fullName: 'Birgitte Sofie Holm' },
    });
    const created = await t.http().post('/api/bookings').send(body).expect(201);
    return {
      reference: (created.body as { reference: string }).reference,
      email: body.applicant.email as string,
    };
  }

  /** Creates a centre, a type and two Tuesday intervals through the pages; returns the centre's id. */
  async function setUpCentre(page: Page, lang: 'da' | 'en', js: boolean, name: string): Promise<string> {
    const label = (kind: string) => `${lang} ${kind}`;
    await activate(page, 'main a[href="/admin/centre"]');
    await axe(page, label('centres'), js);
    if (lang === 'da') await shots(page, 'centres');
    await activate(page, 'a[href="/admin/new-centre"]');
    await axe(page, label('new centre'), js);
    await submit(page, '/admin/new-centre');
    expect(await page.locator('#error-summary a').count()).toBe(3);
    await axe(page, label('new centre with errors'), js);
    if (lang === 'da') await shots(page, 'new-centre-errors');
    await page.fill('#name', name);
    await page.fill('#address', 'Rådhustorvet 1, 7100 Vejle');
    await page.fill('#municipality', 'Vejle');
    await submit(page, '/admin/new-centre');
    expect(page.url()).toMatch(/\/admin\/centre\/[0-9a-f-]{36}\?saved=created$/);
    const centreId = new URL(page.url()).pathname.split('/')[3];
    expect(await page.locator('.alert-success').count()).toBe(1);
    await axe(page, label('centre details'), js);
    if (lang === 'da') await shots(page, 'centre-details');

    await activate(page, `a[href="/admin/centre/${centreId}/types"]`);
    await page.fill('#type-0-code', 'mitid_new');
    await page.fill('#type-0-nameDa', 'Ny MitID');
    await page.fill('#type-0-nameEn', 'New MitID');
    await page.fill('#type-0-duration', '20');
    await submit(page, '/types');
    expect(await page.textContent('#error-summary')).toContain(
      lang === 'da' ? 'multiplum af 15' : 'multiple of 15',
    );
    await axe(page, label('types with errors'), js);
    await page.fill('#type-0-duration', '15');
    await submit(page, '/types');
    expect(page.url()).toContain('?saved=types');
    await axe(page, label('types'), js);
    if (lang === 'da') await shots(page, 'types');

    await activate(page, `a[href="/admin/centre/${centreId}/hours"]`);
    await page.fill('#h-2-0-opens', '09:00');
    await page.fill('#h-2-0-closes', '11:00');
    await page.fill('#h-2-0-desks', '2');
    await page.fill('#h-2-1-opens', '10:30');
    await page.fill('#h-2-1-closes', '14:00');
    await page.fill('#h-2-1-desks', '1');
    await submit(page, '/hours');
    expect(await page.locator('#error-summary a[href="#h-2-1-opens"]').count()).toBe(1);
    await axe(page, label('hours with errors'), js);
    await page.fill('#h-2-1-opens', '12:00');
    await submit(page, '/hours');
    expect(page.url()).toContain('?saved=hours');
    expect(await page.inputValue('#h-2-1-closes')).toBe('14:00');
    await axe(page, label('hours'), js);
    if (lang === 'da') await shots(page, 'hours');
    return centreId;
  }

  /** A closure over the booked time: the page lists the booking, and confirmed, the closure is saved. */
  async function closeOverBooking(
    page: Page,
    lang: 'da' | 'en',
    js: boolean,
    centreId: string,
    booked: { reference: string },
  ) {
    const label = (kind: string) => `${lang} ${kind}`;
    await activate(page, `a[href="/admin/centre/${centreId}/closures"]`);
    await axe(page, label('closures'), js);
    await page.fill('#from', '05.01.2027');
    await page.fill('#startTime', '12:00');
    await submit(page, '/closures');
    expect(await page.locator('#error-summary a[href="#reason"]').count()).toBe(1);
    await axe(page, label('closures with errors'), js);
    await page.fill('#reason', lang === 'da' ? 'Strømsvigt' : 'Power cut');
    await submit(page, '/closures');
    // the service's check (a part day needs both times) beside its field, what was typed kept
    expect(await page.locator('#error-summary a[href="#endTime"]').count()).toBe(1);
    expect(await page.inputValue('#startTime')).toBe('12:00');
    await page.fill('#endTime', '14:00');
    await submit(page, '/closures');
    const affected = await page.textContent('#affected-bookings');
    expect(affected).toContain(booked.reference);
    expect(affected).toContain('Birgitte S. H.');
    expect(affected).not.toContain('Holm');
    await axe(page, label('confirm'), js);
    if (lang === 'da') await shots(page, 'confirm');
    await press(page, 'button[name="confirm"][value="yes"]');
    expect(page.url()).toContain('?saved=closure&cancelled=1');
    expect(await page.textContent('main table')).toContain('12:00–14:00');
    await axe(page, label('closures saved'), js);
    if (lang === 'da') await shots(page, 'closures');
  }

  it('an administrator creates a centre, opens Tuesday twice, closes over a booking, confirms, and the citizen is e-mailed', async () => {
    const context = await newContext(browser, { js: true, lang: 'da' });
    const page = await signIn(context);
    const centreId = await setUpCentre(page, 'da', true, 'Borgerservice Vejle');
    const booked = await book(centreId, '12:30');
    await closeOverBooking(page, 'da', true, centreId, booked);
    await t.app.get(OutboxDeliveryService).deliverDue();
    const mail = smtp.messages.find(
      (m) => !Array.isArray(m.to) && m.to?.text.includes(booked.email) && m.subject?.includes('aflyst'),
    );
    expect(mail?.text).toContain(booked.reference);
    expect(mail?.text).toContain('Strømsvigt');
    await context.close();
  });

  it('does the same in English without JavaScript', async () => {
    const context = await newContext(browser, { js: false, lang: 'en' });
    const page = await signIn(context);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const centreId = await setUpCentre(page, 'en', false, 'Borgerservice Kolding');
    const booked = await book(centreId, '13:00');
    await closeOverBooking(page, 'en', false, centreId, booked);
    await context.close();
  });

  it('found no WCAG 2.1 A/AA violation on any administration page checked', () => {
    process.stdout.write(`Administration screenshots: ${screenshotDir}\n`);
    expect(checked.size).toBe(24);
    expect(findings).toEqual([]);
  });
});
