import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

export const MESSAGE_KINDS = [
  'confirmation',
  'rescheduled',
  'cancelled_by_citizen',
  'cancelled_by_centre',
  'reminder',
  'witness_changed',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/**
 * An e-mail written in the same transaction as the booking change that causes it, and delivered from here
 * with retries. The rendered message (recipient, text, calendar file) is encrypted: it is personal data.
 */
@Entity('outbox_message')
@Index('uq_outbox_message_dedupe', ['dedupeKey'], { unique: true })
@Index('ix_outbox_message_due', ['nextAttemptAt'], { where: `"status" = 'pending'` })
@Index('ix_outbox_message_booking', ['bookingId'])
// what the retention sweep deletes by age
@Index('ix_outbox_message_done_created', ['createdAt'], { where: `"status" <> 'pending'` })
@Check('ck_outbox_message_status', `"status" IN ('pending', 'sent', 'failed')`)
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // By the table's name: the outbox knows that a message belongs to a booking, not the bookings capability.
  @Column({ name: 'booking_id', type: 'uuid' })
  @ForeignKey('booking', { name: 'fk_outbox_message_booking', onDelete: 'CASCADE' })
  bookingId: string;

  @Column({ type: 'text' })
  kind: MessageKind;

  /** One message per cause: a reminder for one appointment time is written once, whoever writes it. */
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @Column({ name: 'content_encrypted', type: 'text', nullable: true })
  contentEncrypted: string | null;

  @Column({ type: 'text', default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  /** A delivering instance holds the message until then; if it dies, another takes over afterwards. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
