import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An appointment type may be high assurance (MitID High: two staff), and a booking keeps the desks it holds in
 * each cell, so that releasing or moving it gives back what it took whatever its type becomes.
 */
export class HighAssurance1764633600000 implements MigrationInterface {
  name = 'HighAssurance1764633600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "appointment_type" ADD "high_assurance" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "booking" ADD "desks_needed" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(
      `ALTER TABLE "booking" ADD CONSTRAINT "ck_booking_desks_needed" CHECK ("desks_needed" IN (1, 2))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "ck_booking_desks_needed"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP COLUMN "desks_needed"`);
    await queryRunner.query(`ALTER TABLE "appointment_type" DROP COLUMN "high_assurance"`);
  }
}
