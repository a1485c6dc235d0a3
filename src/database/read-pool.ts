import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { unavailableReason } from '../common/database-unavailable.js';
import { serverTimeouts } from './data-source-options.js';

/** Read connections beside the main pool: a quarter as many, at least two. */
export const readPoolSize = (poolSize: number) => Math.max(2, Math.ceil(poolSize / 4));

/** How long the replica is left alone after it failed, the reads going to the server meanwhile. */
const REPLICA_RETRY_MS = 5000;

/**
 * Single-statement reads on connections of their own (with a PostgreSQL server), so that a citizen looking for a
 * free time never waits for a connection behind bookings that wait on a lock or on the disk to commit. With
 * DATABASE_REPLICA_URL they go to that replica (a booking is still decided on the server, so a read a moment behind
 * can only offer a time that then answers 409), and to the server while the replica is out of reach. The
 * embedded engine has one session: there it is the ORM's.
 */
@Injectable()
export class ReadPool implements OnApplicationShutdown {
  private readonly logger = new Logger(ReadPool.name);
  private readonly pool?: pg.Pool;
  private readonly replica?: pg.Pool;
  private replicaDownUntil = 0;

  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    if (config.embedded) return;
    const open = (connectionString: string | undefined, name: string) => {
      const pool = new pg.Pool({
        connectionString,
        max: readPoolSize(config.databasePoolSize),
        idleTimeoutMillis: 30_000,
        ...serverTimeouts(config),
      });
      // A connection that breaks while idle is dropped by the pool; without a listener it would end the process.
      pool.on('error', (error) => this.logger.warn({ msg: `${name} connection lost`, error: error.message }));
      return pool;
    };
    this.pool = open(config.databaseUrl, 'read');
    if (config.databaseReplicaUrl) this.replica = open(config.databaseReplicaUrl, 'replica');
  }

  async query<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    if (!this.pool) return this.dataSource.query<T[]>(sql, parameters);
    if (this.replica && Date.now() >= this.replicaDownUntil) {
      try {
        return (await this.replica.query(sql, parameters)).rows as T[];
      } catch (error) {
        // 40001 on a standby: the statement was cancelled by a conflict with the replay of the server's changes
        const reason =
          unavailableReason(error) ??
          ((error as { code?: string }).code === '40001' ? 'conflict' : undefined);
        if (!reason) throw error;
        this.replicaDownUntil = Date.now() + REPLICA_RETRY_MS;
        this.logger.warn({ msg: 'replica out of reach; reading from the server', reason });
      }
    }
    return (await this.pool.query(sql, parameters)).rows as T[];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.pool?.end(), this.replica?.end()]);
  }
}
