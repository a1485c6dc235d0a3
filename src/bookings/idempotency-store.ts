import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { InputError } from '../common/domain-error.js';
import { PersonalDataCipher } from '../personal-data/index.js';
import { BookingError, BookingErrorCode } from './booking.error.js';
import type { CreatedBookingView } from './booking.view.js';
import { IdempotencyRecord } from './idempotency-record.entity.js';
import { BOOKING_SQL } from './booking.sql.js';

/** A client's Idempotency-Key as kept: its keyed hash, and the hash of the request body it came with. */
export interface IdempotencyClaim {
  key: string;
  requestHash: string;
}

/** Canonical JSON (sorted keys) so that the same request body hashes the same however its keys were ordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The first answer to each Idempotency-Key, so that a repeated request finds it instead of booking again. */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
  ) {}

  claim(idempotencyKey: string, body: unknown): IdempotencyClaim {
    if (!/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
      throw InputError.field('Idempotency-Key', 'must be 1-255 visible ASCII characters');
    }
    return {
      key: this.cipher.lookupHash('idempotency-key', idempotencyKey),
      requestHash: createHash('sha256').update(canonical(body)).digest('hex'),
    };
  }

  /**
   * Requests with one key take turns (an advisory lock until the transaction ends); a later one finds the first
   * one's booking and manage token. The same key with another body is refused.
   */
  async earlier(
    manager: EntityManager,
    claim: IdempotencyClaim,
  ): Promise<{ bookingId: string; manageToken: string } | undefined> {
    await manager.query(BOOKING_SQL.lockIdempotencyKey, [claim.key]);
    const earlier = await manager.findOneBy(IdempotencyRecord, { key: claim.key });
    if (!earlier) return undefined;
    if (earlier.requestHash !== claim.requestHash) {
      throw new BookingError(
        BookingErrorCode.IdempotencyKeyReused,
        'This Idempotency-Key was used with a different request body',
        [{ field: 'Idempotency-Key', message: 'was used with a different request body' }],
      );
    }
    const { manageToken } = this.cipher.decrypt<CreatedBookingView>(earlier.responseEncrypted);
    return { bookingId: earlier.bookingId, manageToken };
  }

  async remember(
    manager: EntityManager,
    claim: IdempotencyClaim,
    booking: CreatedBookingView,
  ): Promise<void> {
    await manager.insert(IdempotencyRecord, {
      ...claim,
      bookingId: booking.id,
      responseEncrypted: this.cipher.encrypt(booking),
      createdAt: this.clock.now().toJSDate(),
    });
  }
}
