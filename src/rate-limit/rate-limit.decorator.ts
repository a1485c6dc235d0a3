import { SetMetadata } from '@nestjs/common';

export type RateLimitName = 'citizen' | 'login';
export const RATE_LIMIT = 'rateLimit';

/** Counts the route's requests per client address and minute against the named limit. */
export const RateLimit = (name: RateLimitName) => SetMetadata(RATE_LIMIT, name);
