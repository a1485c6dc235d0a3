import type { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import type { EmbeddedDatabase } from './embedded.js';

/** The entities and migrations, handed in by the composition root so that this kernel knows no capability. */
export interface Schema {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/**
 * node-postgres pool options that bound every wait on a server: connecting (or waiting for a pooled connection),
 * and each statement (the server cancels it; the client gives up a second later if the server never answers).
 */
export function serverTimeouts(config: AppConfig) {
  return {
    connectionTimeoutMillis: config.databaseTimeoutMs,
    statement_timeout: config.databaseTimeoutMs,
    query_timeout: config.databaseTimeoutMs + 1000,
    keepAlive: true,
  };
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
      : { url: config.databaseUrl, poolSize: config.databasePoolSize, extra: serverTimeouts(config) }),
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsRun: false,
    synchronize: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logging: false,
  };
}
