import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Inject,
  Injectable,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseUnavailableError, unavailableReason } from '../../common/database-unavailable.js';
import { DomainError } from '../../common/domain-error.js';
import { STATUS_OF } from '../../common/http-exception.filter.js';
import type { StatusOf } from '../../common/http-exception.filter.js';
import { pageContext } from './page-context.js';
import { PageRenderer, PageResult } from './page-renderer.js';
import { sendPage } from './page-context.js';

/** CSRF refusals (a guard of ours) carry this code. */
export class CsrfRefused extends Error {}

/**
 * The pages' answer to an error no page handled: the same statuses the API gives (the one mapping in
 * error-statuses.ts), as an HTML page in the reader's language. Unknown errors are 500 with a correlation id.
 */
@Catch()
@Injectable()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly renderer: PageRenderer,
    @Inject(STATUS_OF) private readonly statusOf: StatusOf,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const page = pageContext(request, reply);
    const { t } = page;
    let status = 500;
    let message: string;
    const reason = exception instanceof DomainError ? undefined : unavailableReason(exception);
    if (reason) {
      // as the API: the database out of reach is a 503 to try again, never a 500
      this.logger.warn({ msg: 'database out of reach', requestId: request.id, reason });
      exception = new DatabaseUnavailableError(reason);
    }
    if (exception instanceof CsrfRefused) {
      status = 403;
      message = t.errors.csrf;
    } else if (exception instanceof DomainError) {
      const error = exception as DomainError;
      status = this.statusOf(error);
      message =
        status === 404
          ? t.errors.notFound
          : status === 429
            ? t.errors.tooMany
            : status === 503
              ? t.errors.unavailable
              : t.errors.bad;
      const retryAfter = error.extra.retryAfterSeconds;
      if (typeof retryAfter === 'number') void reply.header('Retry-After', String(retryAfter));
    } else if (exception instanceof HttpException && exception.getStatus() < 500) {
      status = exception.getStatus();
      message = status === 404 ? t.errors.notFound : t.errors.bad;
    } else {
      // as the API's filter: the kind of error and where, never its message (a driver's can quote row values)
      const error = exception instanceof Error ? exception : new Error('non-error thrown');
      this.logger.error({
        msg: 'unhandled error',
        requestId: request.id,
        errorName: error.name,
        frames: error.stack?.split('\n').slice(1, 8).join('\n'),
      });
      message = t.errors.internal.replace('{id}', request.id);
    }
    const result: PageResult = this.renderer.render(
      'error.njk',
      page,
      { title: t.errors.title, message },
      status,
    );
    sendPage(reply, result);
  }
}
