import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { Centre } from './centre.entity.js';

@Entity('closure')
@Index('ix_closure_centre_dates', ['centreId', 'fromDate', 'toDate'])
@Check('ck_closure_dates', `"from_date" <= "to_date"`)
@Check(
  'ck_closure_times',
  `("start_time" IS NULL) = ("end_time" IS NULL) AND ("start_time" IS NULL OR "start_time" < "end_time")`,
)
export class Closure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId: string;

  @ManyToOne(() => Centre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centre_id' })
  centre: Relation<Centre>;

  @Column({ name: 'from_date', type: 'date' })
  fromDate: string;

  @Column({ name: 'to_date', type: 'date' })
  toDate: string;

  /** Both null: the whole day; both set: that part of each day in the range (local time). */
  @Column({ name: 'start_time', type: 'time', nullable: true })
  startTime: string | null;

  @Column({ name: 'end_time', type: 'time', nullable: true })
  endTime: string | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
