import { Body, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../auth/index.js';
import { Page, sendPage } from '../base/page-context.js';
import type { PageContext } from '../base/page-context.js';
import type { StaffForm } from '../staff/staff-form.js';
import { Clerk } from '../staff/staff-session.guard.js';
import { AccountsPages } from './accounts-pages.service.js';
import { AdminPagesController } from './admin-pages.js';
import { AuditPages } from './audit-pages.service.js';
import { OutboxPages } from './outbox-pages.service.js';
import { StatisticsPages } from './statistics-pages.service.js';

/** `/admin/accounts…`: staff accounts (the API's are `admin/users…`). */
@AdminPagesController('admin/accounts')
export class AccountsPagesController {
  constructor(private readonly pages: AccountsPages) {}

  @Get()
  async list(@Page() page: PageContext, @Clerk() admin: AuthUser, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.pages.list(page, admin));
  }

  @Get('new')
  async newForm(
    @Page() page: PageContext,
    @Clerk() admin: AuthUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.newForm(page, admin));
  }

  @Post('new')
  @HttpCode(200)
  async create(
    @Page() page: PageContext,
    @Clerk() admin: AuthUser,
    @Body() body: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.create(page, admin, body));
  }

  @Get(':account')
  async account(
    @Page() page: PageContext,
    @Clerk() admin: AuthUser,
    @Param('account') id: string,
    @Query('done') done: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.account(page, admin, id, done));
  }

  @Post(':account/centres')
  @HttpCode(200)
  async centres(
    @Page() page: PageContext,
    @Clerk() admin: AuthUser,
    @Param('account') id: string,
    @Body() body: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.saveCentres(page, admin, id, body));
  }

  @Post(':account/disable')
  @HttpCode(200)
  async disable(
    @Page() page: PageContext,
    @Clerk() admin: AuthUser,
    @Param('account') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.setActive(page, admin, id, false));
  }

  @Post(':account/enable')
  @HttpCode(200)
  async enable(
    @Page() page: PageContext,
    @Clerk() admin: AuthUser,
    @Param('account') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.setActive(page, admin, id, true));
  }

  @Post(':account/password')
  @HttpCode(200)
  async password(
    @Page() page: PageContext,
    @Clerk() admin: AuthUser,
    @Param('account') id: string,
    @Body() body: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.resetPassword(page, admin, id, body));
  }
}

/** `/admin/booking-audit`: a booking's audit trail, asked for by its reference. */
@AdminPagesController('admin/booking-audit')
export class BookingAuditPagesController {
  constructor(private readonly pages: AuditPages) {}

  @Get()
  form(@Page() page: PageContext, @Clerk() admin: AuthUser, @Res() reply: FastifyReply): void {
    sendPage(reply, this.pages.form(page, admin));
  }

  @Post()
  @HttpCode(200)
  async find(
    @Page() page: PageContext,
    @Clerk() admin: AuthUser,
    @Body() body: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.find(page, admin, body));
  }

  @Get(':booking')
  async trail(
    @Page() page: PageContext,
    @Clerk() admin: AuthUser,
    @Param('booking') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.trail(page, admin, id));
  }
}

/** `/admin/mail`: the outbox's failed and pending e-mails (the API's is `admin/outbox`). */
@AdminPagesController('admin/mail')
export class MailPagesController {
  constructor(private readonly pages: OutboxPages) {}

  @Get()
  async list(
    @Page() page: PageContext,
    @Clerk() admin: AuthUser,
    @Query('done') done: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.list(page, admin, done));
  }

  @Post(':message/retry')
  @HttpCode(200)
  async retry(
    @Clerk() admin: AuthUser,
    @Param('message') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.retry(admin, id));
  }
}

/** `/admin/figures`: statistics per centre and period, and the same as CSV. */
@AdminPagesController('admin')
export class FiguresPagesController {
  constructor(private readonly pages: StatisticsPages) {}

  @Get('figures')
  async figures(
    @Page() page: PageContext,
    @Clerk() admin: AuthUser,
    @Query() query: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.page(page, admin, query));
  }

  @Get('figures.csv')
  async csv(
    @Page() page: PageContext,
    @Clerk() admin: AuthUser,
    @Query() query: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.csv(page, admin, query));
  }
}
