import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthErrorCode } from '../auth/auth.error.js';
import { BookingErrorCode } from '../bookings/booking.error.js';
import { DeskErrorCode } from '../desk/desk.error.js';
import { CalendarErrorCode } from '../centres/calendar.error.js';
import { RateLimitError, RateLimitErrorCode } from '../rate-limit/rate-limit.error.js';
import { DomainError, InputErrorCode } from './domain-error.js';
import { RequestBodyError } from './json-body.js';
import { ErrorBody, errorBody } from './error-body.js';

type ErrorCode =
  InputErrorCode | AuthErrorCode | CalendarErrorCode | RateLimitErrorCode | BookingErrorCode | DeskErrorCode;

/** The one place domain error codes become HTTP statuses; adding a code without a case fails to compile. */
export function statusOf(code: ErrorCode): number {
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
    case CalendarErrorCode.NameTaken:
    case BookingErrorCode.SlotFull:
    case BookingErrorCode.PersonHasActiveBooking:
    case BookingErrorCode.WrongState:
    case BookingErrorCode.PastCutoff:
    case BookingErrorCode.TypeNoLongerOffered:
    case DeskErrorCode.WrongState:
    case DeskErrorCode.IdentityNotEstablished:
    case DeskErrorCode.WitnessLimitReached:
      return HttpStatus.CONFLICT;
    case CalendarErrorCode.CentreNotFound:
    case BookingErrorCode.NotFound:
    case DeskErrorCode.AppointmentNotFound:
      return HttpStatus.NOT_FOUND;
    case RateLimitErrorCode.TooManyRequests:
      return HttpStatus.TOO_MANY_REQUESTS;
    default: {
      const unmapped: never = code;
      throw new Error(`unmapped error code ${String(unmapped)}`);
    }
  }
}

/** Fastify's own errors (the JSON body parser's, the body limit's) carry a code. */
interface FastifyError {
  code?: string;
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    const body = this.toBody(exception, request.id);
    if (exception instanceof RateLimitError)
      void response.header('Retry-After', String(exception.extra.retryAfterSeconds));
    void response.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof DomainError) {
      const error = exception as DomainError<ErrorCode>;
      return errorBody(statusOf(error.code), error.message, error.details, error.extra);
    }
    // Nest wraps Fastify's errors in an HttpException whose cause keeps Fastify's error code; errors of the body
    // parser's own (RequestBodyError) arrive as they are.
    const parserError = ((exception as { cause?: unknown })?.cause ?? exception) as FastifyError;
    if (parserError?.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return errorBody(422, 'The request body is not valid JSON', [
        { field: 'body', message: 'is not valid JSON' },
      ]);
    }
    if (parserError?.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return errorBody(413, 'The request body is too large');
    if (parserError?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return errorBody(415, 'The Content-Type header is not a media type', [
        { field: 'Content-Type', message: 'is not a valid media type' },
      ]);
    }
    if (parserError instanceof RequestBodyError) {
      return errorBody(parserError.statusCode, parserError.message, [
        { field: parserError.field, message: parserError.detail },
      ]);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 500) return this.internal(exception, requestId);
      // Nest's own 404 names the path (which could carry what someone typed); say only that there is no route.
      if (status === 404) return errorBody(404, 'No such route');
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : typeof (response as { message?: unknown }).message === 'string'
            ? (response as { message: string }).message
            : exception.message;
      // A request the framework cannot read (bad percent-encoding, a body whose encoding lies) is bad input like
      // any other: the one validation status.
      if (status === 400) return errorBody(422, message, [{ field: 'request', message }]);
      return errorBody(status, message);
    }
    return this.internal(exception, requestId);
  }

  private internal(exception: unknown, requestId: string): ErrorBody {
    // The message of a driver error can quote row values; log only its kind and where it came from.
    const error = exception instanceof Error ? exception : new Error('non-error thrown');
    const driver = exception as { code?: string; constraint?: string };
    this.logger.error({
      msg: 'unhandled error',
      requestId,
      errorName: error.name,
      errorCode: driver.code,
      constraint: driver.constraint,
      frames: error.stack?.split('\n').slice(1, 8).join('\n'),
    });
    return errorBody(500, `Internal error; quote correlation id ${requestId} when reporting it`, [], {
      correlationId: requestId,
    });
  }
}
