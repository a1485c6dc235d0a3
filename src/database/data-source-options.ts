import type { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import type { EmbeddedDatabase } from './embedded.js';
import { ENTITIES, MIGRATIONS } from './entities.js';

export function dataSourceOptions(config: AppConfig, embedded?: EmbeddedDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    ...(embedded
      ? { extra: embedded.pgOptions(), poolSize: 1 }
      : { url: config.databaseUrl, poolSize: config.databasePoolSize }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logging: false,
  };
}
