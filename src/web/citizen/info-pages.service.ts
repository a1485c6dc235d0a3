import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { DOCUMENT_RULES, DocumentType, Language } from '../../identity/index.js';
import { DOCUMENT_NAMES } from '../../notifications/index.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';

const MITID_APP_URL = 'https://www.mitid.dk/';
export const MITID_ERHVERV_URL = 'https://www.mitid-erhverv.dk';
const COMPLAINT_URL = 'https://www.digst.dk/digital-inklusion/webtilgaengelighed/klag-over-tilgaengelighed/';
/** The date this statement's text was last reviewed against the pages. */
const STATEMENT_DATE = '2026-12-01';

const names = (types: readonly DocumentType[], lang: Language) =>
  types.map((type) => DOCUMENT_NAMES[type][lang]);

/** The pages that only inform: the start page, the accessibility statement, the privacy notice. */
@Injectable()
export class InfoPagesService {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly config: AppConfig,
  ) {}

  start(page: PageContext): PageResult {
    // The lists come from the rules the evaluator uses, so the page cannot drift from what the desk accepts.
    const withSecond = DOCUMENT_RULES.withSecond;
    return this.renderer.render('start.njk', page, {
      title: page.t.start.title,
      documents: {
        alone: names(DOCUMENT_RULES.alone, page.lang),
        withSecond: names(withSecond, page.lang),
        second: names(DOCUMENT_RULES.second, page.lang),
        noPhotoId: names(DOCUMENT_RULES.noPhotoId, page.lang),
      },
      witnessDays: this.config.witnessMitidMinDays,
      links: { app: MITID_APP_URL, erhverv: MITID_ERHVERV_URL },
    });
  }

  accessibility(page: PageContext): PageResult {
    if (this.config.accessibilityStatementUrl) return { redirect: this.config.accessibilityStatementUrl };
    return this.renderer.render('accessibility.njk', page, {
      title: page.t.accessibility.title,
      complaintUrl: COMPLAINT_URL,
      statementDate: STATEMENT_DATE,
    });
  }

  privacy(page: PageContext): PageResult {
    return this.renderer.render('privacy.njk', page, {
      title: page.t.privacy.title,
      retentionDays: this.config.retentionDays,
    });
  }
}
