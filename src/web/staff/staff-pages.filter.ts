import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pageContext, sendPage } from '../base/page-context.js';
import { PageExceptionFilter } from '../base/page-exception.filter.js';
import { SignInRequired, STAFF_COOKIE, STAFF_COOKIE_PATH } from './staff-session.guard.js';
import { SignInPages } from './sign-in-pages.service.js';

/**
 * The staff and administration pages' errors: no session, or an ended one, gets the sign-in form (401) that leads
 * back to the desk or to the administration; anything else the pages' error page.
 */
@Catch()
@Injectable()
export class StaffPagesFilter implements ExceptionFilter {
  constructor(
    private readonly pages: PageExceptionFilter,
    private readonly signIn: SignInPages,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (!(exception instanceof SignInRequired)) return this.pages.catch(exception, host);
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const page = pageContext(request, reply);
    if (request.cookies[STAFF_COOKIE]) void reply.clearCookie(STAFF_COOKIE, { path: STAFF_COOKIE_PATH });
    const next = request.url.startsWith('/admin') ? '/admin' : undefined;
    sendPage(
      reply,
      this.signIn.form(page, {
        notice: page.t.staff.signIn.ended,
        next,
        status: 401,
      }),
    );
  }
}
