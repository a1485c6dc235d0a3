import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Request counts per client and minute, in the database so that every app instance counts together. */
@Entity('rate_limit_bucket')
@Index('ix_rate_limit_bucket_window', ['windowStart'])
export class RateLimitBucket {
  /** `<limit>:<keyed hash of the client address>:<window>`; the address itself is not stored. */
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'integer' })
  hits: number;
}
