import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Everything recorded about a booking points at it: its history, identity checks, e-mails and idempotency record
 * cannot name a booking that does not exist, and go with it if a booking is ever deleted.
 */
export class BookingForeignKeys1764460800000 implements MigrationInterface {
  name = 'BookingForeignKeys1764460800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['booking_event', 'idempotency_record', 'identity_check', 'outbox_message']) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}_booking" FOREIGN KEY ("booking_id") REFERENCES "booking"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['outbox_message', 'identity_check', 'idempotency_record', 'booking_event']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "fk_${table}_booking"`);
    }
  }
}
