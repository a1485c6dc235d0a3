import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Booking } from './booking.entity.js';

/** An Idempotency-Key seen on POST /api/bookings, with the answer to give when the same request comes again. */
@Entity('idempotency_record')
@Index('ix_idempotency_record_created', ['createdAt'])
@Index('ix_idempotency_record_booking', ['bookingId'])
export class IdempotencyRecord {
  /** Keyed hash of the client's key. */
  @PrimaryColumn({ type: 'text' })
  key: string;

  /** SHA-256 of the canonical request body: the same key with another body is refused. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ name: 'booking_id', type: 'uuid' })
  @ForeignKey(() => Booking, { name: 'fk_idempotency_record_booking', onDelete: 'CASCADE' })
  bookingId: string;

  /** The first response (it holds the manage token), encrypted. */
  @Column({ name: 'response_encrypted', type: 'text' })
  responseEncrypted: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
