import 'reflect-metadata';
import cluster from 'node:cluster';
import { networkInterfaces } from 'node:os';
import { createApp } from './app.setup.js';
import { AppConfig, ConfigError, loadConfig } from './config/app-config.js';
import { DataDirLockedError } from './database/data-dir-lock.js';
import { EmbeddedDatabase } from './database/embedded.js';
import { answerBackupRequests } from './database/backup.js';
import { stopTakingRequests } from './common/shutdown.js';

/**
 * Every interface, as Node's own servers listen by default (Fastify's default is localhost only, which a
 * container's published port cannot reach): '::', which takes IPv4 too, where the machine has IPv6, else 0.0.0.0.
 */
function everyInterface(): string {
  const addresses = Object.values(networkInterfaces()).flat();
  return addresses.some((address) => address?.family === 'IPv6') ? '::' : '0.0.0.0';
}

/** One process serving HTTP: the whole app (with WORKERS > 1, each worker is one of these). */
async function serve(config: AppConfig): Promise<void> {
  const embedded = config.embedded ? await EmbeddedDatabase.open(config.dataDir) : undefined;
  const app = await createApp({ config, embedded });
  if (embedded) answerBackupRequests(embedded, config.dataDir);
  let stopping = false;
  // No new connections; answer those in flight, finish or hand back claimed mail, close the pools, then exit.
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      console.error(`Shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting.`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    try {
      stopTakingRequests(app);
      await app.close();
      await embedded?.close();
      process.exit(0);
    } catch (error) {
      console.error('Shutdown failed:', error instanceof Error ? error.stack : error);
      process.exit(1);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
  await app.listen(config.port, everyInterface());
  const where = config.embedded ? `embedded database in ${config.dataDir}` : 'PostgreSQL server';
  const worker = cluster.isWorker ? ` (worker ${cluster.worker!.id}, pid ${process.pid})` : '';
  process.stdout.write(
    `Listening on http://localhost:${config.port}/api (${where})${worker}; API docs at /api/docs\n`,
  );
}

/**
 * WORKERS > 1: this process only forks the workers, which share the port (node:cluster hands connections out),
 * and replaces one that dies after it was listening. One that dies before (bad configuration, no database)
 * stops them all, rather than restarting in a loop.
 */
function superviseWorkers(count: number, shutdownTimeoutMs: number): void {
  let stopping = false;
  const listening = new Set<number>();
  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    const wasListening = listening.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    if (!wasListening) {
      console.error(
        `Worker ${worker.id} stopped during start-up (${signal ?? `exit code ${code}`}); stopping.`,
      );
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill('SIGTERM');
      process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    console.error(`Worker ${worker.id} died (${signal ?? `exit code ${code}`}); starting another.`);
    cluster.fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true;
      // the signal itself, not worker.kill(): that disconnects first, closing the servers under the worker's feet
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      // each worker bounds its own shutdown; this only catches one that hangs past that bound
      setTimeout(() => {
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
        process.exit(1);
      }, shutdownTimeoutMs + 2000).unref();
    });
  }
  for (let i = 0; i < count; i++) cluster.fork();
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (cluster.isPrimary && config.workers > 1) superviseWorkers(config.workers, config.shutdownTimeoutMs);
  else await serve(config);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('Start-up failed:', error instanceof Error ? error.stack : error);
  }
  process.exit(1);
});
