import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { IN_MEMORY } from '../config/app-config.js';
import { DataDirLock } from './data-dir-lock.js';

/** The in-process PostgreSQL (PGlite) used when DATABASE_URL is unset. */
export class EmbeddedDatabase {
  private constructor(
    readonly pglite: PGlite,
    private readonly lock?: DataDirLock,
  ) {}

  static async open(dataDir: string, snapshot?: Blob): Promise<EmbeddedDatabase> {
    const inMemory = dataDir === IN_MEMORY;
    const lock = inMemory ? undefined : DataDirLock.acquire(dataDir);
    try {
      const pglite = await PGlite.create(inMemory ? undefined : `${dataDir}/pgdata`, {
        loadDataDir: snapshot,
      });
      return new EmbeddedDatabase(pglite, lock);
    } catch (error) {
      lock?.release();
      throw error;
    }
  }

  /** node-postgres options that route every query to this engine through a pool of one. */
  pgOptions(): object {
    return createPgConfig(this.pglite);
  }

  async close(): Promise<void> {
    try {
      // a checkpoint first, so that the next start need not replay the log
      if (!this.pglite.closed) {
        await this.pglite.exec('CHECKPOINT');
        await this.pglite.close();
      }
    } finally {
      this.lock?.release();
    }
  }
}
