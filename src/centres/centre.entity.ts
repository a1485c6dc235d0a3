import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { AppointmentType } from './appointment-type.entity.js';
import { OpeningHours } from './opening-hours.entity.js';

export type WitnessPolicy = 'recommend' | 'require';

@Entity('centre')
@Check('ck_centre_slot_minutes', `"slot_minutes" IN (5, 10, 15, 20, 30, 60)`)
@Check('ck_centre_horizon', `"booking_horizon_days" BETWEEN 1 AND 366`)
@Check('ck_centre_notice', `"min_notice_hours" BETWEEN 0 AND 720`)
@Check('ck_centre_cutoff', `"cancellation_cutoff_hours" BETWEEN 0 AND 720`)
@Check('ck_centre_witness_policy', `"witness_policy" IN ('recommend', 'require')`)
export class Centre {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'text' })
  municipality: string;

  @Column({ name: 'time_zone', type: 'text', default: 'Europe/Copenhagen' })
  timeZone: string;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'witness_policy', type: 'text', default: 'recommend' })
  witnessPolicy: WitnessPolicy;

  @Column({ name: 'offers_high_assurance', type: 'boolean', default: false })
  offersHighAssurance: boolean;

  @Column({ name: 'slot_minutes', type: 'integer' })
  slotMinutes: number;

  @Column({ name: 'booking_horizon_days', type: 'integer' })
  bookingHorizonDays: number;

  @Column({ name: 'min_notice_hours', type: 'integer' })
  minNoticeHours: number;

  @Column({ name: 'cancellation_cutoff_hours', type: 'integer', default: 0 })
  cancellationCutoffHours: number;

  /** 5 June (Grundlovsdag), 24 and 31 December are no public holidays; each centre decides. */
  @Column({ name: 'open_on_constitution_day', type: 'boolean', default: false })
  openOnConstitutionDay: boolean;

  @Column({ name: 'open_on_christmas_eve', type: 'boolean', default: false })
  openOnChristmasEve: boolean;

  @Column({ name: 'open_on_new_years_eve', type: 'boolean', default: false })
  openOnNewYearsEve: boolean;

  /** Raised by database triggers on every change to the centre, its types, hours or closures (cache check). */
  @Column({ name: 'calendar_version', type: 'integer', default: 1 })
  calendarVersion: number;

  @OneToMany(() => AppointmentType, (type) => type.centre)
  appointmentTypes: Relation<AppointmentType[]>;

  @OneToMany(() => OpeningHours, (hours) => hours.centre)
  openingHours: Relation<OpeningHours[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
