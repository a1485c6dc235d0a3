import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { dataSourceOptions, Schema } from './data-source-options.js';
import type { EmbeddedDatabase } from './embedded.js';
import { ReadPool } from './read-pool.js';
import { runMigrations } from './run-migrations.js';

@Module({})
export class DatabaseModule {
  /** The schema is migrated before any provider can touch it. */
  static forRoot(config: AppConfig, schema: Schema, embedded?: EmbeddedDatabase): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [ReadPool],
      exports: [ReadPool],
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config, schema, embedded),
          dataSourceFactory: async (options?: DataSourceOptions) => {
            const dataSource = await new DataSource(options!).initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
