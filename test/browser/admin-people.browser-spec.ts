import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { UsersService } from '../../src/accounts/users.service.js';
import { newBookingBody, newCentre } from '../support/factories.js';
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
  screenshot,
  screenshotDir,
  typeInto,
} from './browser-support.js';

const ci = process.env.CI === 'true';
if (!chromiumPresent && !ci) process.stderr.write(`Browser tests skipped: no Chromium at ${CHROMIUM}\n`);
const describeWithBrowser = chromiumPresent || ci ? describe : describe.skip;

const MONDAY = '2027-01-04';
const password = 'correct horse battery';

describeWithBrowser('Administration pages for people and operations in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let centreId: string;
  let clerkId: string;
  let booking: { id: string; reference: string };
  const adminEmail = 'chef@aarhus.test';
  const findings: AxeFinding[] = [];
  let checked = 0;

  beforeAll(async () => {
    if (!chromiumPresent)
      throw new Error(`CI=true and no Chromium at ${CHROMIUM}: the browser tests cannot run`);
    const port = await SmtpSink.freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({ now: `${MONDAY}T08:00:00+01:00`, env: { PUBLIC_BASE_URL: base } });
    const token = (await loginAs(t, 'admin')).token;
    centreId = (await newCentre(t, token, { name: 'Borgerservice Aarhus' })).id;
    await newCentre(t, token, { name: 'Borgerservice Odense' });
    const users = t.app.get(UsersService);
    await users.create({ email: adminEmail, password, role: 'admin', centreIds: [] });
    clerkId = (
      await users.create({ email: 'skranke@aarhus.test', password, role: 'staff', centreIds: [centreId] })
    ).id;
    for (const [index, time] of ['09:00', '09:15', '09:30'].entries()) {
      const body = (
        await t
          .http()
          .post('/api/bookings')
          .send(
            newBookingBody(centreId, `${MONDAY}T${time}:00+01:00`, {
              applicant: index === 1 ? { nationality: 'DE', countryOfResidence: 'DE' } : {},
            }),
          )
          .expect(201)
      ).body as { id: string; reference: string };
      booking ??= body;
    }
    await t.app.get(DataSource).query(
      `UPDATE outbox_message SET status = 'failed', attempts = 60, last_error = 'Error ECONNREFUSED: connect refused'
         WHERE booking_id = $1`,
      [booking.id],
    );
    await t.app.listen(port, '127.0.0.1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function axe(page: Page, label: string): Promise<void> {
    checked += 1;
    findings.push(...(await axeViolations(page, label)));
  }

  async function signIn(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${base}/admin`);
    await typeInto(page, '#email', adminEmail);
    await typeInto(page, '#password', password);
    // the form is answered at /admin itself: wait for the page the sign-in leads to, not for the address
    const loaded = page.waitForEvent('load');
    await page.keyboard.press('Enter');
    await loaded;
    expect(await page.locator('h1').textContent()).toBe('Administration');
    return page;
  }

  const figures = `/admin/figures?centre=${'CENTRE'}&from=01.01.2027&to=31.01.2027`;

  it.each(['da', 'en'] as const)('has no WCAG 2.1 A/AA violation on the pages in %s', async (lang) => {
    const context = await newContext(browser, { js: true, lang });
    const page = await signIn(context);
    const visit = async (path: string, label: string) => {
      await page.goto(`${base}${path}`);
      await axe(page, `${lang} ${label}`);
    };
    await visit(`/admin/accounts?lang=${lang}`, 'accounts');
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await visit('/admin/accounts/new', 'new account');
    await activate(page, 'form[action="/admin/accounts/new"] button[type="submit"]');
    expect(await page.locator('#error-summary').count()).toBe(1);
    await axe(page, `${lang} new account errors`);
    await visit(`/admin/accounts/${clerkId}`, 'account');
    await page.fill('#new-password', 'short');
    await activate(page, 'form[action$="/password"] button[type="submit"]');
    expect(await page.getAttribute('#new-password', 'aria-invalid')).toBe('true');
    await axe(page, `${lang} account errors`);
    await visit('/admin/booking-audit', 'audit form');
    await typeInto(page, '#reference', 'nope');
    await activate(page, 'form[action="/admin/booking-audit"] button[type="submit"]');
    await axe(page, `${lang} audit form errors`);
    await page.fill('#reference', booking.reference);
    await activate(page, 'form[action="/admin/booking-audit"] button[type="submit"]');
    expect(page.url()).toBe(`${base}/admin/booking-audit/${booking.id}`);
    await axe(page, `${lang} audit trail`);
    await visit('/admin/mail', 'mail');
    expect(await page.locator('form[action$="/retry"]').count()).toBeGreaterThan(0);
    await visit(figures.replace('CENTRE', centreId), 'figures');
    await visit('/admin/figures?from=31.02.2027&to=01.01.2027', 'figures errors');
    await context.close();
  });

  it('sends a failed e-mail again from the outbox page', async () => {
    const context = await newContext(browser, { js: true, lang: 'da' });
    const page = await signIn(context);
    await page.goto(`${base}/admin/mail`);
    const before = await page.locator('form[action$="/retry"]').count();
    await activate(page, 'form[action$="/retry"] button');
    expect(page.url()).toBe(`${base}/admin/mail?done=retried`);
    expect(await page.textContent('.alert-success')).toContain('sat i kø igen');
    expect(await page.locator('form[action$="/retry"]').count()).toBe(before - 1);
    await axe(page, 'da mail retried');
    await context.close();
  });

  it('draws the statistics chart without JavaScript, within the CSP, at 375 and 1280 px', async () => {
    for (const width of [1280, 375]) {
      const context = await newContext(browser, { js: false, lang: 'da', width });
      const blocked: string[] = [];
      const page = await signIn(context);
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
      });
      await page.goto(`${base}${figures.replace('CENTRE', centreId)}`);
      const chart = page.locator('svg[role="img"]:visible').first();
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(width === 375 ? 250 : 400);
      expect(box!.height).toBeGreaterThan(100);
      expect(await chart.getAttribute('aria-labelledby')).toMatch(/-title .*-desc$/);
      // the bars are drawn and the labels keep the font size the chart asked for (presentation attributes)
      expect(await chart.locator('path[fill="#0059b3"]').count()).toBeGreaterThan(0);
      const fontSize = await chart
        .locator('text', { hasText: 'Bookinger' })
        .evaluate(
          (node) =>
            (
              globalThis as unknown as { getComputedStyle(n: unknown): { fontSize: string } }
            ).getComputedStyle(node).fontSize,
        );
      expect(parseFloat(fontSize)).toBeGreaterThan(10);
      expect(await page.locator('table', { hasText: 'Bookinger' }).isVisible()).toBe(true);
      expect(blocked).toEqual([]);
      await screenshot(page, `admin-figures-${width}`);
      await page.goto(`${base}/admin/accounts`);
      await screenshot(page, `admin-accounts-${width}`);
      await page.goto(`${base}/admin/accounts/${clerkId}`);
      await screenshot(page, `admin-account-${width}`);
      await context.close();
    }
  });

  it('found no WCAG 2.1 A/AA violation on any page checked', () => {
    process.stdout.write(`Administration page screenshots: ${screenshotDir}\n`);
    expect(checked).toBeGreaterThanOrEqual(21);
    expect(findings).toEqual([]);
  });
});
