import { DomainError, FieldIssue } from '../common/domain-error.js';

export enum BookingErrorCode {
  NotFound = 'BOOKING_NOT_FOUND',
  NotBookable = 'BOOKING_TIME_NOT_BOOKABLE',
  SlotFull = 'BOOKING_SLOT_FULL',
  PersonHasActiveBooking = 'BOOKING_PERSON_HAS_ACTIVE_BOOKING',
  WitnessInvalid = 'BOOKING_WITNESS_INVALID',
  WrongState = 'BOOKING_WRONG_STATE',
  PastCutoff = 'BOOKING_PAST_CUTOFF',
  IdempotencyKeyReused = 'BOOKING_IDEMPOTENCY_KEY_REUSED',
  TypeNoLongerOffered = 'BOOKING_TYPE_NO_LONGER_OFFERED',
}

export class BookingError extends DomainError<BookingErrorCode> {
  constructor(code: BookingErrorCode, message: string, details: FieldIssue[] = []) {
    super(code, message, details);
  }

  static notFound(): BookingError {
    return new BookingError(BookingErrorCode.NotFound, 'No booking with this reference and manage token');
  }
}
