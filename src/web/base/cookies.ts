import { hkdfSync } from 'node:crypto';
import type { AppConfig } from '../../config/app-config.js';

/** Cookies are Secure when the public address is https (a developer's http://localhost could not keep them). */
export function secureCookies(config: AppConfig): boolean {
  return config.publicBaseUrl.startsWith('https://');
}

/** The key that signs the pages' cookies, derived so that it is not the login tokens' key itself. */
export function cookieSecret(config: AppConfig): string {
  return Buffer.from(hkdfSync('sha256', config.authTokenSecret, '', 'page cookies', 32)).toString(
    'base64url',
  );
}
