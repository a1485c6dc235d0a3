import { DomainError } from './domain-error.js';

/** Seconds a client is told to wait before trying again while the database is out of reach. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export enum DatabaseErrorCode {
  Unavailable = 'DATABASE_UNAVAILABLE',
}

/** Why the database could not be used, in words that reveal nothing about where it is or what was asked. */
export type UnavailableReason =
  | 'connection refused'
  | 'connection lost'
  | 'server shutting down'
  | 'server not accepting connections'
  | 'timed out';

export class DatabaseUnavailableError extends DomainError<DatabaseErrorCode> {
  constructor(readonly reason: UnavailableReason) {
    super(DatabaseErrorCode.Unavailable, `The database is out of reach (${reason}); try again shortly`, [], {
      reason,
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    });
  }
}

const BY_SQLSTATE: Record<string, UnavailableReason> = {
  '57P01': 'server shutting down', // admin_shutdown
  '57P02': 'server shutting down', // crash_shutdown
  '57P03': 'server not accepting connections', // cannot_connect_now (starting up, recovering)
  '53300': 'server not accepting connections', // too_many_connections
  '57014': 'timed out', // query_canceled: statement_timeout
  '08000': 'connection lost',
  '08001': 'connection refused',
  '08003': 'connection lost',
  '08004': 'connection refused',
  '08006': 'connection lost',
};

const BY_ERRNO: Record<string, UnavailableReason> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'connection refused',
  EAI_AGAIN: 'connection refused',
  EHOSTUNREACH: 'connection refused',
  ENETUNREACH: 'connection refused',
  ECONNRESET: 'connection lost',
  ECONNABORTED: 'connection lost',
  EPIPE: 'connection lost',
  ETIMEDOUT: 'timed out',
};

// node-postgres and pg-pool say these in words only, without a code.
const BY_MESSAGE: [RegExp, UnavailableReason][] = [
  [/timeout exceeded when trying to connect/i, 'timed out'],
  [/connection terminated due to connection timeout/i, 'timed out'],
  [/query read timeout/i, 'timed out'],
  [/connection terminated/i, 'connection lost'],
  [/is not queryable/i, 'connection lost'],
  [/cannot use a pool after calling end/i, 'server not accepting connections'],
];

/**
 * Whether an error means the database could not be reached or answered in time (rather than refused what was
 * asked), looking through TypeORM's QueryFailedError (driverError), `cause` chains and AggregateError.
 */
export function unavailableReason(error: unknown, depth = 0): UnavailableReason | undefined {
  if (depth > 5 || error === null || typeof error !== 'object') return undefined;
  if (error instanceof DatabaseUnavailableError) return error.reason;
  const { code, message, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (BY_SQLSTATE[code] ?? BY_ERRNO[code]))
    return BY_SQLSTATE[code] ?? BY_ERRNO[code];
  // A SQLSTATE of another class is the server's answer to the statement, however it is worded.
  const answered = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
  const worded =
    typeof message === 'string' && !answered ? BY_MESSAGE.find(([p]) => p.test(message))?.[1] : undefined;
  return (
    worded ??
    unavailableReason(driverError, depth + 1) ??
    unavailableReason(cause, depth + 1) ??
    (Array.isArray(errors) ? errors.map((e) => unavailableReason(e, depth + 1)).find(Boolean) : undefined)
  );
}
