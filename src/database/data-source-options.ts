import type { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import type { EmbeddedDatabase } from './embedded.js';

/** The entities and migrations, handed in by the composition root so that this kernel knows no capability. */
export interface Schema {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

export function dataSourceOptions(
  config: AppConfig,
  schema: Schema,
  embedded?: EmbeddedDatabase,
): DataSourceOptions {
  return {
    type: 'postgres',
    ...(embedded
      ? { extra: embedded.pgOptions(), poolSize: 1 }
      : { url: config.databaseUrl, poolSize: config.databasePoolSize }),
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsRun: false,
    synchronize: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logging: false,
  };
}
