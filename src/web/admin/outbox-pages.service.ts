import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/index.js';
import { OutboxDeliveryService, OutboxError, OutboxErrorCode } from '../../notifications/index.js';
import type { OutboxEntryView } from '../../notifications/index.js';
import { format } from '../base/i18n.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';
import { adminFrame } from './admin-pages.js';
import { shortTime } from './admin-people-form.js';

const ZONE = 'Europe/Copenhagen';
const DONE = { retried: 'retried', 'not-failed': 'notFailed' } as const;

/** The outbox: failed and pending e-mails (the recipient masked), and "send again" for a failed one. */
@Injectable()
export class OutboxPages {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly delivery: OutboxDeliveryService,
  ) {}

  async list(page: PageContext, admin: AuthUser, done: string | undefined): Promise<PageResult> {
    const t = page.t.admin.people.mail;
    const kinds = t.kinds as Record<string, string>;
    const row = (entry: OutboxEntryView) => {
      const created = shortTime(entry.createdAt, ZONE, page.lang);
      const kind = kinds[entry.kind] ?? entry.kind;
      return {
        id: entry.id,
        kind,
        recipient: entry.recipientMasked ?? t.unknownRecipient,
        created,
        attempts: entry.attempts,
        lastError: entry.lastError ?? t.noError,
        nextAttempt: shortTime(entry.nextAttemptAt, ZONE, page.lang),
        retryLabel: format(t.retryLabel, { kind: kind.toLowerCase(), created }),
      };
    };
    const key = done && done in DONE ? DONE[done as keyof typeof DONE] : undefined;
    return this.renderer.render('people-mail.njk', page, {
      title: t.title,
      ...adminFrame(admin, 'outbox'),
      notice: key ? { kind: key === 'retried' ? 'success' : 'error', text: t[key] } : undefined,
      failed: (await this.delivery.list('failed')).map(row),
      pending: (await this.delivery.list('pending')).map(row),
    });
  }

  async retry(admin: AuthUser, id: string): Promise<PageResult> {
    try {
      await this.delivery.retry(id, admin);
    } catch (error) {
      if (!(error instanceof OutboxError && error.code === OutboxErrorCode.NotFailed)) throw error;
      return { redirect: '/admin/mail?done=not-failed' };
    }
    return { redirect: '/admin/mail?done=retried' };
  }
}
