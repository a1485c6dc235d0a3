import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A signed-in staff page session; only the SHA-256 of its token is kept, so a database copy opens none. */
@Entity('staff_session')
@Index('ix_staff_session_user', ['userId'])
export class StaffSession {
  @PrimaryColumn({ name: 'token_hash', type: 'text', primaryKeyConstraintName: 'pk_staff_session' })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;
}
