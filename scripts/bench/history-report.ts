// The --history report: each size's fill and phases, then the figures side by side with their ratio.
import { availableParallelism, cpus } from 'node:os';
import type { SizeResult } from './history-run.js';
import type { PhaseResult } from './load-driver.js';
import { options, root } from './options.js';
import { fixed, p99, rate, table } from './report.js';

/** The aim: a figure at the large size at most 1.5 × (a rate at least 1 / 1.5 ×) the one at the small size. */
const AIM = 1.5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const count = (n: number) => n.toLocaleString('en-US').replace(/,/g, ' ');

export function printHistoryReport(report: {
  command: string;
  pgVersion: string;
  measured: SizeResult[];
  explainFile: string;
}): number {
  const { measured } = report;
  const [small, large] = [measured[0], measured[measured.length - 1]];
  const out: string[] = [
    '',
    '================ Borgerservice booking benchmark: years of data ================',
  ];
  out.push(`command:    ${report.command}`);
  out.push(`directory:  ${root}`);
  out.push(
    `machine:    ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; PostgreSQL ${report.pgVersion}`,
  );
  out.push(
    `calendar:   ${options.centres} centres × ${options.desks} desks, Mon–Fri 09:00–15:00; the bench books ${options.weeks} weeks from next Monday. ` +
      'History: 12 bookings per centre and open day going back from yesterday (68 % completed, 10 % no-shows, 22 % cancelled; ' +
      'personal data erased after 90 days as retention does), 4 a day ahead (today up to next Monday and two weeks after the ' +
      'bench window; 90 % booked), each with its events, identity check, audit records and e-mails',
  );
  let failed = false;
  for (const m of measured) {
    const c = m.counts;
    out.push('');
    out.push(
      `---- history ${count(m.size)}: ${count(c.bookings)} bookings (${count(c.future)} ahead, ${c.pastDays} open days back to ${c.firstDay}), ` +
        `${count(c.events)} events, ${count(c.checks)} identity checks, ${count(c.audit)} audit records, ${count(c.mails)} e-mails; ` +
        `written in ${fixed(m.fillSeconds)} s (${count(Math.round(c.bookings / m.fillSeconds))} bookings/s with their rows, VACUUM ANALYZE included)`,
    );
    out.push(
      `day list of ${m.dayListDate}; statistics ${m.year.from} … ${m.year.to}; retention sweep ${m.sweeps.map((ms) => fixed(ms)).join(', ')} ms`,
    );
    out.push(table(m.results));
    const ok = m.atEnd.bookings === m.expected && m.atEnd.mismatched === 0 && m.atEnd.over === 0;
    out.push(
      `integrity:  ${m.atEnd.bookings} booking rows for ${m.expected} (history, templates and successful bookings); ` +
        `${m.atEnd.cells} ledger cells, ${m.atEnd.mismatched} not matching their bookings, ${m.atEnd.over} over capacity ` +
        `(after the fill: ${m.afterFill.mismatched} and ${m.afterFill.over}): ${ok ? 'ok' : 'FAILED'}`,
    );
    failed ||= !ok;
    const broken = m.results.filter((r) => r.count === 0 || r.ok === 0 || r.other > r.count / 100);
    if (broken.length) {
      out.push(
        `FAILED: no successes or more than 1 % unexpected answers in: ${broken.map((r) => r.name).join(', ')}`,
      );
      failed = true;
    }
    const notes = m.results.flatMap((r) =>
      [...r.notes].map(([note, n]) => `  ${r.name.trim()}: ${n} × ${note}`),
    );
    if (notes.length) out.push('non-2xx outcomes:', ...notes);
  }
  const rows: [string, (m: SizeResult) => number, 'rate' | 'time'][] = [
    [`booking rate (bookings/s, ${options.concurrency} clients)`, (m) => rate(m.booking), 'rate'],
    [`availability 28 d p99 (ms, ${options.historyConcurrency} clients)`, (m) => p99(m.availability), 'time'],
    [`staff day list p99 (ms, ${options.historyConcurrency} clients)`, (m) => p99(m.dayList), 'time'],
    [
      `statistics for a year p99 (ms, ${options.historyConcurrency} clients)`,
      (m) => p99(m.statistics),
      'time',
    ],
    ['retention sweep (ms, median of 5)', (m) => median(m.sweeps), 'time'],
  ];
  const row = (name: string, a: number, b: number, kind: 'rate' | 'time' | 'cpu') => {
    const ratio = b / a;
    const met = kind === 'rate' ? ratio >= 1 / AIM : ratio <= AIM;
    const aim =
      kind === 'cpu'
        ? '(CPU, no aim)'
        : `${kind === 'rate' ? `≥ ${fixed(1 / AIM, 2)}` : `≤ ${AIM}`}: ${met ? 'met' : 'NOT met'}`;
    return [name, fixed(a), fixed(b), fixed(ratio, 2), aim];
  };
  // The database's CPU per request beside the p99s: on a shared machine it moves far less than a latency does.
  const dbCpu = (phase: (m: SizeResult) => PhaseResult) => (m: SizeResult) =>
    phase(m).cpu.db / phase(m).count;
  const cpuRows: [string, (m: SizeResult) => number][] = [
    ['  database CPU per booking (ms)', dbCpu((m) => m.booking)],
    ['  database CPU per availability answer (ms)', dbCpu((m) => m.availability)],
    ['  database CPU per day list (ms)', dbCpu((m) => m.dayList)],
    ['  database CPU per statistics answer (ms)', dbCpu((m) => m.statistics)],
  ];
  const cells = [
    ...rows.map(([name, figure, kind]) => row(name, figure(small), figure(large), kind)),
    ...cpuRows.map(([name, figure]) => row(name, figure(small), figure(large), 'cpu')),
  ];
  const header = ['', `history ${count(small.size)}`, `history ${count(large.size)}`, 'large/small', 'aim'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  out.push('', line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line));
  out.push(`EXPLAIN (ANALYZE, BUFFERS) at history ${count(large.size)}: ${report.explainFile}`);
  out.push('================================================================================');
  process.stdout.write(`${out.join('\n')}\n`);
  return failed ? 1 : 0;
}
