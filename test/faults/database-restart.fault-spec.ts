import { randomBytes } from 'node:crypto';
import { AppProcess, sleep } from './support/processes.js';
import { PgServer } from './support/pg-server.js';
import {
  book,
  health,
  ledger,
  login,
  newCentre,
  report,
  storm,
  tally,
  timesPage,
} from './support/workload.js';

describe('Fault: the database stops for 5 s during a storm of bookings on two instances', () => {
  let server: PgServer;
  const apps: AppProcess[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    server?.destroy();
  });

  it('answers only 201, 409 or 503 (with Retry-After), recovers by itself, and the ledger holds', async () => {
    server = await PgServer.create();
    const databaseUrl = await server.createDatabase('booking');
    const env = {
      DATABASE_URL: databaseUrl,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
      JOBS_ENABLED: 'false',
      DATABASE_TIMEOUT_MS: '3000',
    };
    apps.push(await AppProcess.start('a', env));
    apps.push(await AppProcess.start('b', env));
    const token = await login(apps[0].url);
    const centre = await newCentre(apps[0].url, token, 41);
    const [spare, ...slots] = centre.slots;

    const healthDuringOutage: Awaited<ReturnType<typeof health>>[] = [];
    const pagesDuringOutage: Awaited<ReturnType<typeof timesPage>>[] = [];
    const outage = (async () => {
      await sleep(2000);
      server.stop('fast');
      const stoppedAt = Date.now();
      while (Date.now() - stoppedAt < 5000) {
        healthDuringOutage.push(await health(apps[1].url));
        pagesDuringOutage.push(await timesPage(apps[0].url, centre.id));
        await sleep(500);
      }
      await server.start();
    })();
    const outcomes = await storm({
      targets: () => apps.map((app) => app.url),
      centreId: centre.id,
      slots,
      requests: 1500,
      concurrency: 8,
      maxMs: 14_000,
      pauseMs: 100,
    });
    await outage;

    // Recovered without a restart: healthy again, and each instance books.
    let healthy = await Promise.all(apps.map((app) => health(app.url)));
    for (let i = 0; i < 20 && healthy.some((h) => h.status !== 200); i++) {
      await sleep(500);
      healthy = await Promise.all(apps.map((app) => health(app.url)));
    }
    const after = [await book(apps[0].url, centre.id, spare), await book(apps[1].url, centre.id, spare)];
    const books = await ledger((sql, parameters) => server.query(sql, parameters, 'booking'));
    const answered201 = outcomes.filter((o) => o.answer === 201).map((o) => o.reference!);
    const unavailable = outcomes.filter((o) => o.answer === 503);
    report('database stops for 5 s', {
      requests: outcomes.length,
      statuses: tally(outcomes),
      healthDuringOutage: tally(healthDuringOutage.map((h) => ({ answer: h.status }) as never)),
      pagesDuringOutage: tally(pagesDuringOutage.map((p) => ({ answer: p.status }) as never)),
      afterRecovery: after.map((o) => o.answer),
      ledger: {
        cells: books.cells,
        desksTaken: books.desksTaken,
        bookings: books.bookings,
        mismatched: books.mismatched.length,
        uncounted: books.uncounted,
      },
    });

    expect(outcomes.filter((o) => ![201, 409, 503].includes(o.answer as number))).toEqual([]);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.filter((o) => o.retryAfter === null)).toEqual([]);
    expect(outcomes.filter((o) => o.answer === 201).length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.answer === 409).length).toBeGreaterThan(0);
    expect(healthDuringOutage.some((h) => h.status === 503)).toBe(true);
    expect(healthDuringOutage.filter((h) => h.status === 503)[0]).toMatchObject({
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        details: [],
        reason: expect.any(String) as string,
      },
      retryAfter: expect.any(String) as string,
    });
    // a citizen's page says the same in words: 503 with Retry-After, an HTML page, never a 500
    expect(pagesDuringOutage.filter((p) => p.status !== 200 && p.status !== 503)).toEqual([]);
    const pageUnavailable = pagesDuringOutage.find((p) => p.status === 503);
    expect(pageUnavailable).toMatchObject({
      type: expect.stringMatching(/text\/html/) as string,
      retryAfter: '5',
    });
    expect(pageUnavailable?.text).toContain('temporarily unavailable');
    expect((await timesPage(apps[0].url, centre.id)).status).toBe(200);
    expect(healthy.map((h) => h.status)).toEqual([200, 200]);
    expect(after.map((o) => o.answer).sort()).toEqual([201, 201]);
    expect(books.mismatched).toEqual([]);
    expect(books.uncounted).toBe(0);
    expect(answered201.filter((reference) => !books.references.includes(reference))).toEqual([]);
    expect(
      apps.flatMap((app) => app.output).filter((line) => /"statusCode":500|unhandled error/.test(line)),
    ).toEqual([]);
  });
});
