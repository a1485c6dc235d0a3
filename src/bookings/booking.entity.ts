import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { AppointmentType, Centre } from '../centres/index.js';
import type { DocumentAdvice, DocumentType, Language, WitnessAdvice } from '../identity/index.js';
import type { CancelReasonCode } from '../notifications/index.js';

export type BookingStatus = 'booked' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';

/** A state as a sentence says it: "The appointment was marked as a no-show and cannot be checked in". */
export const OUTCOMES = ['mitid_issued', 'p_code_issued', 'refused', 'rebook_with_witness'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Encrypted at rest as one JSON document. */
export interface ApplicantPersonalData {
  fullName: string;
  email: string;
  phone: string | null;
  /** Ten digits, or null for an applicant without a CPR number. */
  cprNumber: string | null;
}

export interface WitnessPersonalData {
  fullName: string;
  cprNumber: string;
  phone: string | null;
}

@Entity('booking')
@Index('uq_booking_reference', ['reference'], { unique: true })
@Index('uq_booking_active_person', ['personKey'], {
  unique: true,
  where: `"status" IN ('booked', 'checked_in')`,
})
@Index('ix_booking_centre_starts', ['centreId', 'startsAt'])
@Index('ix_booking_cpr_hash', ['cprHash'])
// what the retention sweep may still erase: ended bookings whose personal data is kept
@Index('ix_booking_retention_due', ['endsAt'], {
  where: `"personal_data_erased_at" IS NULL AND "status" IN ('completed', 'cancelled', 'no_show')`,
})
@Check('ck_booking_status', `"status" IN ('booked', 'checked_in', 'completed', 'cancelled', 'no_show')`)
@Check('ck_booking_interval', `"starts_at" < "ends_at"`)
@Check('ck_booking_cancelled_by', `("status" = 'cancelled') = ("cancelled_by" IS NOT NULL)`)
@Check('ck_booking_outcome', `("status" = 'completed') = ("outcome" IS NOT NULL)`)
@Check('ck_booking_desks_needed', `"desks_needed" IN (1, 2)`)
@Check(
  'ck_booking_cancel_reason_code',
  `"cancel_reason_code" IN ('opening_hours_changed', 'closed_on_this_day', 'no_longer_takes_appointments', 'appointment_type_withdrawn')`,
)
export class Booking {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  reference: string;

  /** SHA-256 of the manage token; the token itself is shown once and never stored. */
  @Column({ name: 'manage_token_hash', type: 'text' })
  manageTokenHash: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId: string;

  @ManyToOne(() => Centre, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'centre_id' })
  centre: Relation<Centre>;

  @Column({ name: 'appointment_type_id', type: 'uuid' })
  appointmentTypeId: string;

  @ManyToOne(() => AppointmentType, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'appointment_type_id' })
  appointmentType: Relation<AppointmentType>;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  /** The grid cells this booking holds in slot_capacity, so that releasing it gives back exactly those. */
  @Column({ name: 'cell_starts', type: 'timestamptz', array: true })
  cellStarts: Date[];

  /** Desks held in each of those cells: 2 for a high-assurance type (two staff), kept as booked. */
  @Column({ name: 'desks_needed', type: 'integer', default: 1 })
  desksNeeded: number;

  @Column({ type: 'text', default: 'booked' })
  status: BookingStatus;

  /** Keyed hash of the CPR number, or of the e-mail when there is none: one active booking per person. */
  @Column({ name: 'person_key', type: 'text' })
  personKey: string;

  @Column({ name: 'cpr_hash', type: 'text', nullable: true })
  cprHash: string | null;

  /** Null once retention has erased the personal data. */
  @Column({ name: 'applicant_encrypted', type: 'text', nullable: true })
  applicantEncrypted: string | null;

  /** The manage token, encrypted, so that every e-mail about the booking can carry the manage link. */
  @Column({ name: 'manage_token_encrypted', type: 'text', nullable: true })
  manageTokenEncrypted: string | null;

  @Column({ name: 'personal_data_erased_at', type: 'timestamptz', nullable: true })
  personalDataErasedAt: Date | null;

  @Column({ type: 'text' })
  nationality: string;

  @Column({ name: 'country_of_residence', type: 'text' })
  countryOfResidence: string;

  @Column({ name: 'arrived_in_denmark_on', type: 'date', nullable: true })
  arrivedInDenmarkOn: string | null;

  @Column({ type: 'text' })
  language: Language;

  @Column({ type: 'jsonb' })
  documents: DocumentType[];

  @Column({ name: 'witness_encrypted', type: 'text', nullable: true })
  witnessEncrypted: string | null;

  @Column({ name: 'witness_cpr_hash', type: 'text', nullable: true })
  witnessCprHash: string | null;

  @Column({ name: 'witness_advice', type: 'jsonb' })
  witnessAdvice: WitnessAdvice;

  @Column({ name: 'document_advice', type: 'jsonb' })
  documentAdvice: DocumentAdvice;

  @Column({ name: 'cancelled_by', type: 'text', nullable: true })
  cancelledBy: 'citizen' | 'centre' | null;

  /** The system's reason when a calendar change cancelled it; the texts are in notifications. */
  @Column({ name: 'cancel_reason_code', type: 'text', nullable: true })
  cancelReasonCode: CancelReasonCode | null;

  /** An administrator's closure reason, as typed. */
  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: Outcome | null;

  @Column({ name: 'outcome_reason', type: 'text', nullable: true })
  outcomeReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
