import type { Browser, BrowserContext, Page } from 'playwright-core';
import { UsersService } from '../../src/accounts/users.service.js';
import { newBookingBody, newCentre, newCprNumber } from '../support/factories.js';
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
  tabTo,
  typeInto,
} from './browser-support.js';

const ci = process.env.CI === 'true';
if (!chromiumPresent && !ci) process.stderr.write(`Browser tests skipped: no Chromium at ${CHROMIUM}\n`);
const describeWithBrowser = chromiumPresent || ci ? describe : describe.skip;

const MONDAY = '2027-01-04';
const password = 'correct horse battery';

describeWithBrowser('Staff pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let centreId: string;
  const clerkEmail = 'clerk@aarhus.test';
  const findings: AxeFinding[] = [];
  const bookings: { id: string; reference: string }[] = [];
  let elsewhere: { id: string; reference: string };

  beforeAll(async () => {
    if (!chromiumPresent)
      throw new Error(`CI=true and no Chromium at ${CHROMIUM}: the browser tests cannot run`);
    const port = await SmtpSink.freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({ now: `${MONDAY}T08:00:00+01:00`, env: { PUBLIC_BASE_URL: base } });
    const admin = (await loginAs(t, 'admin')).token;
    centreId = (await newCentre(t, admin, { name: 'Borgerservice Aarhus' })).id;
    const otherId = (await newCentre(t, admin, { name: 'Borgerservice Odense' })).id;
    await t.app
      .get(UsersService)
      .create({ email: clerkEmail, password, role: 'staff', centreIds: [centreId] });
    const book = async (id: string, time: string) =>
      (
        await t
          .http()
          .post('/api/bookings')
          .send(newBookingBody(id, `${MONDAY}T${time}:00+01:00`))
          .expect(201)
      ).body as { id: string; reference: string };
    for (const time of ['09:00', '09:15', '09:30']) bookings.push(await book(centreId, time));
    elsewhere = await book(otherId, '09:00');
    await t.app.listen(port, '127.0.0.1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  let checked = 0;
  async function axe(page: Page, label: string): Promise<AxeFinding[]> {
    checked += 1;
    return axeViolations(page, label);
  }

  async function signIn(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${base}/staff`);
    findings.push(...(await axe(page, 'sign-in')));
    await typeInto(page, '#email', clerkEmail);
    await typeInto(page, '#password', password);
    const loaded = page.waitForURL(`**/staff/centre/${centreId}`);
    await page.keyboard.press('Enter');
    await loaded;
    return page;
  }

  /** A scanner types the reference and Enter into the focused field. */
  async function scan(page: Page, reference: string): Promise<void> {
    await tabTo(page, '#reference');
    const loaded = page.waitForURL('**/staff/appointment/*');
    await page.keyboard.type(reference.toLowerCase().replace('-', ''));
    await page.keyboard.press('Enter');
    await loaded;
  }

  async function checkIdentity(page: Page, witnessCpr: string): Promise<void> {
    await page.check('input[name="doc_DK_DRIVING_LICENCE"][value="valid"]');
    await page.fill('#witness-cpr', witnessCpr);
    await page.check('input[name="witnessPresent"][value="yes"]');
    await page.selectOption('#witness-id', 'DK_DRIVING_LICENCE');
    await page.check('input[name="witnessMitid"][value="yes"]');
    await page.check('input[name="controlQuestions"][value="not_asked"]');
    await activate(page, 'form[action$="/identity-check"] button[type="submit"]');
  }

  it('a clerk signs in, finds by scanning, checks in, records a witnessed identity check and issues MitID', async () => {
    const context = await newContext(browser, { js: true, lang: 'da' });
    const page = await signIn(context);
    const dayText = await page.textContent('main');
    expect(dayText).toContain('Borgerservice Aarhus');
    expect(dayText).not.toContain('Odense');
    for (const { reference } of bookings) expect(dayText).toContain(reference);
    expect(dayText).not.toContain(elsewhere.reference);
    findings.push(...(await axe(page, 'da day list')));
    await screenshot(page, 'day-list-1280');
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, 'day-list-390');
    // "Log af" is on the page itself on a phone, not only in the header's script drawer
    expect(await page.locator('main button', { hasText: 'Log af' }).isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });

    await scan(page, bookings[0].reference);
    expect(page.url()).toBe(`${base}/staff/appointment/${bookings[0].id}`);
    findings.push(...(await axe(page, 'da appointment')));
    await activate(page, 'form[action$="/check-in"] button');
    expect(await page.textContent('main')).toContain('Borgeren er tjekket ind.');
    // MitID is not offered before identity is established
    expect(await page.locator('input[name="outcome"][value="mitid_issued"]').count()).toBe(0);
    findings.push(...(await axe(page, 'da checked in')));

    await activate(page, `a[href="/staff/appointment/${bookings[0].id}/identity-check"]`);
    findings.push(...(await axe(page, 'da identity form')));
    await checkIdentity(page, newCprNumber());
    expect(await page.textContent('#decision')).toContain('Identiteten er fastslået');
    expect(await page.textContent('#decision')).toContain('Vidnet er godkendt');
    findings.push(...(await axe(page, 'da identity decision')));
    await screenshot(page, 'identity-decision-1280');
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, 'identity-decision-390');
    await page.setViewportSize({ width: 1280, height: 900 });

    await activate(page, `main a.button[href="/staff/appointment/${bookings[0].id}"]`);
    await page.check('input[name="outcome"][value="mitid_issued"]');
    await activate(page, 'form[action$="/complete"] button[type="submit"]');
    const done = await page.textContent('main');
    expect(done).toContain('Tiden er afsluttet.');
    expect(done).toContain('MitID udstedt');
    findings.push(...(await axe(page, 'da completed')));
    await context.close();
  });

  it('marks another applicant a no-show only once the start and the grace period have passed', async () => {
    // signed in at the time of the test: an hour and more of the clock without a request would end the session
    t.clock.set(`${MONDAY}T09:20:00+01:00`);
    const context = await newContext(browser, { js: true, lang: 'da' });
    const page = await signIn(context);
    await scan(page, bookings[1].reference);
    await activate(page, 'form[action$="/no-show"] button');
    expect(await page.textContent('.alert-error')).toContain(
      'Tiden kan først markeres som udeblevet 15 minutter efter starttidspunktet (fra kl. 09:30).',
    );
    t.clock.set(`${MONDAY}T09:31:00+01:00`);
    await activate(page, 'form[action$="/no-show"] button');
    expect(await page.textContent('main')).toContain('Tiden er markeret som udeblevet.');
    expect(await page.textContent('main')).toContain('Udeblevet');
    await context.close();
  });

  it('has no WCAG 2.1 A/AA violation on the desk pages in English either', async () => {
    t.clock.set(`${MONDAY}T09:31:00+01:00`);
    const context = await newContext(browser, { js: true, lang: 'en' });
    const page = await signIn(context);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    findings.push(...(await axe(page, 'en day list')));
    await typeInto(page, '#reference', 'NOPE');
    await activate(page, 'form[action="/staff/find"] button');
    expect(await page.textContent('#error-summary')).toContain('Enter a reference of 8 characters');
    findings.push(...(await axe(page, 'en find error')));
    await scan(page, bookings[2].reference);
    findings.push(...(await axe(page, 'en appointment')));
    await activate(page, 'form[action$="/check-in"] button');
    await activate(page, `a[href="/staff/appointment/${bookings[2].id}/identity-check"]`);
    findings.push(...(await axe(page, 'en identity form')));
    await activate(page, 'form[action$="/identity-check"] button[type="submit"]');
    expect(await page.textContent('#error-summary')).toContain('Choose the outcome of the control questions');
    findings.push(...(await axe(page, 'en identity errors')));
    await page.check('input[name="controlQuestions"][value="failed"]');
    await page.check('input[name="doc_DK_DRIVING_LICENCE"][value="valid"]');
    await activate(page, 'form[action$="/identity-check"] button[type="submit"]');
    expect(await page.textContent('#decision')).toContain('Identity is not established');
    findings.push(...(await axe(page, 'en identity decision')));
    await activate(page, `main a.button[href="/staff/appointment/${bookings[2].id}"]`);
    await page.check('input[name="outcome"][value="refused"]');
    await activate(page, 'form[action$="/complete"] button[type="submit"]');
    expect(await page.textContent('#error-summary')).toContain('Enter a reason for the refusal');
    findings.push(...(await axe(page, 'en complete errors')));
    await activate(
      page,
      'main form[action="/staff/sign-out"] button, header form[action="/staff/sign-out"] button',
    );
    expect(await page.textContent('main')).toContain('You have signed out.');
    await page.goto(`${base}/staff/appointment/${bookings[2].id}`);
    expect(await page.textContent('main')).toContain('Sign in again');
    await context.close();
  });

  it('found no WCAG 2.1 A/AA violation on any desk page checked', () => {
    process.stdout.write(`Staff page screenshots: ${screenshotDir}\n`);
    expect(checked).toBeGreaterThanOrEqual(16);
    expect(findings).toEqual([]);
  });
});
