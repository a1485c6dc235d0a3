import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Centre } from '../centres/index.js';

/**
 * One row per bookable grid cell that holds at least one booking. A booking takes its cells with row locks in
 * time order and raises `booked`; the CHECK makes overbooking impossible whatever the application does.
 */
@Entity('slot_capacity')
@Check('ck_slot_capacity_booked', `"booked" >= 0 AND "booked" <= "desks"`)
export class SlotCapacity {
  @PrimaryColumn({ name: 'centre_id', type: 'uuid' })
  centreId: string;

  @ManyToOne(() => Centre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centre_id' })
  centre: Relation<Centre>;

  @PrimaryColumn({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'integer' })
  desks: number;

  @Column({ type: 'integer', default: 0 })
  booked: number;
}
