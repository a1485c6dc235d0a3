import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoginService, UsersService } from '../accounts/index.js';
import type { AuthUser } from '../auth/index.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';

export interface StartedSession {
  /** Goes to the browser (an HttpOnly cookie); the server keeps only its hash. */
  token: string;
  user: AuthUser;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Staff web sessions kept in PostgreSQL: they end when idle too long, when too old, or when the account is disabled. */
@Injectable()
export class StaffSessions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly login: LoginService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** The same password check as the API login; the sign-in route throttles it with @RateLimit('login'). */
  async start(email: string, password: string): Promise<StartedSession> {
    const user = await this.login.verify(email, password);
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now().toJSDate();
    await this.dataSource.query(
      'INSERT INTO staff_session (id, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)',
      [hashOf(token), user.id, now],
    );
    return { token, user };
  }

  /** Who the session belongs to, and it counts as activity; null once it has ended for any reason. */
  async resolve(token: string): Promise<AuthUser | null> {
    if (!token) return null;
    const id = hashOf(token);
    const now = this.clock.now();
    const [touched] = await this.dataSource.query<[{ user_id: string }[], number]>(
      `UPDATE staff_session SET last_seen_at = $2
       WHERE id = $1 AND ended_at IS NULL AND last_seen_at > $3 AND created_at > $4
       RETURNING user_id`,
      [
        id,
        now.toJSDate(),
        now.minus({ minutes: this.config.sessionIdleMinutes }).toJSDate(),
        now.minus({ hours: this.config.sessionMaxHours }).toJSDate(),
      ],
    );
    const user = touched[0] ? await this.users.findActive(touched[0].user_id) : null;
    // Timed out, too old or the account disabled: ended for good, so coming back later does not revive it.
    if (!user) await this.endWhere('id = $1', id);
    return user;
  }

  async end(token: string): Promise<void> {
    await this.endWhere('id = $1', hashOf(token));
  }

  /** Every open session of an account, for when an administrator disables it or resets its password. */
  async endAllFor(userId: string): Promise<void> {
    await this.endWhere('user_id = $1', userId);
  }

  private async endWhere(condition: 'id = $1' | 'user_id = $1', value: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE staff_session SET ended_at = $2 WHERE ${condition} AND ended_at IS NULL`,
      [value, this.clock.now().toJSDate()],
    );
  }
}
