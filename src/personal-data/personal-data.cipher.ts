import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';

const VERSION = 'v1';

/**
 * Personal data at rest: AES-256-GCM (authenticated) with a key derived from DATA_ENCRYPTION_KEY, and keyed
 * HMAC-SHA256 hashes under a second derived key for look-ups (one person's bookings, a witness's acts).
 */
@Injectable()
export class PersonalDataCipher {
  private readonly encryptionKey: Buffer;
  private readonly lookupKey: Buffer;

  constructor(config: AppConfig) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', config.dataEncryptionKey, '', info, 32));
    this.encryptionKey = derive('personal data encryption');
    this.lookupKey = derive('personal data lookup');
  }

  encrypt(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  decrypt<T>(text: string): T {
    const [version, payload] = text.split('.');
    if (version !== VERSION || !payload) throw new Error('unknown personal data format');
    const raw = Buffer.from(payload, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(
      Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'),
    ) as T;
  }

  /** A stable keyed hash of one kind of identifier ('cpr', 'email', …), never reversible without the key. */
  lookupHash(kind: string, value: string): string {
    return createHmac('sha256', this.lookupKey).update(`${kind}:${value}`).digest('base64url');
  }
}

export function maskEmail(email: string): string {
  if (!email.includes('@')) return '';
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain ?? ''}`;
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length <= 2 ? '**' : `${'*'.repeat(Math.max(2, digits.length - 2))}${digits.slice(-2)}`;
}
