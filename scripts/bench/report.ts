// The report: the run's setting, the phase table and the summary lines under it.
import { availableParallelism, cpus, totalmem } from 'node:os';
import type { PhaseResult } from './load-driver.js';
import { percentile } from './load-driver.js';
import { options, root, SKEW, SLOT_MINUTES, TYPE } from './options.js';
import { databaseUrl, redact } from './support.js';

export const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

export function table(results: PhaseResult[]): string {
  const header = [
    'phase',
    'conc',
    'count',
    'ok',
    '409',
    'other',
    'req/s',
    'ok/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
  ];
  header.push('app cpu', 'db cpu', 'bench cpu', 'app ms/req', 'db ms/req');
  /** CPU ms over a phase's wall time, as % of one core. */
  const share = (ms: number, seconds: number) =>
    Number.isFinite(ms) ? `${fixed(ms / 10 / seconds, 0)} %` : '–';
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
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function rate(result: PhaseResult): number {
  return result.ok / result.seconds;
}

export function p99(result: PhaseResult): number {
  return percentile(
    [...result.latencies].sort((a, b) => a - b),
    99,
  );
}

export interface Report {
  command: string;
  dbName: string;
  loadBefore: string;
  pgVersion: { version: string; server_version: string };
  from: string;
  slotsPerCentre: number;
  appConnections: string;
  results: PhaseResult[];
  /** The phases the summary lines compare. */
  phases: {
    booking: PhaseResult;
    raw: PhaseResult;
    alone: PhaseResult;
    underLoad: PhaseResult;
    atRate: PhaseResult;
    loadAtRate: PhaseResult;
    pageAtRate: PhaseResult;
  };
  split: { booking: PhaseResult; raw: PhaseResult } | undefined;
  splitNote: string;
  integrity: { bookings: string; cells_booked: string; over: string };
  expected: number;
}

export function printReport(report: Report): void {
  const {
    command,
    dbName,
    loadBefore,
    pgVersion,
    from,
    slotsPerCentre,
    appConnections,
    results,
    split,
    splitNote,
    integrity,
    expected,
  } = report;
  const { booking, raw, alone, underLoad, atRate, loadAtRate, pageAtRate } = report.phases;
  const cores = availableParallelism();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const out: string[] = [];
  out.push('');
  out.push('================ Borgerservice booking benchmark ================');
  out.push(`command:    ${command}`);
  out.push(`directory:  ${root}`);
  out.push(`database:   ${redact(databaseUrl(dbName))}${options.keep ? ' (kept)' : ' (dropped at the end)'}`);
  out.push(
    `machine:    ${cores} cores (${cpu}), ${fixed(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}; load average ${loadBefore} before the run`,
  );
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
      `RATE_LIMIT_PER_MINUTE=0, LOG_LEVEL=warn${Object.entries(options.appEnv)
        .map(([k, v]) => `, ${k}=${v}`)
        .join('')}; ` +
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
      `${fixed((booking.count / booking.seconds / (raw.count / raw.seconds)) * 100)} %`,
  );
  const p99AtRate = p99(atRate);
  out.push(
    `availability 28 d p99 at ${options.availabilityRate}/s while ${options.loadRate} bookings/s arrive (open loop): ${fixed(p99AtRate)} ms ` +
      `(aim < 20 ms under load: ${p99AtRate < 20 ? 'met' : 'NOT met'}); booking p99 there: ${fixed(p99(loadAtRate))} ms; ` +
      `that load is ${fixed((options.loadRate / rate(booking)) * 100, 0)} % of the booking rate measured above`,
  );
  const pageP99 = p99(pageAtRate);
  out.push(
    `time-choosing page (GET /book/time, one week as HTML) p99 at ${options.pageRate}/s while ${options.loadRate} bookings/s arrive: ` +
      `${fixed(pageP99)} ms (aim < 30 ms: ${pageP99 < 30 ? 'met' : 'NOT met'})`,
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
  if (stopped.length)
    out.push(
      `time cap:   ${stopped.map((r) => r.name.trim()).join(', ')} stopped at ${options.phaseSeconds} s before their count`,
    );
  const notes = results.flatMap((r) => [...r.notes].map(([note, n]) => `  ${r.name.trim()}: ${n} × ${note}`));
  if (notes.length) out.push('non-2xx outcomes:', ...notes);
  out.push('=================================================================');
  process.stdout.write(`${out.join('\n')}\n`);
}
