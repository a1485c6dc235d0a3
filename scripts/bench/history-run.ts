// `--history N`: the app measured on --history-base and on N bookings of history, each on a fresh database, and
// the figures side by side with their ratio; EXPLAIN (ANALYZE, BUFFERS) of the measured queries at the large size.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import pg from 'pg';
import { AppConfig } from '../../src/config/app-config.js';
import { PersonalDataCipher } from '../../src/personal-data/personal-data.cipher.js';
import { benchAppEnv, startApp, stopApp, waitForHealth } from './app-process.js';
import { createCentres, readCalendar } from './calendar.js';
import { meter } from './cpu-meter.js';
import { dropOrKeep, rawTemplate } from './database.js';
import { fillHistory, openDaysBetween, pastOpenDays } from './history.js';
import type { HistoryCounts } from './history.js';
import { dayList, explainAll, statistics, timedSweep, yearUpTo } from './history-queries.js';
import { printHistoryReport } from './history-report.js';
import { readTemplates } from './history-templates.js';
import type { Rows } from './history-templates.js';
import { closeClient, expectJson, setBaseUrl } from './http-client.js';
import { ledgerOf } from './ledger.js';
import type { Ledger } from './ledger.js';
import type { PhaseResult } from './load-driver.js';
import { runPhase } from './load-driver.js';
import { options, serverUrl, SLOT_MINUTES, ZONE } from './options.js';
import { runTag } from './people.js';
import { fixed } from './report.js';
import { databaseUrl, errorText, freePort, log } from './support.js';
import { workload } from './workload.js';

/** The bench centres' week (calendar.ts): Mon–Fri 09:00–15:00. */
const WEEKDAYS = [1, 2, 3, 4, 5];
const SLOTS_PER_DAY = (6 * 60) / SLOT_MINUTES;
/** Bookings per centre and open day: an eighth of the places in the past, fewer (still filling) ahead. */
const PAST_PER_DAY = 12;
const FUTURE_PER_DAY = 4;
const TEMPLATES = 8;
const RETENTION_DAYS = 90;
const SWEEPS = 5;

export interface SizeResult {
  size: number;
  fillSeconds: number;
  counts: HistoryCounts;
  afterFill: Ledger;
  atEnd: Ledger;
  expected: number;
  results: PhaseResult[];
  booking: PhaseResult;
  availability: PhaseResult;
  dayList: PhaseResult;
  statistics: PhaseResult;
  sweeps: number[];
  dayListDate: string;
  year: { from: string; to: string };
}

