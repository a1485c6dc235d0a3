import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumPresent = existsSync(CHROMIUM);

/** Debian's Chromium, quiet: without these flags it keeps dialling hosts this machine cannot reach. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Every request a context made, with the URL as the server received it (a fragment is never sent). */
export function recordRequests(context: BrowserContext): { url: string; referer?: string }[] {
  const seen: { url: string; referer?: string }[] = [];
  context.on('request', (request: Request) => {
    seen.push({ url: request.url(), referer: request.headers()['referer'] });
  });
  return seen;
}

export async function newContext(
  browser: Browser,
  options: { js: boolean; lang: 'da' | 'en'; width?: number },
): Promise<BrowserContext> {
  return browser.newContext({
    javaScriptEnabled: options.js,
    locale: options.lang === 'da' ? 'da-DK' : 'en-GB',
    viewport: { width: options.width ?? 1280, height: 900 },
  });
}

type FocusedDocument = { document: { activeElement: { matches(selector: string): boolean } | null } };

/** Presses Tab until the focused element matches `selector`: the way a keyboard user reaches a control. */
export async function tabTo(page: Page, selector: string, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      (s) => (globalThis as unknown as FocusedDocument).document.activeElement?.matches(s) ?? false,
      selector,
    );
    if (focused) return;
  }
  throw new Error(`Tab never reached ${selector} on ${page.url()}`);
}

/** Tab to a field and type into it. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/** Tab to a button or link and press Enter, waiting for the page it leads to. */
export async function activate(page: Page, selector: string): Promise<void> {
  await tabTo(page, selector);
  const loaded = page.waitForEvent('load');
  await page.keyboard.press('Enter');
  await loaded;
}

export interface AxeFinding {
  url: string;
  id: string;
  impact?: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's WCAG 2.1 A/AA rules over the page; returns the violations (the caller expects none). axe needs script,
 * so a page of a context without JavaScript is checked as it arrived (its HTML, scripts removed) in a scratch page
 * that may run axe, at the same address so that its styles load as they did.
 */
export async function axeViolations(
  page: Page,
  label: string,
  scratch?: BrowserContext,
): Promise<AxeFinding[]> {
  let target = page;
  if (scratch) {
    const url = page.url();
    const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
    target = await scratch.newPage();
    await target.route(url, (route) =>
      route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
    );
    await target.goto(url);
  }
  const result = await new AxeBuilder({ page: target })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  if (scratch) await target.close();
  return result.violations.map((violation) => ({
    url: `${label} ${page.url()}`,
    help: violation.help,
    id: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.slice(0, 3).map((node) => node.html),
  }));
}

export const screenshotDir = join(tmpdir(), `borgerservice-screenshots-${process.pid}`);

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
