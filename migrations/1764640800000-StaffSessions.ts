import { MigrationInterface, QueryRunner } from 'typeorm';

/** Server-side sessions of the staff pages: a token's hash, its account, when it began and was last used. */
export class StaffSessions1764640800000 implements MigrationInterface {
  name = 'StaffSessions1764640800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "staff_session" ("token_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_staff_session" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_staff_session_user" ON "staff_session" ("user_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "staff_session"`);
  }
}
