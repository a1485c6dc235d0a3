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
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import pg from 'pg';
import type { PoolClient } from 'pg';
import { Pool } from 'undici';
import { newReference } from '../src/bookings/booking-reference.js';
import { NEW_BOOKING_SQL, newBookingParams } from '../src/bookings/new-booking.sql.js';
import type { NewBookingRow, NewOutboxRow } from '../src/bookings/new-booking.sql.js';

const ZONE = 'Europe/Copenhagen';
const TYPE = 'MITID_NEW';
const SLOT_MINUTES = 15;
/** Citizens prefer the earliest free times: slot index = ⌊N·u^SKEW⌋ for uniform u, so early slots fill and 409s happen. */
const SKEW = 3;
const HOST = '127.0.0.1';

// ---------------------------------------------------------------------------------------------- options

const { values: args } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '16' },
    bookings: { type: 'string', default: '3000' },
    availability: { type: 'string', default: '2000' },
    raw: { type: 'string', default: '3000' },
    warmup: { type: 'string', default: '200' },
    centres: { type: 'string', default: '100' },
    weeks: { type: 'string', default: '8' },
    desks: { type: 'string', default: '4' },
    'phase-seconds': { type: 'string', default: '40' },
    'load-rate': { type: 'string', default: '20' },
    'availability-rate': { type: 'string', default: '50' },
    'latency-seconds': { type: 'string', default: '20' },
    workers: { type: 'string', default: '1' },
    'node-options': { type: 'string', default: '' },
    'app-env': { type: 'string', multiple: true, default: [] },
    keep: { type: 'boolean', default: false },
    split: { type: 'string', default: 'auto' },
    profile: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});

if (args.help) {
  process.stdout.write(
    'usage: npm run bench -- [--concurrency 16] [--bookings 3000] [--availability 2000] [--raw 3000] [--warmup 200]\n' +
      '                       [--centres 100] [--weeks 8] [--desks 4] [--phase-seconds 40] [--keep] [--profile DIR]\n' +
      '                       [--load-rate 20] [--availability-rate 50] [--latency-seconds 20] [--workers 1]\n' +
      '                       [--node-options "--max-semi-space-size=32"] [--app-env KEY=VALUE ...]\n' +
      'DATABASE_URL names the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres); a fresh database\n' +
      'booking_bench_<random> is created on it and dropped at the end (kept with --keep).\n',
  );
  process.exit(0);
}

function positive(name: keyof typeof args): number {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const options = {
  concurrency: positive('concurrency'),
  bookings: positive('bookings'),
  availability: positive('availability'),
  raw: positive('raw'),
  warmup: positive('warmup'),
  centres: positive('centres'),
  weeks: positive('weeks'),
  desks: positive('desks'),
  phaseSeconds: positive('phase-seconds'),
  /** The latency phase: bookings and availability queries arriving at these rates (per second, Poisson). */
  loadRate: positive('load-rate'),
  availabilityRate: positive('availability-rate'),
  latencySeconds: positive('latency-seconds'),
  /** The app's WORKERS (processes on one port) and NODE_OPTIONS (e.g. --max-semi-space-size=32). */
  workers: positive('workers'),
  nodeOptions: args['node-options'] ?? '',
  /** More environment for the app, KEY=VALUE each (e.g. JOBS_ENABLED=false). */
  appEnv: Object.fromEntries(
    (args['app-env'] ?? []).map((pair) => {
      const at = pair.indexOf('=');
      if (at < 1) throw new Error(`--app-env wants KEY=VALUE, got ${pair}`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  ),
  keep: args.keep === true,
  /** The split layout (app on half the cores, database and load generator on the other half): auto or off. */
  split: args.split === 'off' ? 'off' : 'auto',
  /** A directory for a V8 CPU profile of the app (node --cpu-prof), written when the app stops. */
  profile: args.profile ? resolve(args.profile) : undefined,
};
if (!['auto', 'off'].includes(args.split ?? 'auto')) throw new Error('--split must be auto or off');
if (options.weeks < 4) throw new Error('--weeks must be at least 4 (the availability query spans 4 weeks)');
if (options.desks > 100) throw new Error('--desks must be at most 100');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const serverUrl = process.env.DATABASE_URL ?? `postgres://postgres@${HOST}:5432/postgres`;

// ---------------------------------------------------------------------------------------------- small helpers

let interrupted = false;

function log(line: string): void {
  process.stdout.write(`· ${line}\n`);
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function databaseUrl(name: string): string {
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Runs `work` over items with at most `limit` at a time (setup only; the measured phases use runPhase). */
async function eachLimited<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      if (interrupted) throw new Error('interrupted');
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// ---------------------------------------------------------------------------------------------- HTTP

interface HttpResult {
  status: number;
  text: string;
}

let baseUrl = '';
let adminToken = '';
/**
 * Keep-alive connections to the app. undici's own request API, not fetch: fetch's WHATWG layers cost the load
 * generator about 0.5 ms of CPU per request, taken from the same two cores the app and the database are measured on.
 */
let client: Pool | undefined;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Before the app stops: its keep-alive connections would break under the pool. */
async function closeClient(): Promise<void> {
  await client?.close();
  client = undefined;
}

async function http(method: Method, path: string, body?: unknown, token?: string): Promise<HttpResult> {
  client ??= new Pool(baseUrl, { connections: 64, headersTimeout: 30_000, bodyTimeout: 30_000 });
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await client.request({
    method,
    path,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.statusCode, text: await response.body.text() };
}

async function expectJson<T>(method: Method, path: string, status: number, body?: unknown, token?: string): Promise<T> {
  const result = await http(method, path, body, token);
  if (result.status !== status) {
    throw new Error(`${method} ${path}: expected ${status}, got ${result.status}: ${result.text.slice(0, 300)}`);
  }
  return JSON.parse(result.text) as T;
}

function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === 'string' ? body.message.slice(0, 80) : text.slice(0, 80);
  } catch {
    return text.slice(0, 80);
  }
}

// ---------------------------------------------------------------------------------------------- the app process

const outputTail: string[] = [];

function keepTail(chunk: Buffer): void {
  for (const line of chunk.toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    outputTail.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
    if (outputTail.length > 40) outputTail.shift();
  }
}

/** Starts the built app; on `cpus` only when given (taskset execs node, so the pid is the app's). */
function startApp(env: Record<string, string>, cpus?: string): ChildProcess {
  const main = resolve(root, 'dist/src/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (npm run bench does)`);
  const nodeArgs = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${options.profile}`] : [];
  const command = cpus ? ['taskset', '-c', cpus, process.execPath] : [process.execPath];
  const child = spawn(command[0], [...command.slice(1), ...nodeArgs, main], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? root, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  return child;
}

async function waitForHealth(child: ChildProcess, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  let last = '';
  while (Date.now() < deadline) {
    if (interrupted) throw new Error('interrupted');
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the app exited (${child.exitCode ?? child.signalCode}) before it was healthy`);
    }
    try {
      const result = await http('GET', '/api/health');
      if (result.status === 200) return;
      last = `HTTP ${result.status} ${result.text.slice(0, 200)}`;
    } catch (error) {
      last = errorText(error);
    }
    await sleep(200);
  }
  throw new Error(`the app was not healthy within ${seconds} s (last: ${last})`);
}

async function stopApp(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
  if (timedOut) {
    child.kill('SIGKILL');
    await Promise.race([exited, sleep(5_000)]);
  }
}

async function waitForNoConnections(admin: pg.Client, dbName: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const { rows } = await admin.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [dbName]);
      if (rows[0].n === '0') return;
    } catch {
      return;
    }
    await sleep(50);
  }
}

