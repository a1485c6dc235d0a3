import { DataSource } from 'typeorm';
import { SCHEMA } from './schema.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { EmbeddedDatabase } from './database/embedded.js';
import { runMigrations } from './database/run-migrations.js';
import { schemaDrift } from './database/schema-drift.js';

/**
 * `npm run migration:run` applies pending migrations; with `--check` it also prints any SQL the entities would
 * still need and exits 1 when there is some (CI and the drift test use this to keep migrations honest).
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const embedded = config.embedded ? await EmbeddedDatabase.open(config.dataDir) : undefined;
  const dataSource = new DataSource(dataSourceOptions(config, SCHEMA, embedded));
  try {
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations');
    if (process.argv.includes('--check')) {
      const drift = await schemaDrift(dataSource);
      if (drift.length) {
        console.log(`The entities and the migrations disagree; a migration needs:\n${drift.join(';\n')};`);
        process.exitCode = 1;
      }
    }
  } finally {
    await dataSource.destroy();
    await embedded?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
