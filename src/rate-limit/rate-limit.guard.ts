import { createHmac, hkdfSync } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { clientOf } from './client-address.js';
import { RATE_LIMIT, RateLimitName } from './rate-limit.decorator.js';
import { RateLimitError } from './rate-limit.error.js';
import { RATE_LIMIT_SQL } from './rate-limit.sql.js';

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows counted by an upsert in PostgreSQL: one round trip, atomic under concurrency, and
 * shared by every app instance on the database. The client address is kept only as a keyed hash.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly hashKey: Buffer;
  private lastSweep = 0;

  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.hashKey = Buffer.from(
      hkdfSync('sha256', config.dataEncryptionKey, '', 'rate-limit client address', 32),
    );
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = this.reflector.getAllAndOverride<RateLimitName | undefined>(RATE_LIMIT, [
      context.getHandler(),
      context.getClass(),
    ]);
    const limit =
      name === 'login' ? this.config.loginAttemptsPerMinute : name ? this.config.rateLimitPerMinute : 0;
    if (!name || limit === 0) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const now = this.clock.now().toMillis();
    const windowStart = now - (now % WINDOW_MS);
    const client = createHmac('sha256', this.hashKey)
      // Fastify reads the address off the socket, which is gone once a client has hung up.
      .update(clientOf(request.ip))
      .digest('base64url');
    const rows = await this.dataSource.query<{ hits: number }[]>(RATE_LIMIT_SQL.countHit, [
      `${name}:${client}:${windowStart}`,
      new Date(windowStart),
    ]);
    await this.sweep(now);
    const retryAfter = Math.ceil((windowStart + WINDOW_MS - now) / 1000);
    const response = context.switchToHttp().getResponse<FastifyReply>();
    void response.header('RateLimit-Limit', String(limit));
    void response.header('RateLimit-Remaining', String(Math.max(0, limit - rows[0].hits)));
    if (rows[0].hits > limit) throw new RateLimitError(retryAfter);
    return true;
  }

  /** Past windows are useless; drop them now and then rather than on every request. */
  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    await this.dataSource.query(RATE_LIMIT_SQL.dropOldWindows, [new Date(now - 2 * WINDOW_MS)]);
  }
}
