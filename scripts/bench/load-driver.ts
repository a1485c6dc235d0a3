// The measured phases: closed loop (N clients, each sending when its last answer is back) and open loop (Poisson).
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuDelta, meter } from './cpu-meter.js';
import { options } from './options.js';
import { errorText, interrupted, log } from './support.js';

export type Outcome = { kind: 'ok' } | { kind: 'conflict'; note: string } | { kind: 'other'; note: string };
export const OK: Outcome = { kind: 'ok' };

export interface PhaseResult {
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
    const note = `${outcome.kind === 'conflict' ? '409' : 'other'}: ${outcome.note}`.replace(
      /[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/gi,
      '…',
    );
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
export async function runOpenLoop(
  name: string,
  settings: { rate: number; seconds: number },
  task: () => Promise<Outcome>,
): Promise<PhaseResult> {
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

export async function runPhase(
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

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
