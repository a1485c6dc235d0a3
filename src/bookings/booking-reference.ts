import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

// No 0/O, 1/I/L, U: a reference is read aloud at the desk and typed from a letter.
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

/** A short reference such as K7MQ-4X9T: 30^8 ≈ 6.6·10^11 values, unique by index. */
export function newReference(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** Accepts the reference as people type it: any case, with or without the hyphen. */
export function normalizeReference(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/-/g, '');
  if (!/^[A-Z0-9]{8}$/.test(compact) || [...compact].some((c) => !ALPHABET.includes(c))) return undefined;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** 256 bits: enough that the token is safe to store as a plain SHA-256. */
export function newManageToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenMatches(token: string | undefined, storedHash: string): boolean {
  if (!token || token.length > 200) return false;
  return timingSafeEqual(Buffer.from(hashToken(token), 'hex'), Buffer.from(storedHash, 'hex'));
}
