import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Centre } from './centre.entity.js';

@Entity('opening_hours')
@Index('ix_opening_hours_centre', ['centreId', 'weekday'])
@Check('ck_opening_hours_weekday', `"weekday" BETWEEN 1 AND 7`)
@Check('ck_opening_hours_interval', `"opens" < "closes"`)
@Check('ck_opening_hours_desks', `"desks" BETWEEN 1 AND 100`)
export class OpeningHours {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId: string;

  @ManyToOne(() => Centre, (centre) => centre.openingHours, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centre_id' })
  centre: Relation<Centre>;

  /** ISO weekday, 1 = Monday. */
  @Column({ type: 'smallint' })
  weekday: number;

  /** Local wall-clock time in the centre's zone, HH:mm. */
  @Column({ type: 'time' })
  opens: string;

  @Column({ type: 'time' })
  closes: string;

  @Column({ type: 'integer' })
  desks: number;
}
