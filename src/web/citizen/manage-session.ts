import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import type { PageContext } from '../shared/page-context.js';

const COOKIE = 'manage';
const LIFETIME_SECONDS = 30 * 60;

/**
 * The manage token, once exchanged, lives in a short-lived signed cookie that only its booking's pages receive
 * (Path=/bookings/<reference>, HttpOnly, SameSite=Strict), so it never has to appear in a URL again.
 */
@Injectable()
export class ManageSession {
  constructor(private readonly clock: Clock) {}

  open(page: PageContext, reference: string, token: string): void {
    const expires = this.clock.now().toMillis() + LIFETIME_SECONDS * 1000;
    void page.setCookie(COOKIE, `${expires}.${token}`, {
      path: `/bookings/${reference}`,
      httpOnly: true,
      sameSite: 'strict',
      secure: page.secureCookies,
      signed: true,
      maxAge: LIFETIME_SECONDS,
    });
  }

  token(page: PageContext): string | undefined {
    const value = page.signedCookie(COOKIE);
    const match = value ? /^(\d+)\.(.+)$/.exec(value) : null;
    if (!match || Number(match[1]) < this.clock.now().toMillis()) return undefined;
    return match[2];
  }

  close(page: PageContext, reference: string): void {
    void page.clearCookie(COOKIE, { path: `/bookings/${reference}` });
  }
}
