import type { AuthUser } from './auth-user.js';

/** Finds the active account behind a token; provided by the accounts capability, which owns the accounts. */
export abstract class ActiveUsers {
  abstract findActive(id: string): Promise<AuthUser | null>;
}
