/**
 * `npm run bench`: boots the built app on a fresh database of the PostgreSQL server in DATABASE_URL, builds a
 * calendar of 100 centres × 8 weeks × 4 desks, and prints throughput and latency of booking and of a 4-week
 * availability query, beside the raw rate of the same booking transaction done straight in PostgreSQL.
 *
 * Options (after `npm run bench --`): --concurrency N (16), --bookings N (3000), --availability N (2000),
 * --raw N (3000), --warmup N (200), --centres N (100), --weeks N (8), --desks N (4), --phase-seconds S (40),
 * --load-rate N (20 bookings/s) and --availability-rate N (50 queries/s) for --latency-seconds S (20): the latency
 * phase, where requests arrive on their own schedule (open loop) as citizens' do, not when an earlier one returns.
 * 100 centres × 4 desks × 15-minute slots × 6 hours × 5 days hold some 48,000 appointments a week, which citizens
 * book at about 0.1/s on average: 20 bookings/s is two hundred times that;
 * --workers N and --node-options "…" (the app's WORKERS and NODE_OPTIONS), --app-env KEY=VALUE (more of its
 * environment, repeatable);
 * --keep (leave the bench database for EXPLAIN ANALYZE; it is printed how to drop it), --profile DIR (the app writes a
 * V8 CPU profile into DIR when it stops, to open in Chrome DevTools).
 * --history N (years of data, history-run.ts): measured twice, each on a fresh database first filled in SQL with
 * --history-base (10000) and then N past and future bookings with their events, identity checks, audit records,
 * e-mails and ledger cells (history.ts): booking rate, 4-week availability p99, staff day list p99 and a year's
 * statistics p99 (each alone, --history-concurrency 2 clients), the retention sweep's time, side by side with
 * their ratio; EXPLAIN
 * (ANALYZE, BUFFERS) of those queries at N goes to a file in the OS temp directory (its path is printed).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { DateTime } from 'luxon';
import pg from 'pg';
import { benchAppEnv, outputTail, startApp, stopApp, waitForHealth } from './app-process.js';
import { createCentres, pickSlot, readCalendar } from './calendar.js';
import type { SlotSet } from './calendar.js';
import type { Layout } from './cpu-affinity.js';
import { splitLayout } from './cpu-affinity.js';
import { meter } from './cpu-meter.js';
import { dropOrKeep, integrityOf, rawBooking, rawTemplate } from './database.js';
import { runHistoryBench } from './history-run.js';
import { baseUrl, closeClient, expectJson, setBaseUrl } from './http-client.js';
import type { PhaseResult } from './load-driver.js';
import { runOpenLoop, runPhase } from './load-driver.js';
import { HOST, options, serverUrl, SLOT_MINUTES } from './options.js';
import { runTag } from './people.js';
import { fixed, printReport } from './report.js';
import { databaseUrl, errorText, freePort, interrupted, log, markInterrupted, redact } from './support.js';
import { workload } from './workload.js';

async function main(): Promise<number> {
  const commandArgs = process.argv.slice(2).join(' ');
  const viaNpm = process.env.npm_lifecycle_event === 'bench';
  const command = viaNpm
    ? `npm run bench${commandArgs ? ` -- ${commandArgs}` : ''}   (= npm run build && node dist/scripts/bench/main.js${commandArgs ? ` ${commandArgs}` : ''})`
    : `node dist/scripts/bench/main.js${commandArgs ? ` ${commandArgs}` : ''}`;
  const serverHost = new URL(serverUrl).hostname;
  // no host name: a Unix socket (?host=/var/run/postgresql), which is on this machine too
  const localServer = ['', '127.0.0.1', 'localhost', '::1', '[::1]'].includes(serverHost);
  if (!localServer) {
    log(`note: DATABASE_URL names ${serverHost}, not this machine; the "raw" rate then includes the network`);
  }

  const loadBefore = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  const dbName = `booking_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  admin.on('error', (error) => log(`admin connection error: ${error.message}`));
  let created = false;
  let child: ChildProcess | undefined;
  let pool: pg.Pool | undefined;
  let poolEnding = false;
  let failed = false;
  let layout: Layout | undefined;
  let splitNote = 'not run (--split off)';
  let split: { booking: PhaseResult; raw: PhaseResult } | undefined;
  const results: PhaseResult[] = [];
  const onSignal = () => {
    if (interrupted) {
      // a second signal: no more waiting, but the server's CPUs are put back (once: not again on exit)
      layout?.restore();
      layout = undefined;
      process.exit(1);
    }
    markInterrupted();
    log('interrupted: stopping and cleaning up…');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  // restore() is synchronous (execFileSync), so it also runs on the way out of an exit nobody planned
  process.on('exit', () => layout?.restore());
  if (options.history !== undefined) return runHistoryBench(command, options.history);

  try {
    await admin.connect();
    const versionRow = await admin.query<{ version: string; server_version: string }>(
      "SELECT version() AS version, current_setting('server_version') AS server_version",
    );
    const pgVersion = versionRow.rows[0];
    await admin.query(`CREATE DATABASE "${dbName}"`);
    created = true;
    log(`created database ${dbName} on ${redact(serverUrl)}`);

    // ---- the app
    const port = await freePort();
    setBaseUrl(`http://${HOST}:${port}`);
    const adminEmail = `bench-admin-${runTag}@example.dk`;
    const adminPassword = randomBytes(18).toString('base64url');
    const appEnv = benchAppEnv(databaseUrl(dbName), port, { email: adminEmail, password: adminPassword });
    const bootStarted = performance.now();
    child = startApp(appEnv);
    meter.appPid = child.pid ?? 0;
    meter.dbPids = async () =>
      (
        await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [dbName])
      ).rows.map((row) => row.pid);
    await waitForHealth(child, 90);
    log(
      `app up on ${baseUrl} (pid ${child.pid}) after ${fixed((performance.now() - bootStarted) / 1000, 1)} s (build excluded, migrations included)`,
    );

    const login = await expectJson<{ accessToken: string }>('POST', '/api/auth/login', 200, {
      email: adminEmail,
      password: adminPassword,
    });
    const adminToken = login.accessToken;

    // ---- the calendar
    const setupStarted = performance.now();
    const ids = await createCentres(adminToken);
    const bench = new pg.Pool({ connectionString: databaseUrl(dbName), max: options.concurrency });
    bench.on('error', (error) => {
      if (!poolEnding) log(`raw pool: idle client error: ${error.message}`);
    });
    pool = bench;
    const { centres, firstMonday, from, to, openDays, slotsPerCentre, closedDays } = await readCalendar(
      bench,
      ids,
    );
    const holidays = [...closedDays].filter(([date]) => DateTime.fromISO(date).weekday <= 5);
    log(
      `calendar: ${options.centres} centres, ${from} … ${to} (${options.weeks} weeks), Mon–Fri 09:00–15:00, ${options.desks} desks, ` +
        `${SLOT_MINUTES}-min slots: ${openDays} open days, ${slotsPerCentre} slots per centre, ` +
        `${slotsPerCentre * options.desks * options.centres} bookable places in all; set up in ${fixed((performance.now() - setupStarted) / 1000)} s`,
    );
    if (holidays.length)
      log(
        `closed weekdays in the window: ${holidays.map(([date, reason]) => `${date} ${reason}`).join(', ')}`,
      );

    const { randomCentre, httpBooking, availabilityQuery, timePage } = workload(centres, firstMonday);

    // ---- warm-up (JIT, connection pools, caches), not compared
    const warmConcurrency = options.concurrency;
    results.push(
      await runPhase(
        'warm-up: booking',
        { concurrency: warmConcurrency, count: options.warmup },
        httpBooking('warmup'),
      ),
    );
    results.push(
      await runPhase(
        'warm-up: availability 28 d',
        { concurrency: warmConcurrency, count: options.warmup },
        availabilityQuery,
      ),
    );

    // ---- booking
    const booking = await runPhase(
      'booking POST /api/bookings',
      { concurrency: options.concurrency, count: options.bookings },
      httpBooking('booking'),
    );
    results.push(booking);
    const appConnections = (
      await admin.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [
        dbName,
      ])
    ).rows[0].n;

    // ---- availability, alone and under a booking load
    const alone = await runPhase(
      'availability 28 d, alone',
      { concurrency: options.concurrency, count: options.availability },
      availabilityQuery,
    );
    results.push(alone);
    let availabilityDone = false;
    let loadError: unknown;
    const loadPromise = runPhase(
      '  booking load (parallel)',
      { concurrency: options.concurrency, count: options.bookings, until: () => availabilityDone },
      httpBooking('load'),
    ).catch((error: unknown) => {
      loadError = error;
      return undefined;
    });
    let underLoad: PhaseResult;
    try {
      await sleep(300); // let the booking load get going first
      underLoad = await runPhase(
        'availability 28 d, under load',
        { concurrency: options.concurrency, count: options.availability },
        availabilityQuery,
      );
    } finally {
      availabilityDone = true;
    }
    const load = await loadPromise;
    if (!load) throw loadError;
    results.push(underLoad, load);

    // ---- latency at a stated load: bookings and availability queries arriving on their own schedule
    const latencySettings = (rate: number) => ({ rate, seconds: options.latencySeconds });
    const [atRate, loadAtRate] = await Promise.all([
      runOpenLoop(
        `availability 28 d, ${options.availabilityRate}/s`,
        latencySettings(options.availabilityRate),
        availabilityQuery,
      ),
      runOpenLoop(
        `  booking load, ${options.loadRate}/s`,
        latencySettings(options.loadRate),
        httpBooking('load'),
      ),
    ]);
    results.push(atRate, loadAtRate);
    const [pageAtRate, loadBesidePages] = await Promise.all([
      runOpenLoop(`page: choose a time, ${options.pageRate}/s`, latencySettings(options.pageRate), timePage),
      runOpenLoop(
        `  booking load, ${options.loadRate}/s`,
        latencySettings(options.loadRate),
        httpBooking('load'),
      ),
    ]);
    results.push(pageAtRate, loadBesidePages);

    // ---- raw PostgreSQL: the booking transaction's statements, straight through pg, with the app stopped (its
    // background work, such as sending the confirmations just written, would otherwise take CPU from the baseline)
    await closeClient();
    await stopApp(child);
    const template = await rawTemplate(bench);
    const rawTask = (set: SlotSet) => () => {
      const centre = randomCentre();
      return rawBooking(bench, centre, pickSlot(centre, set), template);
    };
    results.push(
      await runPhase(
        'warm-up: raw PostgreSQL',
        { concurrency: options.concurrency, count: options.warmup },
        rawTask('warmup'),
      ),
    );
    const raw = await runPhase(
      'raw PostgreSQL booking tx',
      { concurrency: options.concurrency, count: options.raw },
      rawTask('raw'),
    );
    results.push(raw);

    // ---- the same two rates with the app on cores of its own, and the database and this process on the others
    if (options.split === 'auto') {
      try {
        if (!localServer) throw new Error(`DATABASE_URL names ${serverHost}, not this machine`);
        const own = await admin.query<{ pid: number; port: number | null }>(
          'SELECT pg_backend_pid() AS pid, inet_client_port() AS port',
        );
        layout = splitLayout(own.rows[0].pid, own.rows[0].port);
      } catch (error) {
        splitNote = `not run: ${errorText(error)}`;
      }
    }
    if (layout) {
      const where = `app on cpu ${layout.appCpus}`;
      splitNote = `app on cpu ${layout.appCpus}; PostgreSQL and this load generator on cpu ${layout.dbCpus}`;
      child = startApp(appEnv, layout.appCpus);
      meter.appPid = child.pid ?? 0;
      await waitForHealth(child, 90);
      const splitTask = httpBooking('splitBooking');
      results.push(
        await runPhase(
          `warm-up: booking, ${where}`,
          { concurrency: options.concurrency, count: options.warmup },
          httpBooking('warmup'),
        ),
      );
      const splitBooking = await runPhase(
        `booking, ${where}`,
        { concurrency: options.concurrency, count: options.bookings },
        splitTask,
      );
      results.push(splitBooking);
      await closeClient();
      await stopApp(child);
      results.push(
        await runPhase(
          `warm-up: raw, ${where} (idle)`,
          { concurrency: options.concurrency, count: options.warmup },
          rawTask('warmup'),
        ),
      );
      const splitRaw = await runPhase(
        `raw PostgreSQL, ${where} (idle)`,
        { concurrency: options.concurrency, count: options.raw },
        rawTask('splitRaw'),
      );
      results.push(splitRaw);
      layout.restore();
      layout = undefined;
      split = { booking: splitBooking, raw: splitRaw };
    }

    // ---- integrity: every success is one booking row, no cell over its desks
    const booked = results.filter(
      (r) =>
        !r.name.startsWith('availability') &&
        !r.name.startsWith('warm-up: availability') &&
        !r.name.startsWith('page:'),
    );
    const expected = booked.reduce((sum, r) => sum + r.ok, 0);
    const integrity = await integrityOf(bench);

    // ---- report
    printReport({
      command,
      dbName,
      loadBefore,
      pgVersion,
      from,
      slotsPerCentre,
      appConnections,
      results,
      phases: { booking, raw, alone, underLoad, atRate, loadAtRate, pageAtRate },
      split,
      splitNote,
      integrity,
      expected,
    });

    if (Number(integrity.bookings) !== expected || Number(integrity.over) !== 0) {
      log('FAILED: the database does not hold exactly the successful bookings');
      failed = true;
    }
    const broken = results.filter((r) => r.count === 0 || r.ok === 0 || r.other > r.count / 100);
    if (broken.length) {
      log(
        `FAILED: no successes or more than 1 % unexpected answers in: ${broken.map((r) => r.name.trim()).join(', ')}`,
      );
      failed = true;
    }
    if (results.some((r) => r.other > 0) && outputTail.length) {
      process.stdout.write(
        `last app output (LOG_LEVEL=warn):\n${outputTail
          .slice(-15)
          .map((line) => `  ${line}`)
          .join('\n')}\n`,
      );
    }
  } catch (error) {
    failed = true;
    if (interrupted) process.stderr.write('bench interrupted\n');
    else
      process.stderr.write(
        `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    if (outputTail.length)
      process.stderr.write(`last app output:\n${outputTail.map((line) => `  ${line}`).join('\n')}\n`);
  } finally {
    // ---- clean up, whatever happened
    layout?.restore();
    try {
      await stopApp(child);
    } catch (error) {
      process.stderr.write(`could not stop the app: ${errorText(error)}\n`);
      failed = true;
    }
    poolEnding = true;
    // pool.end() resolves before its connections have closed: wait for them, so DROP … WITH (FORCE) has none to kill.
    await pool?.end().catch(() => undefined);
    if (created && !(await dropOrKeep(admin, dbName))) failed = true;
    await admin.end().catch(() => undefined);
  }
  return failed || interrupted ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${errorText(error)}\n`);
    process.exit(1);
  },
);
