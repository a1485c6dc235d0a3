import { HttpStatus } from '@nestjs/common';
import { AuthErrorCode } from './auth/auth.error.js';
import { BookingErrorCode } from './bookings/booking.error.js';
import { DeskErrorCode } from './desk/desk.error.js';
import { CalendarErrorCode } from './centres/calendar.error.js';
import { RateLimitErrorCode } from './rate-limit/rate-limit.error.js';
import { DomainError, InputErrorCode } from './common/domain-error.js';
import { AuditErrorCode } from './audit/audit.error.js';
import { CapacityErrorCode } from './capacity/capacity.error.js';
import { DatabaseErrorCode } from './common/database-unavailable.js';
import { QueueErrorCode } from './queue/queue.error.js';
import { OutboxErrorCode } from './notifications/outbox.error.js';

type ErrorCode =
  | InputErrorCode
  | AuthErrorCode
  | CalendarErrorCode
  | RateLimitErrorCode
  | BookingErrorCode
  | DeskErrorCode
  | AuditErrorCode
  | CapacityErrorCode
  | DatabaseErrorCode
  | QueueErrorCode
  | OutboxErrorCode;

/** The one place domain error codes become HTTP statuses; adding a code without a case fails to compile. */
function statusOfCode(code: ErrorCode): number {
  switch (code) {
    case InputErrorCode.Invalid:
    case InputErrorCode.MalformedJson:
    case CalendarErrorCode.InvalidCalendar:
    case BookingErrorCode.NotBookable:
    case BookingErrorCode.WitnessInvalid:
    case DeskErrorCode.WitnessInvalid:
    case BookingErrorCode.IdempotencyKeyReused:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case AuthErrorCode.NotAuthenticated:
    case AuthErrorCode.InvalidCredentials:
      return HttpStatus.UNAUTHORIZED;
    case AuthErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case AuthErrorCode.EmailTaken:
    case CalendarErrorCode.BookedCapacityAffected:
    case BookingErrorCode.SlotFull:
    case CapacityErrorCode.CellFull:
    case BookingErrorCode.PersonHasActiveBooking:
    case BookingErrorCode.WrongState:
    case BookingErrorCode.PastCutoff:
    case BookingErrorCode.TypeNoLongerOffered:
    case DeskErrorCode.WrongState:
    case DeskErrorCode.IdentityNotEstablished:
    case DeskErrorCode.WitnessLimitReached:
    case QueueErrorCode.NotWaiting:
    case QueueErrorCode.NobodyWaiting:
    case OutboxErrorCode.NotFailed:
      return HttpStatus.CONFLICT;
    case AuthErrorCode.UserNotFound:
    case CalendarErrorCode.CentreNotFound:
    case BookingErrorCode.NotFound:
    case DeskErrorCode.AppointmentNotFound:
    case AuditErrorCode.BookingNotFound:
    case QueueErrorCode.AppointmentNotFound:
    case OutboxErrorCode.MessageNotFound:
      return HttpStatus.NOT_FOUND;
    case RateLimitErrorCode.TooManyRequests:
      return HttpStatus.TOO_MANY_REQUESTS;
    case DatabaseErrorCode.Unavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    default: {
      const unmapped: never = code;
      throw new Error(`unmapped error code ${String(unmapped)}`);
    }
  }
}

/** The status of any domain error the app throws (every capability's code is in ErrorCode). */
export function statusOf(error: DomainError): number {
  return statusOfCode(error.code as ErrorCode);
}
