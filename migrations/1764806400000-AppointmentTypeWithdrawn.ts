import { MigrationInterface, QueryRunner } from 'typeorm';

/** A centre's cancellation may now say that the centre no longer offers the booking's appointment type. */
export class AppointmentTypeWithdrawn1764806400000 implements MigrationInterface {
  name = 'AppointmentTypeWithdrawn1764806400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "ck_booking_cancel_reason_code"`);
    await queryRunner.query(
      `ALTER TABLE "booking" ADD CONSTRAINT "ck_booking_cancel_reason_code" CHECK ("cancel_reason_code" IN ('opening_hours_changed', 'closed_on_this_day', 'no_longer_takes_appointments', 'appointment_type_withdrawn'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "ck_booking_cancel_reason_code"`);
    await queryRunner.query(
      `ALTER TABLE "booking" ADD CONSTRAINT "ck_booking_cancel_reason_code" CHECK ("cancel_reason_code" IN ('opening_hours_changed', 'closed_on_this_day', 'no_longer_takes_appointments'))`,
    );
  }
}
