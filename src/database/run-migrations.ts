import { DataSource } from 'typeorm';

const MIGRATION_LOCK = 7_405_118_201;

/** Applies pending migrations; on a server, under an advisory lock so instances starting together take turns. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const poolOfOne = dataSource.driver.options.poolSize === 1;
  if (poolOfOne) {
    // The embedded engine: one process per data directory, and a held lock connection would starve the pool.
    return (await dataSource.runMigrations({ transaction: 'all' })).map((m) => m.name);
  }
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return (await dataSource.runMigrations({ transaction: 'all' })).map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
