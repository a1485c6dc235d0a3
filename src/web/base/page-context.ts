import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../identity/index.js';
import type { PageResult } from './page-renderer.js';
import type { Texts } from './texts/da.js';
import { pageLanguage, TEXTS } from './i18n.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by setUpWebPages: whether the pages' cookies are Secure. */
    secureCookies: boolean;
  }
}

/** What every page handler knows about its request: the language, its texts, a CSRF token for its forms. */
export interface PageContext {
  lang: Language;
  t: Texts;
  /** A CSRF token for this page's forms (sets the secret cookie on first use). */
  csrf: () => string;
  languageLinks: { code: Language; name: string; href: string; current: boolean }[];
  secureCookies: boolean;
  /** Set a cookie on the answer. */
  setCookie: FastifyReply['setCookie'];
  clearCookie: FastifyReply['clearCookie'];
  cookie: (name: string) => string | undefined;
}

/** The language switch keeps the page's own query (no personal data is ever in it) and sets ?lang=. */
function languageHref(request: FastifyRequest, code: Language): string {
  const url = new URL(request.url, 'http://page');
  url.searchParams.set('lang', code);
  return `${url.pathname}${url.search}`;
}

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  const secure = request.server.secureCookies;
  const lang = pageLanguage(request, reply, secure);
  let token: string | undefined;
  return {
    lang,
    t: TEXTS[lang],
    csrf: () => (token ??= reply.generateCsrf()),
    languageLinks: (['da', 'en'] as const).map((code) => ({
      code,
      name: code === 'da' ? 'Dansk' : 'English',
      href: request.method === 'GET' ? languageHref(request, code) : `/?lang=${code}`,
      current: code === lang,
    })),
    secureCookies: secure,
    setCookie: reply.setCookie.bind(reply),
    clearCookie: reply.clearCookie.bind(reply),
    cookie: (name) => request.cookies[name],
  };
}

/** The page context of the request, as a handler parameter. */
export const Page = createParamDecorator((_data: unknown, context: ExecutionContext): PageContext => {
  const http = context.switchToHttp();
  return pageContext(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
});

/** Sends a handler's PageResult: HTML that is never cached (pages may show personal data), or a redirect. */
export function sendPage(reply: FastifyReply, result: PageResult): void {
  void reply.header('Cache-Control', 'no-store');
  if ('redirect' in result) {
    void reply.redirect(result.redirect, 303);
    return;
  }
  if ('file' in result) {
    void reply
      .type(result.type)
      .header('Content-Disposition', `attachment; filename="${result.name}"`)
      .send(result.file);
    return;
  }
  for (const [name, value] of Object.entries(result.headers ?? {})) void reply.header(name, value);
  void reply
    .status(result.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(result.html);
}
