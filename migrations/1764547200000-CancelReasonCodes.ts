import { MigrationInterface, QueryRunner } from 'typeorm';

/** The system's reasons for a centre's cancellation, until now stored as their English text. */
const CODES: [code: string, english: string][] = [
  ['opening_hours_changed', 'The centre has changed its opening hours'],
  ['closed_on_this_day', 'The centre is closed on this day'],
  ['no_longer_takes_appointments', 'The centre no longer takes appointments'],
];

/**
 * A centre's cancellation keeps the system's reason as a code (written in the citizen's language when a page or
 * e-mail shows it); `cancel_reason` keeps only what an administrator typed. Existing rows move over here, once.
 */
export class CancelReasonCodes1764547200000 implements MigrationInterface {
  name = 'CancelReasonCodes1764547200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking" ADD "cancel_reason_code" text`);
    for (const [code, english] of CODES) {
      await queryRunner.query(
        `UPDATE "booking" SET "cancel_reason_code" = $1, "cancel_reason" = NULL WHERE "cancel_reason" = $2`,
        [code, english],
      );
    }
    await queryRunner.query(
      `ALTER TABLE "booking" ADD CONSTRAINT "ck_booking_cancel_reason_code" CHECK ("cancel_reason_code" IN ('opening_hours_changed', 'closed_on_this_day', 'no_longer_takes_appointments'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "ck_booking_cancel_reason_code"`);
    for (const [code, english] of CODES) {
      await queryRunner.query(`UPDATE "booking" SET "cancel_reason" = $2 WHERE "cancel_reason_code" = $1`, [
        code,
        english,
      ]);
    }
    await queryRunner.query(`ALTER TABLE "booking" DROP COLUMN "cancel_reason_code"`);
  }
}
