import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Booking } from '../bookings/index.js';
import type { ControlQuestions, DocumentType, IdentityProblem } from '../identity/index.js';

/** One identity check at the desk, as recorded; the latest one of a booking is the one that counts. */
@Entity('identity_check')
@Index('ix_identity_check_booking', ['bookingId', 'at'])
@Index('ix_identity_check_person', ['personKey', 'at'])
@Index('ix_identity_check_witness', ['witnessCprHash', 'at'], { where: `"witness_verified"` })
// the checks whose witness hash retention has still to clear
@Index('ix_identity_check_witness_hash_at', ['at'], { where: `"witness_cpr_hash" IS NOT NULL` })
export class IdentityCheck {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'booking_id', type: 'uuid' })
  @ForeignKey(() => Booking, { name: 'fk_identity_check_booking', onDelete: 'RESTRICT' })
  bookingId: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId: string;

  /** The applicant's keyed hash, as on the booking: a failed check follows the person to the next booking. */
  @Column({ name: 'person_key', type: 'text' })
  personKey: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'jsonb' })
  documents: { type: DocumentType; valid: boolean }[];

  @Column({ name: 'control_questions', type: 'text' })
  controlQuestions: ControlQuestions;

  @Column({ name: 'documents_sufficient', type: 'boolean' })
  documentsSufficient: boolean;

  @Column({ name: 'witness_verified', type: 'boolean' })
  witnessVerified: boolean;

  /** Keyed hash of the witness's CPR number: counts acts as witness across centres, never the number in clear. */
  @Column({ name: 'witness_cpr_hash', type: 'text', nullable: true })
  witnessCprHash: string | null;

  @Column({ name: 'identity_established', type: 'boolean' })
  identityEstablished: boolean;

  @Column({ name: 'witness_required_next_time', type: 'boolean' })
  witnessRequiredNextTime: boolean;

  @Column({ type: 'jsonb' })
  problems: IdentityProblem[];
}
