import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1764028800000 implements MigrationInterface {
  name = 'Init1764028800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "appointment_type" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centre_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "duration_minutes" integer NOT NULL, "active" boolean NOT NULL DEFAULT true, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_appointment_type_duration" CHECK ("duration_minutes" BETWEEN 5 AND 480), CONSTRAINT "PK_c2c6d743b2dc3aa4b46f4cb99f8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_appointment_type_code" ON "appointment_type"  ("centre_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "opening_hours" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centre_id" uuid NOT NULL, "weekday" smallint NOT NULL, "opens" TIME NOT NULL, "closes" TIME NOT NULL, "desks" integer NOT NULL, CONSTRAINT "ck_opening_hours_desks" CHECK ("desks" BETWEEN 1 AND 100), CONSTRAINT "ck_opening_hours_interval" CHECK ("opens" < "closes"), CONSTRAINT "ck_opening_hours_weekday" CHECK ("weekday" BETWEEN 1 AND 7), CONSTRAINT "PK_09415e2b345103b1f5971464f85" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_opening_hours_centre" ON "opening_hours"  ("centre_id", "weekday") `,
    );
    await queryRunner.query(
      `CREATE TABLE "centre" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "address" text NOT NULL, "municipality" text NOT NULL, "time_zone" text NOT NULL DEFAULT 'Europe/Copenhagen', "contact_email" text, "contact_phone" text, "active" boolean NOT NULL DEFAULT true, "witness_policy" text NOT NULL DEFAULT 'recommend', "offers_high_assurance" boolean NOT NULL DEFAULT false, "slot_minutes" integer NOT NULL, "booking_horizon_days" integer NOT NULL, "min_notice_hours" integer NOT NULL, "cancellation_cutoff_hours" integer NOT NULL DEFAULT '0', "open_on_constitution_day" boolean NOT NULL DEFAULT false, "open_on_christmas_eve" boolean NOT NULL DEFAULT false, "open_on_new_years_eve" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_centre_witness_policy" CHECK ("witness_policy" IN ('recommend', 'require')), CONSTRAINT "ck_centre_cutoff" CHECK ("cancellation_cutoff_hours" BETWEEN 0 AND 720), CONSTRAINT "ck_centre_notice" CHECK ("min_notice_hours" BETWEEN 0 AND 720), CONSTRAINT "ck_centre_horizon" CHECK ("booking_horizon_days" BETWEEN 1 AND 366), CONSTRAINT "ck_centre_slot_minutes" CHECK ("slot_minutes" IN (5, 10, 15, 20, 30, 60)), CONSTRAINT "PK_935b270f171eab8dc96443baeb3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_app_user_role" CHECK ("role" IN ('admin', 'staff')), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_email" ON "app_user"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "closure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centre_id" uuid NOT NULL, "from_date" date NOT NULL, "to_date" date NOT NULL, "start_time" TIME, "end_time" TIME, "reason" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_closure_times" CHECK (("start_time" IS NULL) = ("end_time" IS NULL) AND ("start_time" IS NULL OR "start_time" < "end_time")), CONSTRAINT "ck_closure_dates" CHECK ("from_date" <= "to_date"), CONSTRAINT "PK_320f18692cc9062c46e6081d808" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_closure_centre_dates" ON "closure"  ("centre_id", "from_date", "to_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "slot_capacity" ("centre_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "desks" integer NOT NULL, "booked" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_slot_capacity_booked" CHECK ("booked" >= 0 AND "booked" <= "desks"), CONSTRAINT "PK_853a8f57b5f2f1c58f185ac8117" PRIMARY KEY ("centre_id", "starts_at"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "user_centre" ("user_id" uuid NOT NULL, "centre_id" uuid NOT NULL, CONSTRAINT "PK_fe75159cb03fb89c9d046d8b36a" PRIMARY KEY ("user_id", "centre_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_aa4a70143648ab91b3daf66fa9" ON "user_centre"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_0905d1b709d2e8170c4ad73ec6" ON "user_centre"  ("centre_id") `);
    await queryRunner.query(
      `ALTER TABLE "appointment_type" ADD CONSTRAINT "FK_5229c1f6db69198a2b34f836ac5" FOREIGN KEY ("centre_id") REFERENCES "centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opening_hours" ADD CONSTRAINT "FK_72dbefcc83bc28fafc8b6a5e53c" FOREIGN KEY ("centre_id") REFERENCES "centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "closure" ADD CONSTRAINT "FK_92af022493ed46060081616ac17" FOREIGN KEY ("centre_id") REFERENCES "centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "slot_capacity" ADD CONSTRAINT "FK_3612245921cd60d689361c1e797" FOREIGN KEY ("centre_id") REFERENCES "centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_centre" ADD CONSTRAINT "FK_aa4a70143648ab91b3daf66fa9c" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_centre" ADD CONSTRAINT "FK_0905d1b709d2e8170c4ad73ec65" FOREIGN KEY ("centre_id") REFERENCES "centre"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `CREATE TABLE "rate_limit_bucket" ("key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, CONSTRAINT "PK_f1310cfeb2b77745eb48247c6c7" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rate_limit_bucket_window" ON "rate_limit_bucket"  ("window_start") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'rate_limit_bucket',
      'user_centre',
      'slot_capacity',
      'closure',
      'opening_hours',
      'appointment_type',
      'app_user',
      'centre',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
