import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseUnavailableError, unavailableReason } from './database-unavailable.js';
import { DomainError } from './domain-error.js';
import { RequestBodyError } from './json-body.js';
import { ErrorBody, errorBody } from './error-body.js';

/** The HTTP status of a domain error; given by the composition root, which knows every capability's codes. */
export type StatusOf = (error: DomainError) => number;

/** Injects the composition root's StatusOf into filters elsewhere (the pages' own). */
export const STATUS_OF = Symbol('STATUS_OF');

/** Fastify's own errors (the JSON body parser's, the body limit's) carry a code. */
interface FastifyError {
  code?: string;
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly statusOf: StatusOf) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    const exception = this.unavailable(thrown, request.id) ?? thrown;
    const body = this.toBody(exception, request.id);
    const retryAfter = exception instanceof DomainError ? exception.extra.retryAfterSeconds : undefined;
    if (typeof retryAfter === 'number') void response.header('Retry-After', String(retryAfter));
    void response.status(body.statusCode).send(body);
  }

  /** A database out of reach is the one 503 every route answers, whatever driver or ORM error said so. */
  private unavailable(exception: unknown, requestId: string): DatabaseUnavailableError | undefined {
    if (exception instanceof DomainError) return undefined;
    const reason = unavailableReason(exception);
    if (!reason) return undefined;
    this.logger.warn({ msg: 'database out of reach', requestId, reason });
    return new DatabaseUnavailableError(reason);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof DomainError) {
      const error = exception as DomainError;
      return errorBody(this.statusOf(error), error.message, error.details, error.extra);
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
