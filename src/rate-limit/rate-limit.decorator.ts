import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiErrors } from '../common/api-errors.js';

export type RateLimitName = 'citizen' | 'login';
export const RATE_LIMIT = 'rateLimit';

/** Counts the route's requests per client address and minute against the named limit; over it, 429. */
export const RateLimit = (name: RateLimitName) =>
  applyDecorators(SetMetadata(RATE_LIMIT, name), ApiErrors(429));