// ---------------------------------------------------------------------------------------------- people

/** Birth dates 1940-01-01 … 1999-12-31 as DDMMYY; serials 1000-3999 (7th digit 1-3: born in the 1900s). */
const birthDates: string[] = (() => {
  const dates: string[] = [];
  for (let day = DateTime.utc(1940, 1, 1); day.year < 2000; day = day.plus({ days: 1 })) dates.push(day.toFormat('ddMMyy'));
  return dates;
})();
const runTag = randomBytes(3).toString('hex');
let personSeq = 0;

interface Person {
  fullName: string;
  email: string;
  cprNumber: string;
}

/** A different person (CPR number with a real date of birth, e-mail) on every call. */
function nextPerson(): Person {
  const n = personSeq++;
  const serial = 1000 + Math.floor(n / birthDates.length);
  if (serial > 3999) throw new Error('out of distinct CPR numbers');
  return {
    fullName: `Bench Person ${n}`,
    email: `bench.${runTag}.${n}@example.dk`,
    cprNumber: `${birthDates[n % birthDates.length]}-${serial}`,
  };
}

function bookingBody(centreId: string, startsAt: string, person: Person) {
  return {
    centreId,
    appointmentType: TYPE,
    startsAt,
    applicant: {
      fullName: person.fullName,
      email: person.email,
      phone: '+4512345678',
      cprNumber: person.cprNumber,
      nationality: 'DK',
      countryOfResidence: 'DK',
      language: 'da',
    },
    documents: [{ type: 'DK_DRIVING_LICENCE' }],
  };
}

// ---------------------------------------------------------------------------------------------- calendar

type SlotSet = 'booking' | 'raw' | 'warmup' | 'load' | 'splitBooking' | 'splitRaw';
/** Open days are dealt round-robin to the sets, so every phase books its own slots with the same time profile. */
const SETS: SlotSet[] = ['booking', 'raw', 'warmup', 'load', 'splitBooking', 'splitRaw'];

interface BenchCentre {
  id: string;
  typeId: string;
  slots: Record<SlotSet, string[]>;
}

interface AvailabilityBody {
  days: { date: string; closedReason?: string; slots: { startsAt: string; remaining: number }[] }[];
}

function pickSlot(centre: BenchCentre, set: SlotSet): string {
  const slots = centre.slots[set];
  return slots[Math.min(slots.length - 1, Math.floor(slots.length * Math.random() ** SKEW))];
}

// ---------------------------------------------------------------------------------------------- CPU accounting

/** User + system CPU in ms of a process and its children (cluster workers) from /proc (Linux; 10 ms ticks), NaN elsewhere. */
function processCpuMs(pid: number): number {
  let total = 0;
  let found = false;
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return NaN;
  }
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(entry) !== pid && Number(fields[1]) !== pid) continue;
      total += (Number(fields[11]) + Number(fields[12])) * 10;
      found = true;
    } catch {
      // gone meanwhile
    }
  }
  return found ? total : NaN;
}

/** User + system CPU in ms of one process (a database backend). */
function backendCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

interface CpuSnapshot {
  app: number;
  db: Map<number, number>;
  bench: number;
}