async function measureAtSize(admin: pg.Client, size: number, explainFile?: string): Promise<SizeResult> {
  const dbName = `booking_bench_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE "${dbName}"`);
  log(`history ${size}: created database ${dbName}`);
  let child: ChildProcess | undefined;
  let pool: pg.Pool | undefined;
  try {
    const port = await freePort();
    setBaseUrl(`http://127.0.0.1:${port}`);
    const adminAccount = {
      email: `bench-admin-${runTag}@example.dk`,
      password: randomBytes(18).toString('base64url'),
    };
    const env = benchAppEnv(databaseUrl(dbName), port, adminAccount);
    child = startApp(env);
    meter.appPid = child.pid ?? 0;
    meter.dbPids = async () =>
      (
        await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [dbName])
      ).rows.map((row) => row.pid);
    await waitForHealth(child, 90);
    type Login = { accessToken: string; user: { id: string } };
    const adminLogin = await expectJson<Login>('POST', '/api/auth/login', 200, adminAccount);
    const ids = await createCentres(adminLogin.accessToken);
    const bench = new pg.Pool({ connectionString: databaseUrl(dbName), max: options.concurrency });
    pool = bench;
    const calendar = await readCalendar(bench, ids);
    const staffAccount = {
      email: `bench-staff-${runTag}@example.dk`,
      password: randomBytes(18).toString('base64url'),
    };
    await expectJson(
      'POST',
      '/api/admin/users',
      201,
      { ...staffAccount, role: 'staff', centreIds: ids },
      adminLogin.accessToken,
    );
    const staffLogin = await expectJson<Login>('POST', '/api/auth/login', 200, staffAccount);
    const { httpBooking, availabilityQuery } = workload(calendar.centres, calendar.firstMonday);

    // ---- the history, copied from bookings the app wrote itself
    let templates = 0;
    for (let tries = 0; templates < TEMPLATES && tries < 100; tries++)
      if ((await httpBooking('warmup')()).kind === 'ok') templates++;
    const rows: Rows = async <T>(sql: string, params?: unknown[]) =>
      (await bench.query(sql, params)).rows as T[];
    const cipher = new PersonalDataCipher(
      Object.assign(new AppConfig(), { dataEncryptionKey: env.DATA_ENCRYPTION_KEY }),
    );
    const now = DateTime.now().setZone(ZONE);
    const windowEnd = calendar.firstMonday.plus({ weeks: options.weeks });
    const futureDays = [
      ...openDaysBetween(
        now.plus({ days: 1 }).toISODate()!,
        calendar.firstMonday.minus({ days: 1 }).toISODate()!,
        ZONE,
        WEEKDAYS,
      ),
      ...openDaysBetween(windowEnd.toISODate()!, windowEnd.plus({ days: 13 }).toISODate()!, ZONE, WEEKDAYS),
    ];
    const fillStarted = performance.now();
    const counts = await fillHistory(rows, {
      size,
      centres: calendar.centres,
      now,
      timeZone: ZONE,
      weekdays: WEEKDAYS,
      opens: '09:00',
      slotMinutes: SLOT_MINUTES,
      slotsPerDay: SLOTS_PER_DAY,
      desks: options.desks,
      pastPerDay: PAST_PER_DAY,
      futurePerDay: FUTURE_PER_DAY,
      futureDays,
      retentionDays: RETENTION_DAYS,
      reminderHours: 24,
      staffUserId: staffLogin.user.id,
      adminUserId: adminLogin.user.id,
      templates: await readTemplates(rows, TEMPLATES),
      lookupHash: (kind, value) => cipher.lookupHash(kind, value),
      progress: (written) => {
        if (written % 200_000 === 0 || written === size) log(`history ${size}: ${written} bookings written`);
      },
    });
    // as autovacuum leaves a table that has settled: statistics and the visibility map
    await bench.query('VACUUM (ANALYZE)');
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const afterFill = await ledgerOf(rows);
    log(
      `history ${size}: ${counts.bookings} bookings (${counts.future} ahead, ${counts.pastDays} open days back to ${counts.firstDay}), ` +
        `${counts.events} events, ${counts.checks} identity checks, ${counts.audit} audit records, ${counts.mails} e-mails ` +
        `in ${fixed(fillSeconds)} s with VACUUM ANALYZE; ledger: ${afterFill.mismatched} cells off, ${afterFill.over} over`,
    );

    // ---- the phases
    const dayListDate = pastOpenDays(now, WEEKDAYS, 1)[0];
    const year = yearUpTo(now);
    const dayTask = dayList(calendar.centres, dayListDate, staffLogin.accessToken);
    const statisticsTask = statistics(calendar.centres, year, adminLogin.accessToken);
    const warm = { concurrency: options.concurrency, count: options.warmup };
    const results: PhaseResult[] = [];
    results.push(await runPhase('warm-up: booking', warm, httpBooking('warmup')));
    results.push(await runPhase('warm-up: availability 28 d', warm, availabilityQuery));
    results.push(await runPhase('warm-up: day list', { concurrency: 4, count: 100 }, dayTask));
    results.push(await runPhase('warm-up: statistics', { concurrency: 4, count: 40 }, statisticsTask));
    const booking = await runPhase(
      'booking POST /api/bookings',
      { concurrency: options.concurrency, count: options.bookings },
      httpBooking('booking'),
    );
    // Few clients, each sending when its answer is back: the queries' own latency, not a queue behind a busy CPU.
    const latency = { concurrency: options.historyConcurrency, count: options.availability };
    const availability = await runPhase('availability 28 d', latency, availabilityQuery);
    const dayListPhase = await runPhase('staff day list', latency, dayTask);
    const statisticsPhase = await runPhase('statistics for a year', latency, statisticsTask);
    results.push(booking, availability, dayListPhase, statisticsPhase);
    const sweeps: number[] = [];
    for (let i = 0; i < SWEEPS; i++) sweeps.push(await timedSweep(bench, RETENTION_DAYS));

    if (explainFile) {
      await explainAll(
        bench,
        {
          centre: calendar.centres[0],
          dayListDate,
          year,
          availabilityFrom: calendar.firstMonday,
          staffUserId: staffLogin.user.id,
          template: await rawTemplate(bench),
          retentionDays: RETENTION_DAYS,
          desks: options.desks,
        },
        explainFile,
        `EXPLAIN (ANALYZE, BUFFERS) with ${size} bookings of history (${counts.bookings} written, database ${dbName})`,
      );
      log(`history ${size}: EXPLAIN (ANALYZE, BUFFERS) written to ${explainFile}`);
    }
    const booked = results.filter((r) => r.name.includes('booking')).reduce((sum, r) => sum + r.ok, 0);
    return {
      size,
      fillSeconds,
      counts,
      afterFill,
      atEnd: await ledgerOf(rows),
      expected: templates + counts.bookings + booked,
      results,
      booking,
      availability,
      dayList: dayListPhase,
      statistics: statisticsPhase,
      sweeps,
      dayListDate,
      year,
    };
  } finally {
    await closeClient();
    await stopApp(child);
    await pool?.end().catch(() => undefined);
    if (!(await dropOrKeep(admin, dbName))) log(`could not drop ${dbName}`);
  }
}

/** Both sizes, one after the other on databases of their own, then the report; 1 when a check failed. */
export async function runHistoryBench(command: string, history: number): Promise<number> {
  const sizes = [options.historyBase, history];
  const explainFile = join(
    tmpdir(),
    `booking-bench-explain-${history}-${randomBytes(3).toString('hex')}.txt`,
  );
  const admin = new pg.Client({ connectionString: serverUrl });
  admin.on('error', (error) => log(`admin connection error: ${error.message}`));
  await admin.connect();
  try {
    const { rows } = await admin.query<{ server_version: string }>(
      "SELECT current_setting('server_version') AS server_version",
    );
    const measured: SizeResult[] = [];
    for (const [i, size] of sizes.entries())
      measured.push(await measureAtSize(admin, size, i === sizes.length - 1 ? explainFile : undefined));
    return printHistoryReport({ command, pgVersion: rows[0].server_version, measured, explainFile });
  } catch (error) {
    process.stderr.write(`bench failed: ${errorText(error)}\n`);
    return 1;
  } finally {
    await admin.end().catch(() => undefined);
  }
}
