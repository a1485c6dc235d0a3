import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../auth/index.js';
import { pageContext, sendPage } from '../base/page-context.js';
import { PageRenderer } from '../base/page-renderer.js';
import { StaffPagesFilter } from '../staff/staff-pages.filter.js';
import { AdministratorsOnly } from './admin-only.guard.js';

/**
 * The administration pages' errors: a desk account gets a 403 page that says why and leads to the desk; no session
 * the sign-in form that leads back here; anything else as on the desk pages.
 */
@Catch()
@Injectable()
export class AdminPagesFilter implements ExceptionFilter {
  constructor(
    private readonly staff: StaffPagesFilter,
    private readonly renderer: PageRenderer,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (!(exception instanceof AdministratorsOnly)) return this.staff.catch(exception, host);
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest & { clerk?: AuthUser }>();
    const reply = http.getResponse<FastifyReply>();
    const page = pageContext(request, reply);
    sendPage(
      reply,
      this.renderer.render(
        'admin-forbidden.njk',
        page,
        { title: page.t.admin.forbidden.title, clerk: request.clerk },
        403,
      ),
    );
  }
}