/** Where the CPU goes during a phase: the app process, the PostgreSQL backends of the bench database, this process. */
const meter = {
  appPid: 0,
  dbPids: async (): Promise<number[]> => Promise.resolve([]),
  async snapshot(): Promise<CpuSnapshot> {
    const db = new Map((await this.dbPids()).map((pid) => [pid, backendCpuMs(pid)]));
    const usage = process.cpuUsage();
    return { app: this.appPid ? processCpuMs(this.appPid) : NaN, db, bench: (usage.user + usage.system) / 1000 };
  },
};

function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): { app: number; db: number; bench: number } {
  let db = 0;
  for (const [pid, ms] of after.db) if (Number.isFinite(ms)) db += ms - (before.db.get(pid) ?? 0);
  return { app: after.app - before.app, db: after.db.size ? db : NaN, bench: after.bench - before.bench };
}

// ---------------------------------------------------------------------------------------------- CPU affinity

/**
 * The split layout gives the app cores of its own and PostgreSQL (every process of the server) and this load
 * generator the others, as when the app and the database run on machines of their own. It needs Linux, taskset
 * (util-linux), the server on this machine and the right to set its processes' affinity (root or its user).
 */
interface Layout {
  appCpus: string;
  dbCpus: string;
  /** Puts every process it moved back on the CPUs it had; new database backends get the postmaster's. */
  restore: () => void;
}

function affinityOf(pid: number): string {
  const text = execFileSync('taskset', ['-pc', String(pid)], { encoding: 'utf8' });
  const list = /affinity list:\s*(\S+)/.exec(text)?.[1];
  if (!list) throw new Error(`taskset printed no affinity for pid ${pid}`);
  return list;
}

function setAffinity(pid: number, cpus: string): boolean {
  try {
    execFileSync('taskset', ['-apc', cpus, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false; // gone meanwhile
  }
}

/** The CPUs in a taskset list such as 0-3,6. */
function cpuList(list: string): number[] {
  return list.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number);
    return Array.from({ length: (to ?? from) - from + 1 }, (_, i) => from + i);
  });
}

function parentOf(pid: number): number {
  return Number(/^PPid:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

function childrenOf(parent: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return parentOf(pid) === parent;
      } catch {
        return false;
      }
    });
}

/**
 * The CPUs in two halves, keeping a core's hardware threads together (an app on one thread of a core and the
 * database on its sibling would still share that core); by CPU number where no core has two.
 */
function halves(cpus: number[]): [number[], number[]] {
  const coreOf = (cpu: number) => {
    try {
      return readFileSync(`/sys/devices/system/cpu/cpu${cpu}/topology/thread_siblings_list`, 'utf8').trim();
    } catch {
      return String(cpu);
    }
  };
  const cores = [...new Set(cpus.map(coreOf))].map((core) => cpus.filter((cpu) => coreOf(cpu) === core));
  const groups = cores.length >= 2 ? cores : cpus.map((cpu) => [cpu]);
  const half = Math.floor(groups.length / 2);
  return [groups.slice(0, half).flat(), groups.slice(half).flat()];
}

/**
 * Moves the server of the admin connection (backend `backendPid`, client port `clientPort`) and this process onto
 * half of the CPUs; throws, having moved nothing, when it cannot be sure those processes are that server's.
 */
function splitLayout(backendPid: number, clientPort: number | null): Layout {
  if (process.platform !== 'linux') throw new Error('needs Linux');
  const own = cpuList(affinityOf(process.pid));
  if (own.length < 2) throw new Error('needs at least 2 CPUs');
  // The backend's process title names the client's port: this is our own connection, not a process that happens
  // to have its number here (a server in a container or on another machine has its own process numbers).
  const backend = commandLine(backendPid);
  if (!backend.startsWith('postgres:') || (clientPort !== null && !backend.includes(`(${clientPort})`))) {
    throw new Error('the PostgreSQL server is not a process on this machine');
  }
  const postmaster = parentOf(backendPid);
  if (!/postgres/.test(commandLine(postmaster))) throw new Error(`pid ${postmaster} is not a PostgreSQL server`);
  const [app, db] = halves(own);
  const appCpus = app.join(',');
  const dbCpus = db.join(',');
  const postmasterCpus = affinityOf(postmaster);
  const moved = [postmaster, ...childrenOf(postmaster), process.pid].flatMap((pid) => {
    try {
      return [{ pid, cpus: affinityOf(pid) }];
    } catch {
      return []; // gone meanwhile
    }
  });
  const known = new Set(moved.map((entry) => entry.pid));
  const restore = () => {
    for (const { pid, cpus } of moved) setAffinity(pid, cpus);
    // backends started meanwhile took the pinned postmaster's CPUs
    for (const pid of childrenOf(postmaster)) if (!known.has(pid)) setAffinity(pid, postmasterCpus);
  };
  log(
    `split layout: moving PostgreSQL (postmaster ${postmaster}, ${moved.length - 2} other processes) and this process ` +
      `to cpu ${dbCpus}; should the bench be killed before it puts them back: ` +
      `for p in ${postmaster} $(pgrep -P ${postmaster}); do taskset -apc ${postmasterCpus} $p; done`,
  );
  for (const { pid } of moved) {
    if (!setAffinity(pid, dbCpus) && pid === postmaster) {
      restore();
      throw new Error(`may not set the CPU affinity of the PostgreSQL server (pid ${postmaster})`);
    }
  }
  return { appCpus, dbCpus, restore };
}

