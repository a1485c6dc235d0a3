// The app as a child process of the bench: start (optionally pinned to CPUs), wait until healthy, stop.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { http } from './http-client.js';
import { options, root } from './options.js';
import { errorText, interrupted } from './support.js';

export const outputTail: string[] = [];

function keepTail(chunk: Buffer): void {
  for (const line of chunk.toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    outputTail.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
    if (outputTail.length > 40) outputTail.shift();
  }
}

/** Starts the built app; on `cpus` only when given (taskset execs node, so the pid is the app's). */
export function startApp(env: Record<string, string>, cpus?: string): ChildProcess {
  const main = resolve(root, 'dist/src/main.js');
  if (!existsSync(main))
    throw new Error(`${main} is missing: run \`npm run build\` first (npm run bench does)`);
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

/** The app's environment in the bench: its database, port and administrator, fresh keys, the bench's options. */
export function benchAppEnv(
  database: string,
  port: number,
  admin: { email: string; password: string },
): Record<string, string> {
  return {
    DATABASE_URL: database,
    PORT: String(port),
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    AUTH_TOKEN_SECRET: randomBytes(48).toString('base64'),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    WORKERS: String(options.workers),
    ...(options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {}),
    ...options.appEnv,
  };
}

export async function waitForHealth(child: ChildProcess, seconds: number): Promise<void> {
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

export async function stopApp(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
  if (timedOut) {
    child.kill('SIGKILL');
    await Promise.race([exited, sleep(5_000)]);
  }
}
