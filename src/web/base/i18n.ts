import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../identity/index.js';
import { da, Texts } from './texts/da.js';
import { en } from './texts/en.js';

export const LANGUAGES: readonly Language[] = ['da', 'en'];
export const TEXTS: Record<Language, Texts> = { da, en };
export const LANGUAGE_COOKIE = 'lang';

const isLanguage = (value: unknown): value is Language => value === 'da' || value === 'en';

/** The best of Danish and English for an Accept-Language header; Danish when it names neither. */
export function fromAcceptLanguage(header: string | undefined): Language {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.q > 0 && (entry.primary === 'da' || entry.primary === 'en'))
    .sort((a, b) => b.q - a.q);
  return isLanguage(ranked[0]?.primary) ? ranked[0].primary : 'da';
}

/** ?lang= (remembered in a cookie), else the cookie, else Accept-Language, else Danish. */
export function pageLanguage(request: FastifyRequest, reply: FastifyReply, secure: boolean): Language {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLanguage(asked)) {
    void reply.setCookie(LANGUAGE_COOKIE, asked, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure,
      maxAge: 365 * 24 * 3600,
    });
    return asked;
  }
  const remembered = request.cookies[LANGUAGE_COOKIE];
  if (isLanguage(remembered)) return remembered;
  return fromAcceptLanguage(request.headers['accept-language']);
}

/** Fills `{name}` placeholders. */
export function format(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The key paths of a texts object, for the test that both languages have the same ones. */
export function keyPaths(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, inner]) =>
    inner !== null && typeof inner === 'object'
      ? keyPaths(inner as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}
