import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { Centre } from '../centres/index.js';

import type { Role } from '../auth/index.js';

@Entity('app_user')
@Index('uq_app_user_email', ['email'], { unique: true })
@Check('ck_app_user_role', `"role" IN ('admin', 'staff')`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased. */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @ManyToMany(() => Centre)
  @JoinTable({
    name: 'user_centre',
    joinColumn: { name: 'user_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'centre_id', referencedColumnName: 'id' },
  })
  centres: Relation<Centre[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
