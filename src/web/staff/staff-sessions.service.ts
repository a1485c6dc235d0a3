import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersService } from '../../accounts/index.js';
import type { AuthUser } from '../../auth/index.js';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';
import { StaffSession } from './staff-session.entity.js';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The staff pages' sessions, kept in PostgreSQL so that every instance sees a sign-out at once. */
@Injectable()
export class StaffSessions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** A new session for the account; returns the token for the cookie (256 bits: a plain hash is safe to keep). */
  async open(user: AuthUser): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now().toJSDate();
    await this.dataSource.manager.insert(StaffSession, {
      tokenHash: hashOf(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
    });
    return token;
  }

  /** The active account behind a token, touching the session; an idle, too old or disabled one ends here. */
  async resolve(token: string | undefined): Promise<AuthUser | undefined> {
    if (!token || token.length > 100) return undefined;
    const now = this.clock.now();
    const tokenHash = hashOf(token);
    // one statement: a session past either limit is never touched back to life by a racing request
    const rows = await this.dataSource.query<{ user_id: string }[]>(
      `WITH touched AS (UPDATE staff_session SET last_seen_at = $2
        WHERE token_hash = $1 AND last_seen_at > $3 AND created_at > $4 RETURNING user_id)
       SELECT user_id FROM touched`,
      [
        tokenHash,
        now.toJSDate(),
        now.minus({ minutes: this.config.sessionIdleMinutes }).toJSDate(),
        now.minus({ hours: this.config.sessionMaxHours }).toJSDate(),
      ],
    );
    const userId = rows[0]?.user_id;
    if (!userId) {
      await this.end(token);
      return undefined;
    }
    const user = await this.users.findActive(userId);
    if (!user) {
      await this.endAllFor(userId);
      return undefined;
    }
    return user;
  }

  async end(token: string): Promise<void> {
    await this.dataSource.manager.delete(StaffSession, { tokenHash: hashOf(token) });
  }

  /** Ends every session of an account (when it is disabled, or its password changes). */
  async endAllFor(userId: string): Promise<void> {
    await this.dataSource.manager.delete(StaffSession, { userId });
  }
}
