import { MigrationInterface, QueryRunner } from 'typeorm';

/** Queue numbers per centre and local day, held unique by an index, and the day's counter that gives them out. */
export class QueueTickets1764640800000 implements MigrationInterface {
  name = 'QueueTickets1764640800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "queue_ticket" ("booking_id" uuid NOT NULL, "centre_id" uuid NOT NULL, "local_date" date NOT NULL, "number" integer NOT NULL, "checked_in_at" TIMESTAMP WITH TIME ZONE NOT NULL, "called_at" TIMESTAMP WITH TIME ZONE, "desk" text, "calls" integer NOT NULL DEFAULT '0', "served_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_165342ebceaf360b46e020d734d" PRIMARY KEY ("booking_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_queue_ticket_called" ON "queue_ticket"  ("centre_id", "local_date", "called_at") WHERE "called_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_queue_ticket_waiting" ON "queue_ticket"  ("centre_id", "local_date", "checked_in_at") WHERE "called_at" IS NULL AND "served_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_queue_ticket_number" ON "queue_ticket"  ("centre_id", "local_date", "number")`,
    );
    await queryRunner.query(
      `CREATE TABLE "queue_day" ("centre_id" uuid NOT NULL, "local_date" date NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "PK_8229d859779e71992e2dada54db" PRIMARY KEY ("centre_id", "local_date"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "queue_ticket" ADD CONSTRAINT "fk_queue_ticket_booking" FOREIGN KEY ("booking_id") REFERENCES "booking"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "queue_ticket" ADD CONSTRAINT "fk_queue_ticket_centre" FOREIGN KEY ("centre_id") REFERENCES "centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "queue_day" ADD CONSTRAINT "fk_queue_day_centre" FOREIGN KEY ("centre_id") REFERENCES "centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "queue_day"`);
    await queryRunner.query(`DROP TABLE "queue_ticket"`);
  }
}
