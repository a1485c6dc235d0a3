import type { Browser, BrowserContext, Page } from 'playwright-core';
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
  tabTo,
  typeInto,
} from './browser-support.js';

const ci = process.env.CI === 'true';
if (!chromiumPresent && !ci) process.stderr.write(`Browser tests skipped: no Chromium at ${CHROMIUM}\n`);
const describeWithBrowser = chromiumPresent || ci ? describe : describe.skip;

const MONDAY = '2027-01-04';
const password = 'correct horse battery';

describeWithBrowser('A failed identity check at the desk, then the citizen pages, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let centreId: string;
  const clerkEmail = 'clerk@vejle.test';
  const findings: AxeFinding[] = [];
  let failing: { id: string; reference: string; cpr: string; name: string };

  beforeAll(async () => {
    if (!chromiumPresent)
      throw new Error(`CI=true and no Chromium at ${CHROMIUM}: the browser tests cannot run`);
    const port = await SmtpSink.freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({ now: `${MONDAY}T08:00:00+01:00`, env: { PUBLIC_BASE_URL: base } });
    const admin = (await loginAs(t, 'admin')).token;
    centreId = (await newCentre(t, admin, { name: 'Borgerservice Vejle' })).id;
    await t.app
      .get(UsersService)
      .create({ email: clerkEmail, password, role: 'staff', centreIds: [centreId] });
    const failingBody = newBookingBody(centreId, `${MONDAY}T09:45:00+01:00`);
    const created = (await t.http().post('/api/bookings').send(failingBody).expect(201)).body as {
      id: string;
      reference: string;
    };
    failing = {
      ...created,
      cpr: failingBody.applicant.cprNumber as string,
      name: failingBody.applicant.fullName as string,
    };
    await t.app.listen(port, '127.0.0.1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const axe = (page: Page, label: string) => axeViolations(page, label);

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

  async function scan(page: Page, reference: string): Promise<void> {
    await tabTo(page, '#reference');
    const loaded = page.waitForURL('**/staff/appointment/*');
    await page.keyboard.type(reference.toLowerCase().replace('-', ''));
    await page.keyboard.press('Enter');
    await loaded;
  }

  it('sends an applicant whose control questions failed home to come back with a witness, and their next booking says one is required', async () => {
    t.clock.set(`${MONDAY}T09:40:00+01:00`);
    const context = await newContext(browser, { js: true, lang: 'da' });
    context.setDefaultTimeout(10_000);
    const page = await signIn(context);
    await scan(page, failing.reference);
    await activate(page, 'form[action$="/check-in"] button');
    await activate(page, `a[href="/staff/appointment/${failing.id}/identity-check"]`);
    await page.check('input[name="doc_DK_DRIVING_LICENCE"][value="valid"]');
    await page.check('input[name="controlQuestions"][value="failed"]');
    await activate(page, 'form[action$="/identity-check"] button[type="submit"]');
    expect(await page.textContent('#decision')).toContain('Identiteten er ikke fastslået');
    await activate(page, `main a.button[href="/staff/appointment/${failing.id}"]`);
    expect(await page.locator('input[name="outcome"][value="mitid_issued"]').count()).toBe(0);
    await page.check('input[name="outcome"][value="rebook_with_witness"]');
    await activate(page, 'form[action$="/complete"] button[type="submit"]');
    expect(await page.textContent('main')).toContain('Kom igen med et vidne');
    findings.push(...(await axe(page, 'da completed, come back with a witness')));
    await context.close();

    // the same person books again through the citizen pages, without JavaScript
    const citizen = await newContext(browser, { js: false, lang: 'en' });
    citizen.setDefaultTimeout(10_000);
    const booking = await citizen.newPage();
    await booking.goto(`${base}/book`);
    await booking.check(`input[name="centre"][value="${centreId}"]`);
    await activate(booking, 'button[type="submit"]');
    await booking.locator('input[name="type"]').first().check();
    await activate(booking, 'button[type="submit"]');
    await booking.locator('input[name="startsAt"]').first().check();
    await activate(booking, 'button[type="submit"]');
    await booking.fill('#fullName', failing.name);
    await booking.fill('#email', 'again@example.dk');
    await booking.fill('#cprNumber', failing.cpr);
    await booking.selectOption('#nationality', 'DK');
    await booking.selectOption('#countryOfResidence', 'DK');
    await activate(booking, 'button[value="next"]');
    await booking.check('input[value="DK_DRIVING_LICENCE"]');
    await activate(booking, 'button[value="next"]');
    // the witness step cannot know yet (nothing about a person is looked up before they book), so the booking says it
    await activate(booking, 'button[value="next"]');
    await activate(booking, 'button[value="book"]');
    await booking.waitForSelector('main h1');
    const refused = await booking.locator('main').innerText();
    expect(refused).toContain(
      'Your identity could not be confirmed at an earlier visit, so you must bring a witness',
    );
    expect(await booking.locator('#error-summary').innerText()).toContain('earlier visit');
    expect(refused).not.toContain('The witness cannot be you');
    // (axe over this page without JavaScript: the citizen spec checks the witness step's error state)
    await citizen.close();
  });

  it('found no WCAG 2.1 A/AA violation on the pages checked', () => {
    expect(findings).toEqual([]);
  });
});
