import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config/app-config.js';
import { BODY_LIMIT_BYTES } from '../../common/json-body.js';
import { cookieSecret, secureCookies } from './cookies.js';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// the package exports only its script (dist/js/dkfds.min.js); its dist/ folder is two levels up from it
export const DKFDS_DIR = dirname(dirname(require.resolve('dkfds')));
const DKFDS_VERSION = (
  JSON.parse(readFileSync(join(DKFDS_DIR, '..', 'package.json'), 'utf8')) as { version: string }
).version;
const APP_ASSETS_DIR = join(here, 'assets');

/** The app's own files change without a version bump: their prefix carries a hash of their contents. */
function assetsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(APP_ASSETS_DIR).sort())
    hash.update(file).update(readFileSync(join(APP_ASSETS_DIR, file)));
  return hash.digest('hex').slice(0, 10);
}

export const ASSET_PATHS = {
  dkfds: `/assets/dkfds/${DKFDS_VERSION}`,
  app: `/assets/app/${assetsHash()}`,
};

/** Paths of the API and of the static files; every other path is a page (or no route at all). */
export function isPagePath(url: string): boolean {
  return !/^\/(api|assets)(\/|\?|$)/i.test(url);
}

const IMMUTABLE = {
  maxAge: '365d',
  immutable: true,
  cacheControl: true,
  decorateReply: false,
  index: false,
} as const;

/**
 * The plumbing the pages need, on the Fastify instance under Nest: static files, cookies, CSRF secrets, form bodies
 * and security headers. The API is left as it was: form bodies reach only page routes, headers only pages.
 */
export async function setUpWebPages(fastify: FastifyInstance, config: AppConfig): Promise<void> {
  const secure = secureCookies(config);
  fastify.decorate('secureCookies', secure);
  await fastify.register(fastifyCookie, { secret: cookieSecret(config) });
  await fastify.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true, secure },
  });
  await fastify.register(fastifyFormbody, { bodyLimit: BODY_LIMIT_BYTES });
  // The API reads JSON only: a form body sent to it is ignored as any other media type is (json-body.ts).
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (
      !isPagePath(request.url) &&
      /^application\/x-www-form-urlencoded/i.test(request.headers['content-type'] ?? '')
    )
      request.body = undefined;
    done();
  });
  await fastify.register(fastifyHelmet, {
    global: false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    hsts: secure,
    crossOriginEmbedderPolicy: false,
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (isPagePath(request.url)) reply.helmet();
    done();
  });
  await fastify.register(fastifyStatic, { root: DKFDS_DIR, prefix: `${ASSET_PATHS.dkfds}/`, ...IMMUTABLE });
  await fastify.register(fastifyStatic, {
    root: APP_ASSETS_DIR,
    prefix: `${ASSET_PATHS.app}/`,
    ...IMMUTABLE,
  });
}