// ---------------------------------------------------------------------------------------------- measured phases

type Outcome = { kind: 'ok' } | { kind: 'conflict'; note: string } | { kind: 'other'; note: string };
const OK: Outcome = { kind: 'ok' };

interface PhaseResult {
  name: string;
  concurrency: number;
  count: number;
  ok: number;
  conflict: number;
  other: number;
  seconds: number;
  latencies: number[];
  notes: Map<string, number>;
  stoppedBy: 'count' | 'time' | 'signal';
  /** CPU ms spent during the phase's wall time by the app, the database backends and this process. */
  cpu: { app: number; db: number; bench: number };
}

function newResult(name: string, concurrency: number): PhaseResult {
  return {
    name,
    concurrency,
    count: 0,
    ok: 0,
    conflict: 0,
    other: 0,
    seconds: 0,
    latencies: [],
    notes: new Map(),
    stoppedBy: 'count',
    cpu: { app: NaN, db: NaN, bench: NaN },
  };
}

function recordOutcome(result: PhaseResult, outcome: Outcome, latency: number): void {
  result.latencies.push(latency);
  result.count++;
  result[outcome.kind]++;
  if (outcome.kind !== 'ok') {
    // one line per kind of answer: ids (correlation ids, uuids) would make every 500 a line of its own
    const note = `${outcome.kind === 'conflict' ? '409' : 'other'}: ${outcome.note}`.replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/gi, '…');
    result.notes.set(note, (result.notes.get(note) ?? 0) + 1);
  }
}

async function settle(task: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await task();
  } catch (error) {
    return { kind: 'other', note: errorText(error) };
  }
}

/**
 * Open loop: requests start at Poisson arrival times of `rate` per second for `seconds`, whether or not earlier
 * ones have returned, and each latency is counted from its scheduled start (a slow answer cannot hide the queue
 * behind it). The "conc" column then shows the most requests that were in flight at once.
 */
async function runOpenLoop(name: string, settings: { rate: number; seconds: number }, task: () => Promise<Outcome>): Promise<PhaseResult> {
  log(`${name}: ${settings.rate}/s for ${settings.seconds} s (open loop)…`);
  const result = newResult(name, 0);
  const before = await meter.snapshot();
  const started = performance.now();
  const end = started + settings.seconds * 1000;
  const inFlight = new Set<Promise<void>>();
  for (let next = started; next < end; next += (-Math.log(1 - Math.random()) * 1000) / settings.rate) {
    if (interrupted) throw new Error('interrupted');
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    const scheduled = next;
    const request: Promise<void> = settle(task).then((outcome) => {
      recordOutcome(result, outcome, performance.now() - scheduled);
      inFlight.delete(request);
    });
    inFlight.add(request);
    result.concurrency = Math.max(result.concurrency, inFlight.size);
  }
  await Promise.all(inFlight);
  result.seconds = (performance.now() - started) / 1000;
  result.cpu = cpuDelta(before, await meter.snapshot());
  return result;
}

