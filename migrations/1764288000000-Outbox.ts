import { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1764288000000 implements MigrationInterface {
  name = 'Outbox1764288000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outbox_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "booking_id" uuid NOT NULL, "kind" text NOT NULL, "dedupe_key" text NOT NULL, "content_encrypted" text, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "lease_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_outbox_message_status" CHECK ("status" IN ('pending', 'sent', 'failed')), CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_outbox_message_booking" ON "outbox_message"  ("booking_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_message_due" ON "outbox_message"  ("next_attempt_at") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_outbox_message_dedupe" ON "outbox_message"  ("dedupe_key") `,
    );
    await queryRunner.query(`ALTER TABLE "booking" ADD "manage_token_encrypted" text`);
    await queryRunner.query(`ALTER TABLE "booking" ADD "personal_data_erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "booking" ALTER COLUMN "applicant_encrypted" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outbox_message"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP COLUMN "personal_data_erased_at"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP COLUMN "manage_token_encrypted"`);
    await queryRunner.query(`ALTER TABLE "booking" ALTER COLUMN "applicant_encrypted" SET NOT NULL`);
  }
}
