import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Booking } from '../bookings/index.js';
import { Centre } from '../centres/index.js';

/** The queue number a checked-in applicant waits with, and where and when it was last called. */
@Entity('queue_ticket')
@Index('uq_queue_ticket_number', ['centreId', 'localDate', 'number'], { unique: true })
@Index('ix_queue_ticket_waiting', ['centreId', 'localDate', 'checkedInAt'], {
  where: `"called_at" IS NULL AND "served_at" IS NULL`,
})
@Index('ix_queue_ticket_called', ['centreId', 'localDate', 'calledAt'], { where: `"called_at" IS NOT NULL` })
export class QueueTicket {
  @PrimaryColumn({ name: 'booking_id', type: 'uuid' })
  @ForeignKey(() => Booking, { name: 'fk_queue_ticket_booking', onDelete: 'CASCADE' })
  bookingId: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  @ForeignKey(() => Centre, { name: 'fk_queue_ticket_centre', onDelete: 'CASCADE' })
  centreId: string;

  /** The centre's local day of the check-in: numbers start again at 1 each day. */
  @Column({ name: 'local_date', type: 'date' })
  localDate: string;

  @Column({ type: 'integer' })
  number: number;

  @Column({ name: 'checked_in_at', type: 'timestamptz' })
  checkedInAt: Date;

  @Column({ name: 'called_at', type: 'timestamptz', nullable: true })
  calledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  desk: string | null;

  @Column({ type: 'integer', default: 0 })
  calls: number;

  @Column({ name: 'served_at', type: 'timestamptz', nullable: true })
  servedAt: Date | null;
}

/** The last number given out at a centre on a day; its upsert hands out the next one atomically. */
@Entity('queue_day')
export class QueueDay {
  @PrimaryColumn({ name: 'centre_id', type: 'uuid' })
  @ForeignKey(() => Centre, { name: 'fk_queue_day_centre', onDelete: 'CASCADE' })
  centreId: string;

  @PrimaryColumn({ name: 'local_date', type: 'date' })
  localDate: string;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber: number;
}
