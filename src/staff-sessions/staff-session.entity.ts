import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { User } from '../accounts/index.js';

/** A signed-in staff web session; only the token's hash is kept, so a copy of the table opens no session. */
@Entity('staff_session')
@Index('ix_staff_session_user', ['userId'], { where: `"ended_at" IS NULL` })
export class StaffSession {
  /** SHA-256 of the session token, hex. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => User, { name: 'fk_staff_session_user', onDelete: 'CASCADE' })
  userId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
