import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { isUuid } from '../common/validators.js';
import { AppConfig } from '../config/app-config.js';
import { AuditService } from '../audit/index.js';
import type { AuthUser } from '../auth/index.js';
import { inTransaction } from '../database/transaction.js';
import { maskEmail, PersonalDataCipher } from '../personal-data/index.js';
import { MailTransport } from './mail-transport.js';
import { MailFacts, renderMail } from './notifications.service.js';
import { DeliveryStatus, OutboxMessage } from './outbox-message.entity.js';
import type { OutboxEntryView } from './outbox.view.js';
import { DELIVERY_SQL } from './outbox.sql.js';
import { OutboxError } from './outbox.error.js';

export const MAX_ATTEMPTS = 60;

/** 30 s, 1 min, 2 min … capped at an hour: sixty attempts ride out more than two days of mail server downtime. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 30 * 2 ** (attempt - 1));
}

/** SMTP replies can quote the recipient; keep the reason, not the address. */
function describe(error: unknown): string {
  const { name, message, code } = (error ?? {}) as { name?: string; message?: string; code?: string };
  const text = message ? `${name ?? 'Error'}${code ? ` ${code}` : ''}: ${message}` : 'unknown error';
  return text.replace(/[^\s<>@]+@[^\s<>@]+/g, '<address>').slice(0, 500);
}

export interface DeliveryRun {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Delivers due outbox messages. Each instance claims a batch with FOR UPDATE SKIP LOCKED and a lease, commits,
 * and sends outside the transaction (so a slow mail server holds no database connection); two instances never
 * claim the same message, and one that dies mid-send leaves it to be taken over when the lease runs out.
 */
@Injectable()
export class OutboxDeliveryService {
  private readonly logger = new Logger('Mail');
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** Shutting down: the message being sent is finished, the rest of a claimed batch is handed back. */
  stop(): void {
    this.stopping = true;
  }

  async list(status?: DeliveryStatus): Promise<OutboxEntryView[]> {
    const messages = await this.dataSource.manager.find(OutboxMessage, {
      where: status ? { status } : {},
      order: { createdAt: 'DESC' },
      take: 500,
    });
    return messages.map((message) => ({
      id: message.id,
      bookingId: message.bookingId,
      kind: message.kind,
      recipientMasked: this.recipientOf(message.contentEncrypted),
      status: message.status,
      attempts: message.attempts,
      nextAttemptAt: message.status === 'pending' ? message.nextAttemptAt.toISOString() : null,
      lastError: message.lastError,
      createdAt: message.createdAt.toISOString(),
      sentAt: message.sentAt?.toISOString() ?? null,
    }));
  }

  /** A failed message due again at once, its attempts from nought; in the audit trail of its booking. */
  async retry(id: string, admin: AuthUser): Promise<void> {
    if (!isUuid(id)) throw OutboxError.notFound();
    await inTransaction(this.dataSource, async (manager) => {
      const [rows] = await manager.query<[{ booking_id: string }[], number]>(DELIVERY_SQL.retryFailed, [
        id,
        this.clock.now().toJSDate(),
      ]);
      if (rows.length === 0) {
        const known = await manager.query<unknown[]>(DELIVERY_SQL.exists, [id]);
        throw known.length ? OutboxError.notFailed() : OutboxError.notFound();
      }
      await this.audit.record(manager, admin, [
        { action: 'outbox.retried', bookingId: rows[0].booking_id, detail: { messageId: id } },
      ]);
    });
  }

  private recipientOf(content: string | null): string | null {
    if (!content) return null;
    try {
      return maskEmail(this.cipher.decrypt<MailFacts>(content).to);
    } catch {
      return null;
    }
  }

  async deliverDue(limit = 20): Promise<DeliveryRun> {
    const now = this.clock.now();
    // TypeORM answers an UPDATE with [rows, count]
    const [claimed] = await this.dataSource.query<
      [
        {
          id: string;
          content_encrypted: string;
          attempts: number;
          next_attempt_at: Date;
          created_at: Date;
        }[],
        number,
      ]
    >(DELIVERY_SQL.claimDue, [
      now.toJSDate(),
      now.plus({ seconds: this.config.outboxLeaseSeconds }).toJSDate(),
      limit,
    ]);
    const run: DeliveryRun = { sent: 0, retried: 0, failed: 0 };
    // RETURNING keeps no order: send in the order the changes happened, so a cancellation never precedes its confirmation.
    claimed.sort(
      (a, b) =>
        a.next_attempt_at.getTime() - b.next_attempt_at.getTime() ||
        a.created_at.getTime() - b.created_at.getTime(),
    );
    for (const [index, message] of claimed.entries()) {
      if (this.stopping) {
        await this.handBack(claimed.slice(index).map((rest) => rest.id));
        break;
      }
      try {
        const mail = renderMail(this.cipher.decrypt<MailFacts>(message.content_encrypted));
        await this.transport.send({ ...mail, messageId: `<${message.id}@borgerservice-booking>` });
        await this.dataSource.query(DELIVERY_SQL.markSent, [message.id, this.clock.now().toJSDate()]);
        run.sent++;
      } catch (error) {
        const final = message.attempts >= MAX_ATTEMPTS;
        await this.dataSource.query(DELIVERY_SQL.markRetryOrFailed, [
          message.id,
          final ? 'failed' : 'pending',
          this.clock
            .now()
            .plus({ seconds: backoffSeconds(message.attempts) })
            .toJSDate(),
          describe(error),
        ]);
        if (final) run.failed++;
        else run.retried++;
        this.logger.warn({
          msg: 'mail delivery failed',
          outboxId: message.id,
          attempt: message.attempts,
          final,
        });
      }
    }
    return run;
  }

  /** Claimed but not tried: free at once for another instance, the attempt not counted. */
  private async handBack(ids: string[]): Promise<void> {
    await this.dataSource.query(DELIVERY_SQL.handBack, [ids]);
    this.logger.log({ msg: 'claimed mail handed back at shutdown', count: ids.length });
  }
}
