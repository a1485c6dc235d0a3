import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff web sessions kept server-side: the token's hash, whose they are, and when they were used and ended. */
export class StaffSessions1764648000000 implements MigrationInterface {
  name = 'StaffSessions1764648000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "staff_session" ("id" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f6ff7fdf4bb47ace7981adbcdee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_staff_session_user" ON "staff_session"  ("user_id") WHERE "ended_at" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_session" ADD CONSTRAINT "fk_staff_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "staff_session"`);
  }
}
