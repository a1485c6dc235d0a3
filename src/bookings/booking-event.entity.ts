import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Booking } from './booking.entity.js';

/** Every state change of a booking, with who and when; rows are only ever inserted. */
@Entity('booking_event')
@Index('ix_booking_event_booking', ['bookingId', 'at'])
export class BookingEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'booking_id', type: 'uuid' })
  @ForeignKey(() => Booking, { name: 'fk_booking_event_booking', onDelete: 'RESTRICT' })
  bookingId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** 'citizen', 'system', or 'user:<id>'. */
  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'text' })
  action: string;

  /** Never personal data: statuses, times, reasons. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  detail: Record<string, unknown>;
}
