// Small helpers every part of the bench uses: the interrupted flag, the progress log, error text, URLs, ports.
import { createServer } from 'node:net';
import { HOST, serverUrl } from './options.js';

export let interrupted = false;

/** Set by the first SIGINT, SIGTERM or SIGHUP: the phases and setup loops stop at their next request. */
export function markInterrupted(): void {
  interrupted = true;
}

export function log(line: string): void {
  process.stdout.write(`· ${line}\n`);
}

export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

export function databaseUrl(name: string): string {
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function freePort(): Promise<number> {
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
export async function eachLimited<T>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
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
