import { randomBytes } from 'node:crypto';
import { SmtpSink } from '../support/smtp-sink.js';
import { AppProcess, sleep } from './support/processes.js';
import { PgServer } from './support/pg-server.js';
import { SmtpProxy } from './support/smtp-proxy.js';
import { ledger, login, newCentre, report, storm, tally } from './support/workload.js';

describe('Fault: SIGTERM mid-storm (WORKERS=2: the primary forwards it and waits)', () => {
  let server: PgServer;
  let sink: SmtpSink;
  let proxy: SmtpProxy;
  const apps: AppProcess[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await proxy?.stop();
    await sink?.stop();
    server?.destroy();
  });

  it('answers 201 for every booking it committed, hands back claimed mail, closes its pools and exits 0', async () => {
    server = await PgServer.create();
    sink = await (await SmtpSink.reserve()).start();
    proxy = await new SmtpProxy(sink.port, { delayMs: 10 }).start();
    const env = {
      DATABASE_URL: await server.createDatabase('booking'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
      JOBS_ENABLED: 'true',
      SMTP_URL: proxy.url,
      SHUTDOWN_TIMEOUT_MS: '15000',
    };
    // at info, so that the hand-back of claimed mail is logged
    const app = await AppProcess.start('workers', { ...env, WORKERS: '2', LOG_LEVEL: 'info' });
    apps.push(app);
    const query = <T>(sql: string, parameters?: unknown[]) => server.query<T>(sql, parameters, 'booking');
    const token = await login(app.url);
    const centre = await newCentre(app.url, token, 40);

    let signalledAt = 0;
    let exit: Awaited<typeof app.exited> | undefined;
    const stop = (async () => {
      await sleep(1500);
      signalledAt = Date.now();
      app.kill('SIGTERM');
      exit = await app.exited;
    })();
    const outcomes = await storm({
      targets: () => [app.url],
      centreId: centre.id,
      slots: centre.slots,
      requests: 1000,
      concurrency: 6,
      paceMs: 100,
      maxMs: 5000,
    });
    await stop;
    const exitedInMs = Date.now() - signalledAt;
    const [{ connections }] = await query<{ connections: number }>(
      `SELECT count(*)::int AS connections FROM pg_stat_activity WHERE datname = 'booking' AND pid <> pg_backend_pid()`,
    );
    const [leftLeased] = await query<{ pending: number; leased: number }>(
      `SELECT count(*)::int AS pending, count(*) FILTER (WHERE lease_until IS NOT NULL)::int AS leased
       FROM outbox_message WHERE status = 'pending'`,
    );
    const books = await ledger(query);
    const answered201 = outcomes.filter((o) => o.answer === 201).map((o) => o.reference!);

    // Another instance started now sends what is left at once: no lease of the stopped one stands in the way.
    const next = await AppProcess.start('next', env);
    apps.push(next);
    let pending = leftLeased.pending;
    const drainStarted = Date.now();
    while (pending > 0 && Date.now() - drainStarted < 30_000) {
      await sleep(500);
      [{ pending }] = await query<{ pending: number }>(
        `SELECT count(*)::int AS pending FROM outbox_message WHERE status = 'pending'`,
      );
    }
    report('SIGTERM mid-storm', {
      requests: outcomes.length,
      statuses: tally(outcomes),
      inFlightAtSignal: tally(outcomes.filter((o) => o.at <= signalledAt && o.doneAt > signalledAt)),
      sentAfterSignal: tally(outcomes.filter((o) => o.at > signalledAt)),
      exit,
      exitedInMs,
      connectionsLeft: connections,
      mailLeft: leftLeased,
      drainedByNextInMs: Date.now() - drainStarted,
      handBackLogged: app.output.filter((line) => line.includes('handed back')).length,
      ledger: {
        cells: books.cells,
        desksTaken: books.desksTaken,
        bookings: books.bookings,
        mismatched: books.mismatched.length,
        uncounted: books.uncounted,
      },
    });

    expect(exit).toEqual({ code: 0, signal: null });
    expect(exitedInMs).toBeLessThan(15_000);
    expect(connections).toBe(0);
    // signalled while bookings were still being taken, and the storm went on past it
    expect(outcomes.filter((o) => o.at > signalledAt).length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.answer === 201 && o.at > signalledAt - 1000).length).toBeGreaterThan(0);
    expect(
      outcomes.filter((o) => typeof o.answer === 'number' && ![201, 409, 503].includes(o.answer)),
    ).toEqual([]);
    expect(outcomes.filter((o) => o.answer === 503 && o.retryAfter === null)).toEqual([]);
    expect(answered201.length).toBeGreaterThan(0);
    // every booking committed was answered 201, and every 201 is a booking
    expect([...books.references].sort()).toEqual([...answered201].sort());
    expect(books.mismatched).toEqual([]);
    expect(leftLeased.leased).toBe(0);
    expect(pending).toBe(0);
  });
});
