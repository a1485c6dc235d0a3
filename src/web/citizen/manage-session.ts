import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { PersonalDataCipher } from '../../personal-data/index.js';
import type { PageContext } from '../base/page-context.js';

const COOKIE = 'manage';
const LIFETIME_SECONDS = 30 * 60;

/**
 * The manage token, once exchanged, lives in a short-lived signed cookie that only its booking's pages receive
 * (Path=/bookings/<reference>, HttpOnly, SameSite=Strict), so it never has to appear in a URL again.
 */
@Injectable()
export class ManageSession {
  constructor(
    private readonly clock: Clock,
    private readonly cipher: PersonalDataCipher,
  ) {}

  open(page: PageContext, reference: string, token: string): void {
    const expires = this.clock.now().toMillis() + LIFETIME_SECONDS * 1000;
    // encrypted (AES-GCM, so also tamper-proof): the token is not readable from the cookie jar either
    void page.setCookie(COOKIE, this.cipher.encrypt({ expires, token }), {
      path: `/bookings/${reference}`,
      httpOnly: true,
      sameSite: 'strict',
      secure: page.secureCookies,
      maxAge: LIFETIME_SECONDS,
    });
  }

  token(page: PageContext): string | undefined {
    const value = page.cookie(COOKIE);
    if (!value) return undefined;
    let session: { expires: number; token: string };
    try {
      session = this.cipher.decrypt<{ expires: number; token: string }>(value);
    } catch {
      return undefined;
    }
    return session.expires >= this.clock.now().toMillis() ? session.token : undefined;
  }

  close(page: PageContext, reference: string): void {
    void page.clearCookie(COOKIE, { path: `/bookings/${reference}` });
  }
}
