import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pageContext, sendPage } from '../base/page-context.js';
import { PageExceptionFilter } from '../base/page-exception.filter.js';
import { SignInRequired } from './staff-session.guard.js';
import { SignInPages } from './sign-in-pages.service.js';

/** The staff pages' errors: an ended session gets the sign-in form (401), anything else the pages' error page. */
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
    const page = pageContext(http.getRequest<FastifyRequest>(), reply);
    void reply.clearCookie('staff_session', { path: '/staff' });
    sendPage(reply, this.signIn.form(page, { notice: page.t.staff.signIn.ended, status: 401 }));
  }
}
