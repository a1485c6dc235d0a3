import { DomainError, FieldIssue } from '../common/domain-error.js';
import { CapacityError } from '../capacity/index.js';
import { driverCode } from '../database/transaction.js';

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

/** The database's and the ledger's word on a booking, in the booking's terms: one active booking per person, no full cell. */
export function fromDriverError(error: unknown): unknown {
  if (error instanceof CapacityError) {
    return new BookingError(BookingErrorCode.SlotFull, error.message);
  }
  const { code, constraint } = driverCode(error);
  if (code === '23505' && constraint === 'uq_booking_active_person') {
    return new BookingError(
      BookingErrorCode.PersonHasActiveBooking,
      'This person already holds an active booking; change or cancel that one instead',
    );
  }
  if (code === '23514' && constraint === 'ck_slot_capacity_booked') {
    return new BookingError(BookingErrorCode.SlotFull, 'This time is fully booked; choose another time');
  }
  return error;
}
