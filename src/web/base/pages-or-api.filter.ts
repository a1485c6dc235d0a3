import { ArgumentsHost, Catch, ExceptionFilter, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { HttpExceptionFilter, STATUS_OF } from '../../common/http-exception.filter.js';
import type { StatusOf } from '../../common/http-exception.filter.js';
import { PageExceptionFilter } from './page-exception.filter.js';

/** A browser asking for a page: HTML is what it accepts first (an API client asks for JSON or anything). */
function asksForPage(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0];
  if (path === '/api' || path.startsWith('/api/')) return false;
  return /^\s*text\/html\b/i.test(request.headers.accept ?? '');
}

/**
 * The application's last filter, for what no page or API controller caught — above all a path nothing serves. A
 * browser that follows an old link outside /api gets the pages' 404 page in its language; everything else the API's
 * error body, as before.
 */
@Catch()
@Injectable()
export class PagesOrApiFilter implements ExceptionFilter {
  private readonly api: HttpExceptionFilter;

  constructor(
    private readonly pages: PageExceptionFilter,
    @Inject(STATUS_OF) statusOf: StatusOf,
  ) {
    this.api = new HttpExceptionFilter(statusOf);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (asksForPage(host.switchToHttp().getRequest<FastifyRequest>())) return this.pages.catch(exception, host);
    this.api.catch(exception, host);
  }
}
