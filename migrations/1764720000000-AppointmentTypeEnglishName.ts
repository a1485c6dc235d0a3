import { MigrationInterface, QueryRunner } from 'typeorm';

/** An appointment type's English name beside its Danish one, so that an English e-mail names it in English. */
export class AppointmentTypeEnglishName1764720000000 implements MigrationInterface {
  name = 'AppointmentTypeEnglishName1764720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "appointment_type" ADD "name_en" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "appointment_type" DROP COLUMN "name_en"`);
  }
}
