// The bench's fixed settings and its command-line options (parsed, and --help answered, on import).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const ZONE = 'Europe/Copenhagen';
export const TYPE = 'MITID_NEW';
export const SLOT_MINUTES = 15;
/** Citizens prefer the earliest free times: slot index = ⌊N·u^SKEW⌋ for uniform u, so early slots fill and 409s happen. */
export const SKEW = 3;
export const HOST = '127.0.0.1';

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
    'page-rate': { type: 'string', default: '50' },
    workers: { type: 'string', default: '1' },
    'node-options': { type: 'string', default: '' },
    'app-env': { type: 'string', multiple: true, default: [] },
    keep: { type: 'boolean', default: false },
    split: { type: 'string', default: 'auto' },
    profile: { type: 'string' },
    history: { type: 'string' },
    'history-base': { type: 'string', default: '10000' },
    'history-concurrency': { type: 'string', default: '2' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});

if (args.help) {
  process.stdout.write(
    'usage: npm run bench -- [--concurrency 16] [--bookings 3000] [--availability 2000] [--raw 3000] [--warmup 200]\n' +
      '                       [--centres 100] [--weeks 8] [--desks 4] [--phase-seconds 40] [--keep] [--profile DIR]\n' +
      '                       [--load-rate 20] [--availability-rate 50] [--latency-seconds 20] [--page-rate 50] [--workers 1]\n' +
      '                       [--node-options "--max-semi-space-size=32"] [--app-env KEY=VALUE ...]\n' +
      '                       [--history N [--history-base 10000] [--history-concurrency 2]]\n' +
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

export const options = {
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
  /** The page phase: the citizen's time-choosing page at this rate while bookings arrive at the load rate. */
  pageRate: positive('page-rate'),
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
  /** --history N: the phases measured on --history-base and on N bookings of history, each on a fresh database. */
  history: args.history === undefined ? undefined : positive('history'),
  historyBase: positive('history-base'),
  /** Clients of the history run's latency phases (availability, day list, statistics), each alone, closed loop. */
  historyConcurrency: positive('history-concurrency'),
};
if (!['auto', 'off'].includes(args.split ?? 'auto')) throw new Error('--split must be auto or off');
if (options.weeks < 4) throw new Error('--weeks must be at least 4 (the availability query spans 4 weeks)');
if (options.desks > 100) throw new Error('--desks must be at most 100');

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const serverUrl = process.env.DATABASE_URL ?? `postgres://postgres@${HOST}:5432/postgres`;
