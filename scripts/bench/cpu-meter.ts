// CPU accounting per phase: the app process (and its workers), the database backends, this load generator.
import { readdirSync, readFileSync } from 'node:fs';

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

export interface CpuSnapshot {
  app: number;
  db: Map<number, number>;
  bench: number;
}

/** Where the CPU goes during a phase: the app process, the PostgreSQL backends of the bench database, this process. */
export const meter = {
  appPid: 0,
  dbPids: async (): Promise<number[]> => Promise.resolve([]),
  async snapshot(): Promise<CpuSnapshot> {
    const db = new Map((await this.dbPids()).map((pid) => [pid, backendCpuMs(pid)]));
    const usage = process.cpuUsage();
    return {
      app: this.appPid ? processCpuMs(this.appPid) : NaN,
      db,
      bench: (usage.user + usage.system) / 1000,
    };
  },
};

export function cpuDelta(
  before: CpuSnapshot,
  after: CpuSnapshot,
): { app: number; db: number; bench: number } {
  let db = 0;
  for (const [pid, ms] of after.db) if (Number.isFinite(ms)) db += ms - (before.db.get(pid) ?? 0);
  return { app: after.app - before.app, db: after.db.size ? db : NaN, bench: after.bench - before.bench };
}
