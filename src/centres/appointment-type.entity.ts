import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Centre } from './centre.entity.js';

@Entity('appointment_type')
@Index('uq_appointment_type_code', ['centreId', 'code'], { unique: true })
@Check('ck_appointment_type_duration', `"duration_minutes" BETWEEN 5 AND 480`)
export class AppointmentType {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId: string;

  @ManyToOne(() => Centre, (centre) => centre.appointmentTypes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centre_id' })
  centre: Relation<Centre>;

  @Column({ type: 'text' })
  code: string;

  /** In Danish, as the centre's own pages and Danish e-mails name it. */
  @Column({ type: 'text' })
  name: string;

  /** In English, for English e-mails; without it they use `name`. */
  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  /** MitID High: two staff, so a booking of it holds two desks in every cell it covers. */
  @Column({ name: 'high_assurance', type: 'boolean', default: false })
  highAssurance: boolean;

  /** Types dropped from the list are retired, not deleted, so bookings keep what they were booked as. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 0 })
  position: number;
}
