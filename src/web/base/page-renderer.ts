import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Injectable } from '@nestjs/common';
import nunjucks from 'nunjucks';
import { AppConfig } from '../../config/app-config.js';
import { format } from './i18n.js';
import type { PageContext } from './page-context.js';
import { ASSET_PATHS, DKFDS_DIR } from './web-setup.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * DKFDS's icons, written into the page where used: the sprite file is a 53 kB download for the few a page shows, and
 * an external <use> cannot be styled by the alert's colours.
 */
function loadIcons(): Map<string, string> {
  const sprite = readFileSync(join(DKFDS_DIR, 'img', 'all-svg-icons.svg'), 'utf8');
  const icons = new Map<string, string>();
  for (const [, id, viewBox, body] of sprite.matchAll(
    /<symbol id="([\w-]+)" viewBox="([^"]+)">(.*?)<\/symbol>/g,
  ))
    icons.set(id, `viewBox="${viewBox}">${body}`);
  return icons;
}

/** What a page handler answers: HTML with a status, or a redirect (303, so that a form post becomes a GET). */
export type PageResult =
  | { html: string; status?: number; headers?: Record<string, string> }
  | { redirect: string }
  | { file: string; type: string; name: string };

/** Nunjucks over the citizen, staff, administration and display templates and the shared layout and macros, autoescaped. */
@Injectable()
export class PageRenderer {
  private readonly env: nunjucks.Environment;

  constructor(private readonly config: AppConfig) {
    const loader = new nunjucks.FileSystemLoader(
      [
        join(here, '..', 'citizen', 'templates'),
        join(here, '..', 'staff', 'templates'),
        join(here, '..', 'admin', 'templates'),
        join(here, '..', 'display', 'templates'),
        join(here, 'templates'),
      ],
      { noCache: false },
    );
    this.env = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false });
    this.env.addFilter('fmt', (text: string, values: Record<string, string | number>) =>
      format(text, values),
    );
    const icons = loadIcons();
    this.env.addGlobal(
      'icon',
      (name: string, classes = '') =>
        new nunjucks.runtime.SafeString(
          `<svg class="icon-svg${classes ? ` ${classes}` : ''}" focusable="false" aria-hidden="true" ${icons.get(name) ?? '>'}</svg>`,
        ),
    );
  }

  render(template: string, page: PageContext, data: Record<string, unknown>, status = 200): PageResult {
    const html = this.env.render(template, {
      lang: page.lang,
      t: page.t,
      // called by the templates' forms only, so a page without a form sets no CSRF cookie
      csrf: page.csrf,
      languageLinks: page.languageLinks,
      assets: ASSET_PATHS,
      org: {
        name: this.config.organisationName,
        email: this.config.contactEmail,
        phone: this.config.contactPhone,
      },
      ...data,
    });
    return { html, status };
  }
}
