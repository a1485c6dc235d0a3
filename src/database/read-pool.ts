import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { serverTimeouts } from './data-source-options.js';

/** Read connections beside the main pool: a quarter as many, at least two. */
export const readPoolSize = (poolSize: number) => Math.max(2, Math.ceil(poolSize / 4));

/**
 * Single-statement reads on connections of their own (with a PostgreSQL server), so that a citizen looking for a
 * free time never waits for a connection behind bookings that wait on a lock or on the disk to commit. The
 * embedded engine has one session: there it is the ORM's.
 */
@Injectable()
export class ReadPool implements OnApplicationShutdown {
  private readonly logger = new Logger(ReadPool.name);
  private readonly pool?: pg.Pool;

  constructor(config: AppConfig, @InjectDataSource() private readonly dataSource: DataSource) {
    if (config.embedded) return;
    this.pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: readPoolSize(config.databasePoolSize),
      idleTimeoutMillis: 30_000,
      ...serverTimeouts(config),
    });
    // A connection that breaks while idle is dropped by the pool; without a listener it would end the process.
    this.pool.on('error', (error) => this.logger.warn({ msg: 'read connection lost', error: error.message }));
  }

  async query<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    if (!this.pool) return this.dataSource.query<T[]>(sql, parameters);
    return (await this.pool.query(sql, parameters)).rows as T[];
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.end();
  }
}
