import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A centre's calendar revision, kept by the database: any change to the centre row, its appointment types, its
 * opening hours or its closures raises `calendar_version`, so a cached calendar can be checked in the same query
 * that locks or reads the centre, by every app instance.
 */
export class CalendarVersion1764374400000 implements MigrationInterface {
  name = 'CalendarVersion1764374400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "centre" ADD "calendar_version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`
      CREATE FUNCTION centre_calendar_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.calendar_version := OLD.calendar_version + 1;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER centre_calendar_version BEFORE UPDATE ON "centre"
      FOR EACH ROW EXECUTE FUNCTION centre_calendar_version_bump()`);
    await queryRunner.query(`
      CREATE FUNCTION centre_calendar_part_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE "centre" SET calendar_version = calendar_version + 1 WHERE id = OLD.centre_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.centre_id IS DISTINCT FROM OLD.centre_id) THEN
          UPDATE "centre" SET calendar_version = calendar_version + 1 WHERE id = NEW.centre_id;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['appointment_type', 'opening_hours', 'closure']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_calendar_version AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION centre_calendar_part_changed()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['appointment_type', 'opening_hours', 'closure']) {
      await queryRunner.query(`DROP TRIGGER ${table}_calendar_version ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION centre_calendar_part_changed()`);
    await queryRunner.query(`DROP TRIGGER centre_calendar_version ON "centre"`);
    await queryRunner.query(`DROP FUNCTION centre_calendar_version_bump()`);
    await queryRunner.query(`ALTER TABLE "centre" DROP COLUMN "calendar_version"`);
  }
}
