import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { DataSource } from 'typeorm';
import { openApiDocument } from '../src/app.setup.js';
import { PublicCentresController } from '../src/centres/centres.controller.js';
import { AppConfig } from '../src/config/app-config.js';
import { DataDirLockedError } from '../src/database/data-dir-lock.js';
import { RateLimitGuard } from '../src/rate-limit/rate-limit.guard.js';
import { schemaDrift } from '../src/database/schema-drift.js';
import { newCentre } from './support/factories.js';
import { loginAs, startTestApp, TestApp } from './support/test-app.js';

describe('Operations: health, API docs, logs, schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports health with a database check', async () => {
    const response = await t.http().get('/api/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('serves the OpenAPI UI and document, and the committed openapi.json matches the code', async () => {
    await t.http().get('/api/docs').expect(200).expect('content-type', /html/);
    const document = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/centres',
        '/api/centres/{centreId}/availability',
        '/api/auth/login',
        '/api/health',
      ]),
    );
    const generated = `${JSON.stringify(openApiDocument(t.app), null, 2)}\n`;
    // `UPDATE_OPENAPI=1 npm test` rewrites it after an intended API change; review the diff.
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync('openapi.json', generated);
    expect(JSON.parse(readFileSync('openapi.json', 'utf8'))).toEqual(JSON.parse(generated));
  });

  it('answers an unknown route with the contract error body', async () => {
    const response = await t.http().get('/api/no-such-thing').expect(404);
    expect(response.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.any(String) as string,
      details: [],
    });
  });

  it("answers a request Node's HTTP parser refuses with the contract error body", async () => {
    const response = await t.http().get('/api/health').set('X-Padding', 'a'.repeat(20_000)).expect(431);
    expect(JSON.parse(response.text) as unknown).toEqual({
      statusCode: 431,
      error: 'Request Header Fields Too Large',
      message: expect.any(String) as string,
      details: [],
    });
  });

  it('logs each request as JSON with its request id, path without the query, and no headers', async () => {
    const admin = await loginAs(t, 'admin');
    await t
      .http()
      .get('/api/admin/centres?secret=in-the-query')
      .set('Authorization', `Bearer ${admin.token}`)
      .set('X-Request-Id', 'test-request-0001')
      .expect(200)
      .expect('X-Request-Id', 'test-request-0001');
    const line = t.logs
      .map((l) => JSON.parse(l) as { req?: { id: string; path: string } })
      .find((l) => l.req?.id === 'test-request-0001');
    expect(line?.req).toEqual({ id: 'test-request-0001', method: 'GET', path: '/api/admin/centres' });
    const all = t.logs.join('\n');
    expect(all).not.toContain(admin.token);
    expect(all).not.toContain('in-the-query');
    expect(all).not.toContain('correct horse battery');
  });

  it('has migrations that agree with the entities', async () => {
    expect(await schemaDrift(t.app.get(DataSource))).toEqual([]);
  });

  it.each([
    ['booking_event', 'r'],
    ['identity_check', 'r'],
    ['outbox_message', 'c'],
    ['idempotency_record', 'c'],
  ])('%s.booking_id is a foreign key to booking (on delete: %s)', async (table, onDelete) => {
    const keys = await t.app.get(DataSource).query<{ name: string; onDelete: string }[]>(
      `SELECT conname AS name, confdeltype AS "onDelete" FROM pg_constraint
         WHERE conrelid = $1::regclass AND contype = 'f' AND confrelid = 'booking'::regclass`,
      [table],
    );
    expect(keys).toEqual([{ name: `fk_${table}_booking`, onDelete }]);
  });

  it('refuses a history event for a booking that does not exist', async () => {
    await expect(
      t.app
        .get(DataSource)
        .query(
          `INSERT INTO booking_event (booking_id, at, actor, action) VALUES (gen_random_uuid(), now(), 'test', 'test')`,
        ),
    ).rejects.toMatchObject({ driverError: { code: '23503' } });
  });
});

describe('The embedded database on disk', () => {
  it('keeps data across restarts and refuses a second app on the same directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'booking-data-'));
    try {
      const first = await startTestApp({ embeddedDataDir: dir });
      const admin = await loginAs(first, 'admin');
      const centre = await newCentre(first, admin.token, { name: 'Borgerservice Vedvarende' });
      await expect(startTestApp({ embeddedDataDir: dir })).rejects.toThrow(DataDirLockedError);
      await first.close();

      const second = await startTestApp({ embeddedDataDir: dir });
      try {
        const centres = (await second.http().get('/api/centres').expect(200)).body as {
          id: string;
          name: string;
        }[];
        expect(centres).toEqual([
          expect.objectContaining({ id: centre.id, name: 'Borgerservice Vedvarende' }),
        ]);
        // the token secret was kept in the data directory, so the earlier login is still valid
        await second.http().get('/api/auth/me').set('Authorization', `Bearer ${admin.token}`).expect(200);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Clients that hang up', () => {
  it('are counted by the rate limit without an address, not answered with a 5xx', async () => {
    const t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000' } });
    try {
      const guard = new RateLimitGuard(
        t.app.get(Reflector),
        t.app.get(AppConfig),
        t.clock,
        t.app.get(DataSource),
      );
      // Fastify reads request.ip off the socket: once the client has reset the connection, it is undefined.
      const request = { ip: undefined as string | undefined };
      const reply = { header: () => reply };
      const handler = Object.getOwnPropertyDescriptor(PublicCentresController.prototype, 'list')!
        .value as () => unknown;
      const context = new ExecutionContextHost([request, reply], PublicCentresController, handler);
      context.setType('http');
      await expect(guard.canActivate(context)).resolves.toBe(true);
    } finally {
      await t.close();
    }
  });
});
