import { DataSource } from 'typeorm';

/** SQL that would bring the migrated schema in line with the entities; empty when they agree. */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}
