import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hourly retention sweep finds what is due through indexes that hold only what it may still have to do (ended
 * bookings whose personal data is kept, checks with a witness hash, messages sent or given up by age), so its cost stays the same however many
 * years of erased bookings and old checks the tables keep.
 */
export class RetentionSweepIndexes1764892800000 implements MigrationInterface {
  name = 'RetentionSweepIndexes1764892800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_booking_retention_due" ON "booking"  ("ends_at") WHERE "personal_data_erased_at" IS NULL AND "status" IN ('completed', 'cancelled', 'no_show')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_identity_check_witness_hash_at" ON "identity_check"  ("at") WHERE "witness_cpr_hash" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_message_done_created" ON "outbox_message"  ("created_at") WHERE "status" <> 'pending'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_outbox_message_done_created"`);
    await queryRunner.query(`DROP INDEX "ix_identity_check_witness_hash_at"`);
    await queryRunner.query(`DROP INDEX "ix_booking_retention_due"`);
  }
}
