import 'reflect-metadata';
import { createApp } from './app.setup.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { DataDirLockedError } from './database/data-dir-lock.js';
import { EmbeddedDatabase } from './database/embedded.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const embedded = config.embedded ? await EmbeddedDatabase.open(config.dataDir) : undefined;
  const app = await createApp({ config, embedded });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await embedded?.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
  await app.listen(config.port);
  const where = config.embedded ? `embedded database in ${config.dataDir}` : 'PostgreSQL server';
  process.stdout.write(
    `Listening on http://localhost:${config.port}/api (${where}); API docs at /api/docs\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('Start-up failed:', error instanceof Error ? error.stack : error);
  }
  process.exit(1);
});
