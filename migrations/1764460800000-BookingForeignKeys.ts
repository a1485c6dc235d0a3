import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Everything recorded about a booking points at it: its history, identity checks, e-mails and idempotency record
 * cannot name a booking that does not exist. The history and identity checks are evidence (the witness limit
 * counts the checks), so they keep a booking from being deleted; its e-mails and idempotency record go with it.
 */
const KEYS: [table: string, onDelete: 'RESTRICT' | 'CASCADE'][] = [
  ['booking_event', 'RESTRICT'],
  ['identity_check', 'RESTRICT'],
  ['outbox_message', 'CASCADE'],
  ['idempotency_record', 'CASCADE'],
];

export class BookingForeignKeys1764460800000 implements MigrationInterface {
  name = 'BookingForeignKeys1764460800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, onDelete] of KEYS) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}_booking" FOREIGN KEY ("booking_id") REFERENCES "booking"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }
    await queryRunner.query(
      `CREATE INDEX "ix_idempotency_record_booking" ON "idempotency_record" ("booking_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_idempotency_record_booking"`);
    for (const [table] of KEYS) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "fk_${table}_booking"`);
    }
  }
}
