import { Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../auth/index.js';
import { Page, sendPage } from '../base/page-context.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer } from '../base/page-renderer.js';
import { Clerk } from '../staff/staff-session.guard.js';
import { adminFrame, AdminPagesController } from './admin-pages.js';

/** `/admin`: the administration's front page, its sections. */
@AdminPagesController()
export class AdminHomeController {
  constructor(private readonly renderer: PageRenderer) {}

  @Get()
  home(@Page() page: PageContext, @Clerk() clerk: AuthUser, @Res() reply: FastifyReply): void {
    sendPage(
      reply,
      this.renderer.render('admin-home.njk', page, {
        title: page.t.admin.home.title,
        ...adminFrame(clerk, 'home'),
      }),
    );
  }
}
