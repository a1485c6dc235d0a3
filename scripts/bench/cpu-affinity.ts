// The split layout: the app on half of the CPUs, PostgreSQL and this load generator on the other half (taskset).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { log } from './support.js';

/**
 * The split layout gives the app cores of its own and PostgreSQL (every process of the server) and this load
 * generator the others, as when the app and the database run on machines of their own. It needs Linux, taskset
 * (util-linux), the server on this machine and the right to set its processes' affinity (root or its user).
 */
export interface Layout {
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
export function splitLayout(backendPid: number, clientPort: number | null): Layout {
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
  if (!/postgres/.test(commandLine(postmaster)))
    throw new Error(`pid ${postmaster} is not a PostgreSQL server`);
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