async function runPhase(
  name: string,
  settings: { concurrency: number; count: number; seconds?: number; until?: () => boolean },
  task: () => Promise<Outcome>,
): Promise<PhaseResult> {
  log(`${name}: up to ${settings.count} at concurrency ${settings.concurrency}…`);
  const result = newResult(name, settings.concurrency);
  const before = await meter.snapshot();
  const started = performance.now();
  const deadline = started + (settings.seconds ?? options.phaseSeconds) * 1000;
  let issued = 0;
  const worker = async () => {
    for (;;) {
      if (issued >= settings.count) return;
      if (interrupted) throw new Error('interrupted');
      if (settings.until?.()) return void (result.stoppedBy = 'signal');
      if (performance.now() >= deadline) return void (result.stoppedBy = 'time');
      issued++;
      const t0 = performance.now();
      const outcome = await settle(task);
      recordOutcome(result, outcome, performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: settings.concurrency }, worker));
  result.seconds = (performance.now() - started) / 1000;
  result.cpu = cpuDelta(before, await meter.snapshot());
  return result;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// ---------------------------------------------------------------------------------------------- raw PostgreSQL

/**
 * A booking row, its event and its confirmation e-mail as the app wrote them during the booking phase: the raw
 * transaction inserts copies (new id, reference, person and time), so it writes rows of the same size.
 */
interface RawTemplate {
  row: NewBookingRow;
  eventDetail: Record<string, unknown>;
  mail: NewOutboxRow;
}

async function rawTemplate(pool: pg.Pool): Promise<RawTemplate> {
  const { rows } = await pool.query<NewBookingRow & { mailKind: string; mailContent: string }>(
    `SELECT b.id, b.reference, b.manage_token_hash AS "manageTokenHash", b.manage_token_encrypted AS "manageTokenEncrypted",
            b.centre_id AS "centreId", b.appointment_type_id AS "appointmentTypeId", b.starts_at AS "startsAt",
            b.ends_at AS "endsAt", b.cell_starts AS "cellStarts", b.person_key AS "personKey", b.cpr_hash AS "cprHash",
            b.applicant_encrypted AS "applicantEncrypted", b.nationality, b.country_of_residence AS "countryOfResidence",
            b.arrived_in_denmark_on::text AS "arrivedInDenmarkOn", b.language, b.documents,
            b.witness_encrypted AS "witnessEncrypted", b.witness_cpr_hash AS "witnessCprHash",
            b.witness_advice AS "witnessAdvice", b.document_advice AS "documentAdvice", b.created_at AS "createdAt",
            o.kind AS "mailKind", o.content_encrypted AS "mailContent"
       FROM booking b JOIN outbox_message o ON o.booking_id = b.id AND o.kind = 'confirmation'
      ORDER BY b.created_at LIMIT 1`,
  );
  if (!rows[0]) throw new Error('no booking with a confirmation e-mail was found to copy for the raw transaction');
  const { mailKind, mailContent, ...row } = rows[0];
  return { row, eventDetail: { startsAt: row.startsAt.toISOString() }, mail: { kind: mailKind, dedupeKey: '', contentEncrypted: mailContent } };
}

/** NEW_BOOKING_SQL — the statements BookingsService.create sends for a new booking — sent straight through pg. */
async function rawBooking(pool: pg.Pool, centre: BenchCentre, startsAtText: string, template: RawTemplate): Promise<Outcome> {
  const startsAt = new Date(startsAtText);
  const endsAt = new Date(startsAt.getTime() + SLOT_MINUTES * 60_000);
  const id = randomUUID();
  const personKey = randomBytes(32).toString('base64url');
  const row: NewBookingRow = {
    ...template.row,
    id,
    reference: newReference(),
    centreId: centre.id,
    appointmentTypeId: centre.typeId,
    startsAt,
    endsAt,
    cellStarts: [startsAt],
    personKey,
    cprHash: personKey,
    createdAt: new Date(),
  };
  const mail: NewOutboxRow = { ...template.mail, dedupeKey: `confirmation:${id}:${randomUUID()}` };
  const client: PoolClient = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('START TRANSACTION');
    await client.query(NEW_BOOKING_SQL.lockCentre, [centre.id, personKey]);
    const taken = await client.query(NEW_BOOKING_SQL.takeCells, [centre.id, [startsAt], [options.desks]]);
    if (taken.rowCount !== 1) {
      await client.query('ROLLBACK');
      return { kind: 'conflict', note: 'slot fully booked' };
    }
    await client.query(NEW_BOOKING_SQL.insert, newBookingParams(row, { startsAt: startsAt.toISOString() }, mail));
    await client.query('COMMIT');
    return OK;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

// ---------------------------------------------------------------------------------------------- report

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function table(results: PhaseResult[]): string {
  const header = ['phase', 'conc', 'count', 'ok', '409', 'other', 'req/s', 'ok/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'];
  header.push('app cpu', 'db cpu', 'bench cpu', 'app ms/req', 'db ms/req');
  /** CPU ms over a phase's wall time, as % of one core. */
  const share = (ms: number, seconds: number) => (Number.isFinite(ms) ? `${fixed(ms / 10 / seconds, 0)} %` : '–');
  const rows = results.map((r) => {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    return [
      r.name,
      String(r.concurrency),
      String(r.count),
      String(r.ok),
      String(r.conflict),
      String(r.other),
      fixed(r.count / r.seconds),
      fixed(r.ok / r.seconds),
      fixed(percentile(sorted, 50)),
      fixed(percentile(sorted, 95)),
      fixed(percentile(sorted, 99)),
      fixed(sorted[sorted.length - 1] ?? NaN),
      share(r.cpu.app, r.seconds),
      share(r.cpu.db, r.seconds),
      share(r.cpu.bench, r.seconds),
      fixed(r.cpu.app / r.count, 2),
      fixed(r.cpu.db / r.count, 2),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function rate(result: PhaseResult): number {
  return result.ok / result.seconds;
}

function p99(result: PhaseResult): number {
  return percentile([...result.latencies].sort((a, b) => a - b), 99);
}

// ---------------------------------------------------------------------------------------------- main

async function main(): Promise<number> {
  const commandArgs = process.argv.slice(2).join(' ');
  const viaNpm = process.env.npm_lifecycle_event === 'bench';
  const command = viaNpm
    ? `npm run bench${commandArgs ? ` -- ${commandArgs}` : ''}   (= npm run build && node dist/scripts/bench.js${commandArgs ? ` ${commandArgs}` : ''})`
    : `node dist/scripts/bench.js${commandArgs ? ` ${commandArgs}` : ''}`;
  const serverHost = new URL(serverUrl).hostname;
  // no host name: a Unix socket (?host=/var/run/postgresql), which is on this machine too
  const localServer = ['', '127.0.0.1', 'localhost', '::1', '[::1]'].includes(serverHost);
  if (!localServer) {
    log(`note: DATABASE_URL names ${serverHost}, not this machine; the "raw" rate then includes the network`);
  }

  const loadBefore = loadavg().map((value) => value.toFixed(2)).join(' ');
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
    interrupted = true;
    log('interrupted: stopping and cleaning up…');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  // restore() is synchronous (execFileSync), so it also runs on the way out of an exit nobody planned
  process.on('exit', () => layout?.restore());

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
    baseUrl = `http://${HOST}:${port}`;
    const adminEmail = `bench-admin-${runTag}@example.dk`;
    const adminPassword = randomBytes(18).toString('base64url');
    const appEnv = {
      DATABASE_URL: databaseUrl(dbName),
      PORT: String(port),
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      AUTH_TOKEN_SECRET: randomBytes(48).toString('base64'),
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
      WORKERS: String(options.workers),
      ...(options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {}),
      ...options.appEnv,
    };
    const bootStarted = performance.now();
    child = startApp(appEnv);
    meter.appPid = child.pid ?? 0;
    meter.dbPids = async () =>
      (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [dbName])).rows.map((row) => row.pid);
    await waitForHealth(child, 90);
    log(`app up on ${baseUrl} (pid ${child.pid}) after ${fixed((performance.now() - bootStarted) / 1000, 1)} s (build excluded, migrations included)`);

    const login = await expectJson<{ accessToken: string }>('POST', '/api/auth/login', 200, { email: adminEmail, password: adminPassword });
    adminToken = login.accessToken;

    // ---- the calendar
    const setupStarted = performance.now();
    const ids: string[] = new Array<string>(options.centres);
    const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '15:00', desks: options.desks }));
    await eachLimited(
      Array.from({ length: options.centres }, (_, i) => i),
      4,
      async (i) => {
        const centre = await expectJson<{ id: string }>(
          'POST',
          '/api/admin/centres',
          201,
          {
            name: `Borgerservice Bench ${String(i + 1).padStart(3, '0')}`,
            address: `Benchvej ${i + 1}, 9999 Benchby`,
            municipality: 'Benchby',
            slotMinutes: SLOT_MINUTES,
            bookingHorizonDays: 70,
            minNoticeHours: 0,
          },
          adminToken,
        );
        await expectJson('PUT', `/api/admin/centres/${centre.id}/appointment-types`, 200, [
          { code: TYPE, name: 'Ny MitID', durationMinutes: SLOT_MINUTES },
        ], adminToken);
        await expectJson('PUT', `/api/admin/centres/${centre.id}/opening-hours`, 200, { weekly }, adminToken);
        ids[i] = centre.id;
      },
    );

    const firstMonday = DateTime.now().setZone(ZONE).startOf('week').plus({ weeks: 1 });
    const from = firstMonday.toISODate()!;
    const to = firstMonday.plus({ days: options.weeks * 7 - 1 }).toISODate()!;
    const closedDays = new Map<string, string>();
    let openDays = 0;
    let slotsPerCentre = 0;
    const centres: BenchCentre[] = new Array<BenchCentre>(options.centres);
    const bench = new pg.Pool({ connectionString: databaseUrl(dbName), max: options.concurrency });
    bench.on('error', (error) => {
      if (!poolEnding) log(`raw pool: idle client error: ${error.message}`);
    });
    pool = bench;
    const typeIds = new Map(
      (
        await bench.query<{ centre_id: string; id: string }>('SELECT centre_id, id FROM appointment_type WHERE code = $1 AND active', [TYPE])
      ).rows.map((row) => [row.centre_id, row.id]),
    );
    await eachLimited(ids, 4, async (id, i) => {
      const body = await expectJson<AvailabilityBody>('GET', `/api/centres/${id}/availability?from=${from}&to=${to}&type=${TYPE}`, 200);
      const slots = Object.fromEntries(SETS.map((set) => [set, [] as string[]])) as Record<SlotSet, string[]>;
      const open = body.days.filter((day) => day.slots.length > 0);
      open.forEach((day, d) => slots[SETS[d % SETS.length]].push(...day.slots.map((slot) => slot.startsAt)));
      for (const day of body.days) if (day.closedReason && day.slots.length === 0) closedDays.set(day.date, day.closedReason);
      if (i === 0) {
        openDays = open.length;
        slotsPerCentre = open.reduce((sum, day) => sum + day.slots.length, 0);
      }
      const typeId = typeIds.get(id);
      if (!typeId) throw new Error(`no ${TYPE} appointment type found in the database for centre ${id}`);
      if (SETS.some((set) => slots[set].length === 0)) throw new Error(`centre ${id} has too few open days for ${SETS.length} slot sets`);
      centres[i] = { id, typeId, slots };
    });
    const holidays = [...closedDays].filter(([date]) => DateTime.fromISO(date).weekday <= 5);
    log(
      `calendar: ${options.centres} centres, ${from} … ${to} (${options.weeks} weeks), Mon–Fri 09:00–15:00, ${options.desks} desks, ` +
        `${SLOT_MINUTES}-min slots: ${openDays} open days, ${slotsPerCentre} slots per centre, ` +
        `${slotsPerCentre * options.desks * options.centres} bookable places in all; set up in ${fixed((performance.now() - setupStarted) / 1000)} s`,
    );
    if (holidays.length) log(`closed weekdays in the window: ${holidays.map(([date, reason]) => `${date} ${reason}`).join(', ')}`);

    const randomCentre = () => centres[randomInt(centres.length)];
    const httpBooking = (set: SlotSet) => async (): Promise<Outcome> => {
      const centre = randomCentre();
      const result = await http('POST', '/api/bookings', bookingBody(centre.id, pickSlot(centre, set), nextPerson()));
      if (result.status === 201) return OK;
      if (result.status === 409) return { kind: 'conflict', note: errorMessage(result.text) };
      return { kind: 'other', note: `HTTP ${result.status} ${errorMessage(result.text)}` };
    };
    const weekStarts = options.weeks - 4 + 1;
    const availabilityQuery = async (): Promise<Outcome> => {
      const centre = randomCentre();
      const start = firstMonday.plus({ weeks: randomInt(weekStarts) });
      const query = `from=${start.toISODate()!}&to=${start.plus({ days: 27 }).toISODate()!}&type=${TYPE}`;
      const result = await http('GET', `/api/centres/${centre.id}/availability?${query}`);
      if (result.status !== 200) return { kind: result.status === 409 ? 'conflict' : 'other', note: `HTTP ${result.status} ${errorMessage(result.text)}` };
      const days = (JSON.parse(result.text) as AvailabilityBody).days.length;
      return days === 28 ? OK : { kind: 'other', note: `${days} days instead of 28` };
    };

    // ---- warm-up (JIT, connection pools, caches), not compared
    const warmConcurrency = options.concurrency;
    results.push(await runPhase('warm-up: booking', { concurrency: warmConcurrency, count: options.warmup }, httpBooking('warmup')));
    results.push(await runPhase('warm-up: availability 28 d', { concurrency: warmConcurrency, count: options.warmup }, availabilityQuery));

    // ---- booking
    const booking = await runPhase('booking POST /api/bookings', { concurrency: options.concurrency, count: options.bookings }, httpBooking('booking'));
    results.push(booking);
    const appConnections = (
      await admin.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [dbName])
    ).rows[0].n;

    // ---- availability, alone and under a booking load
    const alone = await runPhase('availability 28 d, alone', { concurrency: options.concurrency, count: options.availability }, availabilityQuery);
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
      underLoad = await runPhase('availability 28 d, under load', { concurrency: options.concurrency, count: options.availability }, availabilityQuery);
    } finally {
      availabilityDone = true;
    }
    const load = await loadPromise;
    if (!load) throw loadError;
    results.push(underLoad, load);

    // ---- latency at a stated load: bookings and availability queries arriving on their own schedule
    const latencySettings = (rate: number) => ({ rate, seconds: options.latencySeconds });
    const [atRate, loadAtRate] = await Promise.all([
      runOpenLoop(`availability 28 d, ${options.availabilityRate}/s`, latencySettings(options.availabilityRate), availabilityQuery),
      runOpenLoop(`  booking load, ${options.loadRate}/s`, latencySettings(options.loadRate), httpBooking('load')),
    ]);
    results.push(atRate, loadAtRate);

    // ---- raw PostgreSQL: the booking transaction's statements, straight through pg, with the app stopped (its
    // background work, such as sending the confirmations just written, would otherwise take CPU from the baseline)
    await closeClient();
    await stopApp(child);
    const template = await rawTemplate(bench);
    const rawTask = (set: SlotSet) => () => {
      const centre = randomCentre();
      return rawBooking(bench, centre, pickSlot(centre, set), template);
    };
    results.push(await runPhase('warm-up: raw PostgreSQL', { concurrency: options.concurrency, count: options.warmup }, rawTask('warmup')));
    const raw = await runPhase('raw PostgreSQL booking tx', { concurrency: options.concurrency, count: options.raw }, rawTask('raw'));
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
      results.push(await runPhase(`warm-up: booking, ${where}`, { concurrency: options.concurrency, count: options.warmup }, httpBooking('warmup')));
      const splitBooking = await runPhase(`booking, ${where}`, { concurrency: options.concurrency, count: options.bookings }, splitTask);
      results.push(splitBooking);
      await closeClient();
      await stopApp(child);
      results.push(await runPhase(`warm-up: raw, ${where} (idle)`, { concurrency: options.concurrency, count: options.warmup }, rawTask('warmup')));
      const splitRaw = await runPhase(`raw PostgreSQL, ${where} (idle)`, { concurrency: options.concurrency, count: options.raw }, rawTask('splitRaw'));
      results.push(splitRaw);
      layout.restore();
      layout = undefined;
      split = { booking: splitBooking, raw: splitRaw };
    }

    // ---- integrity: every success is one booking row, no cell over its desks
    const booked = results.filter((r) => !r.name.startsWith('availability') && !r.name.startsWith('warm-up: availability'));
    const expected = booked.reduce((sum, r) => sum + r.ok, 0);
    const check = await bench.query<{ bookings: string; cells_booked: string; over: string }>(
      `SELECT (SELECT count(*) FROM booking) AS bookings, (SELECT coalesce(sum(booked), 0) FROM slot_capacity) AS cells_booked,
              (SELECT count(*) FROM slot_capacity WHERE booked > desks) AS over`,
    );
    const integrity = check.rows[0];

    // ---- report
    const cores = availableParallelism();
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const out: string[] = [];
    out.push('');
    out.push('================ Borgerservice booking benchmark ================');
    out.push(`command:    ${command}`);
    out.push(`directory:  ${root}`);
    out.push(`database:   ${redact(databaseUrl(dbName))}${options.keep ? ' (kept)' : ' (dropped at the end)'}`);
    out.push(`machine:    ${cores} cores (${cpu}), ${fixed(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}; load average ${loadBefore} before the run`);
    out.push(`PostgreSQL: ${pgVersion.server_version} — ${pgVersion.version}`);
    out.push(
      `calendar:   ${options.centres} centres × ${options.weeks} weeks from ${from} × ${options.desks} desks, Mon–Fri 09:00–15:00, ` +
        `${SLOT_MINUTES}-min ${TYPE}: ${slotsPerCentre} slots per centre`,
    );
    out.push(
      `load:       concurrency ${options.concurrency}; bookings pick a random centre and an early-skewed slot (index ⌊N·u^${SKEW}⌋) ` +
        `from their own set of days; availability = 28 days from a random Monday; each phase capped at ${options.phaseSeconds} s`,
    );
    out.push(
      `app:        node dist/src/main.js, WORKERS=${options.workers}${options.nodeOptions ? `, NODE_OPTIONS="${options.nodeOptions}"` : ''}, ` +
        `RATE_LIMIT_PER_MINUTE=0, LOG_LEVEL=warn${Object.entries(options.appEnv).map(([k, v]) => `, ${k}=${v}`).join('')}; ` +
        `${appConnections} database connections open after the booking phase`,
    );
    out.push(`client:     this process (undici Pool, keep-alive) on the same machine as app and database`);
    out.push('');
    out.push(table(results));
    out.push(
      'cpu columns: CPU time during the phase as % of one core — app = the Node process(es) of the app, db = the PostgreSQL\n' +
        'backends of the bench database, bench = this load generator; ms/req = that CPU time per request. Parallel\n' +
        'phases (indented) share a window, so their cpu columns count the same work twice. Open-loop phases (x/s): conc = most requests\n' +
        'in flight at once, latency counted from the scheduled start of each request.',
    );
    out.push('');
    const ratio = rate(booking) / rate(raw);
    out.push(
      `booking rate / raw database rate, all on the same ${cores} cores: ${fixed(rate(booking))} / ${fixed(rate(raw))} bookings/s = ` +
        `${fixed(ratio * 100)} %  (aim: > 50 %: ${ratio > 0.5 ? 'met' : 'NOT met'})`,
    );
    if (split) {
      const splitRatio = rate(split.booking) / rate(split.raw);
      out.push(
        `booking rate / raw database rate, split layout (${splitNote}): ${fixed(rate(split.booking))} / ${fixed(rate(split.raw))} ` +
          `bookings/s = ${fixed(splitRatio * 100)} %  (aim: > 50 %: ${splitRatio > 0.5 ? 'met' : 'NOT met'})`,
      );
    } else {
      out.push(`split layout: ${splitNote}`);
    }
    out.push(
      `booking requests / raw transactions per second: ${fixed(booking.count / booking.seconds)} / ${fixed(raw.count / raw.seconds)} = ` +
        `${fixed(((booking.count / booking.seconds) / (raw.count / raw.seconds)) * 100)} %`,
    );
    const p99AtRate = p99(atRate);
    out.push(
      `availability 28 d p99 at ${options.availabilityRate}/s while ${options.loadRate} bookings/s arrive (open loop): ${fixed(p99AtRate)} ms ` +
        `(aim < 20 ms under load: ${p99AtRate < 20 ? 'met' : 'NOT met'}); booking p99 there: ${fixed(p99(loadAtRate))} ms; ` +
        `that load is ${fixed((options.loadRate / rate(booking)) * 100, 0)} % of the booking rate measured above`,
    );
    out.push(
      `availability 28 d p99 at saturation (closed loop, ${options.concurrency} in flight): alone ${fixed(p99(alone))} ms, ` +
        `with ${options.concurrency} booking clients beside it ${fixed(p99(underLoad))} ms — there every request waits for the ones ahead of it`,
    );
    out.push(
      `integrity:  ${integrity.bookings} booking rows for ${expected} successful bookings, ${integrity.cells_booked} desks taken, ` +
        `${integrity.over} cells over capacity`,
    );
    const stopped = results.filter((r) => r.stoppedBy === 'time');
    if (stopped.length) out.push(`time cap:   ${stopped.map((r) => r.name.trim()).join(', ')} stopped at ${options.phaseSeconds} s before their count`);
    const notes = results.flatMap((r) => [...r.notes].map(([note, n]) => `  ${r.name.trim()}: ${n} × ${note}`));
    if (notes.length) out.push('non-2xx outcomes:', ...notes);
    out.push('=================================================================');
    process.stdout.write(`${out.join('\n')}\n`);

    if (Number(integrity.bookings) !== expected || Number(integrity.over) !== 0) {
      log('FAILED: the database does not hold exactly the successful bookings');
      failed = true;
    }
    const broken = results.filter((r) => r.count === 0 || r.ok === 0 || r.other > r.count / 100);
    if (broken.length) {
      log(`FAILED: no successes or more than 1 % unexpected answers in: ${broken.map((r) => r.name.trim()).join(', ')}`);
      failed = true;
    }
    if (results.some((r) => r.other > 0) && outputTail.length) {
      process.stdout.write(`last app output (LOG_LEVEL=warn):\n${outputTail.slice(-15).map((line) => `  ${line}`).join('\n')}\n`);
    }
  } catch (error) {
    failed = true;
    if (interrupted) process.stderr.write('bench interrupted\n');
    else process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    if (outputTail.length) process.stderr.write(`last app output:\n${outputTail.map((line) => `  ${line}`).join('\n')}\n`);
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
    if (created && !options.keep) await waitForNoConnections(admin, dbName, 5_000);
    if (created) {
      if (options.keep) {
        log(`kept database ${dbName}: psql '${redact(databaseUrl(dbName))}'`);
        log(`drop it with: psql '${redact(serverUrl)}' -c 'DROP DATABASE "${dbName}" WITH (FORCE)'`);
      } else {
        try {
          await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
          log(`dropped database ${dbName}`);
        } catch (error) {
          process.stderr.write(`could not drop database ${dbName}: ${errorText(error)}\n`);
          failed = true;
        }
      }
    }
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
