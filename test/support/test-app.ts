import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DateTime } from 'luxon';
import pg from 'pg';
import request from 'supertest';
import { createApp } from '../../src/app.setup.js';
import { UsersService } from '../../src/accounts/users.service.js';
import { FixedClock } from '../../src/common/clock.js';
import { loadConfig } from '../../src/config/app-config.js';
import { EmbeddedDatabase } from '../../src/database/embedded.js';

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  clock: FixedClock;
  /** Every structured log line the app wrote, for assertions about what is (not) logged. */
  logs: string[];
  databaseUrl?: string;
  embedded?: EmbeddedDatabase;
  /** The app listening on an ephemeral port, for many requests in parallel. */
  url: () => Promise<string>;
  /** Fails when any CPR number sent in a request body came back in a response body or reached a log line. */
  expectNoCprLeaks: () => void;
  close: () => Promise<void>;
}

function collectCprNumbers(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) value.forEach((item) => collectCprNumbers(item, into));
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'cprNumber' && typeof inner === 'string' && /\d{6}-?\d{4}/.test(inner))
        into.add(inner.replace('-', '').trim());
      else collectCprNumbers(inner, into);
    }
  }
}

/**
 * Boots the real application on a database of its own: an in-memory embedded engine by default, or a fresh
 * database on the server named by DATABASE_URL (as CI does), so test files run in parallel and in any order.
 */
export async function startTestApp(
  options: {
    now?: string;
    env?: Record<string, string>;
    databaseUrl?: string;
    embeddedDataDir?: string;
  } = {},
): Promise<TestApp> {
  const serverUrl = options.embeddedDataDir ? undefined : process.env.DATABASE_URL;
  const databaseUrl = options.databaseUrl ?? (serverUrl ? await createDatabase(serverUrl) : undefined);
  const config = loadConfig({
    DATA_DIR: options.embeddedDataDir ?? 'memory://',
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '0',
    LOGIN_ATTEMPTS_PER_MINUTE: '10000',
    DEMO_DATA: 'false',
    JOBS_ENABLED: 'false',
    ...(databaseUrl
      ? {
          DATABASE_URL: databaseUrl,
          DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
          AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
        }
      : {}),
    ...options.env,
  });
  const clock = new FixedClock(
    DateTime.fromISO(options.now ?? '2027-01-04T08:00:00+01:00', { setZone: true }),
  );
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const embedded = config.embedded ? await EmbeddedDatabase.open(config.dataDir) : undefined;
  const app = await createApp({ config, embedded, clock, logStream });
  const cprNumbersSent = new Set<string>();
  const responseBodies: string[] = [];
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('preValidation', (request, _reply, done) => {
    collectCprNumbers(request.body, cprNumbersSent);
    done();
  });
  fastify.addHook('onSend', (_request, _reply, payload, done) => {
    responseBodies.push(typeof payload === 'string' ? payload : JSON.stringify(payload));
    done(null, payload);
  });
  await app.init();
  await fastify.ready();
  return {
    app,
    http: () => request(app.getHttpServer()),
    clock,
    logs,
    databaseUrl,
    embedded,
    url: async () => {
      if (!app.getHttpServer().listening) await app.listen(0, '127.0.0.1');
      return app.getUrl();
    },
    expectNoCprLeaks: () => {
      const seen = `${responseBodies.join('\n')}\n${logs.join('\n')}`;
      const leaked = [...cprNumbersSent].filter(
        (digits) => seen.includes(digits) || seen.includes(`${digits.slice(0, 6)}-${digits.slice(6)}`),
      );
      expect(leaked).toEqual([]);
    },
    close: async () => {
      await app.close();
      await embedded?.close();
      if (databaseUrl && !options.databaseUrl) await dropDatabase(serverUrl!, databaseUrl);
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(serverUrl: string): Promise<string> {
  const name = `${new URL(serverUrl).pathname.slice(1) || 'booking'}_${randomBytes(5).toString('hex')}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return withDatabase(serverUrl, name);
}

async function dropDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * Several app instances or processes on one database need a PostgreSQL server: the embedded engine is a single
 * session inside one process, and a second process on its data directory is refused (operations.e2e-spec).
 * These tests run in CI's second pass, which points DATABASE_URL at the local server.
 */
export const withServer = process.env.DATABASE_URL ? it : it.skip;

let userSeq = 0;

/** Creates an account straight through the service and logs in over HTTP; returns the bearer token. */
export async function loginAs(
  t: TestApp,
  role: 'admin' | 'staff',
  centreIds: string[] = [],
): Promise<{ token: string; id: string; email: string }> {
  const email = `${role}${++userSeq}-${randomBytes(3).toString('hex')}@test.localhost`;
  const password = 'correct horse battery';
  const user = await t.app.get(UsersService).create({ email, password, role, centreIds });
  const response = await t.http().post('/api/auth/login').send({ email, password }).expect(200);
  return { token: (response.body as { accessToken: string }).accessToken, id: user.id, email };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
