import { DomainError } from '../common/domain-error.js';

export enum RateLimitErrorCode {
  TooManyRequests = 'RATE_LIMIT_EXCEEDED',
}

export class RateLimitError extends DomainError<RateLimitErrorCode> {
  constructor(retryAfterSeconds: number) {
    super(RateLimitErrorCode.TooManyRequests, 'Too many requests; try again in a minute', [], {
      retryAfterSeconds,
    });
  }
}
