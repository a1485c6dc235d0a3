import { DomainError } from '../common/domain-error.js';

export enum AuditErrorCode {
  BookingNotFound = 'AUDIT_BOOKING_NOT_FOUND',
}

export class AuditError extends DomainError<AuditErrorCode> {
  constructor(code: AuditErrorCode, message: string) {
    super(code, message);
  }

  static notFound(): AuditError {
    return new AuditError(AuditErrorCode.BookingNotFound, 'No such appointment');
  }
}
