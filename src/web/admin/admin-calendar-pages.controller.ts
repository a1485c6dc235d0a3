import { Body, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../auth/index.js';
import { Page, sendPage } from '../base/page-context.js';
import type { PageContext } from '../base/page-context.js';
import { Clerk } from '../staff/staff-session.guard.js';
import type { StaffForm } from '../staff/staff-form.js';
import { AdminCalendarPages } from './admin-calendar-pages.service.js';
import { AdminCalendarSchedulePages } from './admin-calendar-schedule.service.js';
import { AdminPagesController } from './admin-pages.js';

/** `/admin/centre…`: the centres, their details, appointment types, weekly opening hours and closures. */
@AdminPagesController()
export class AdminCalendarPagesController {
  constructor(
    private readonly centres: AdminCalendarPages,
    private readonly schedule: AdminCalendarSchedulePages,
  ) {}

  @Get('centre')
  async list(@Page() page: PageContext, @Clerk() clerk: AuthUser, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.centres.list(page, clerk));
  }

  @Get('new-centre')
  newCentre(@Page() page: PageContext, @Clerk() clerk: AuthUser, @Res() reply: FastifyReply): void {
    sendPage(reply, this.centres.newCentre(page, clerk));
  }

  @Post('new-centre')
  @HttpCode(200)
  async create(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Body() body: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.centres.create(page, clerk, body));
  }

  @Get('centre/:place')
  async details(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('place') id: string,
    @Query() query: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.centres.details(page, clerk, id, query));
  }

  @Post('centre/:place')
  @HttpCode(200)
  async saveDetails(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('place') id: string,
    @Body() body: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.centres.saveDetails(page, clerk, id, body));
  }

  @Get('centre/:place/types')
  async types(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('place') id: string,
    @Query() query: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.schedule.types(page, clerk, id, query));
  }

  @Post('centre/:place/types')
  @HttpCode(200)
  async saveTypes(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('place') id: string,
    @Body() body: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.schedule.saveTypes(page, clerk, id, body));
  }

  @Get('centre/:place/hours')
  async hours(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('place') id: string,
    @Query() query: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.schedule.hours(page, clerk, id, query));
  }

  @Post('centre/:place/hours')
  @HttpCode(200)
  async saveHours(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('place') id: string,
    @Body() body: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.schedule.saveHours(page, clerk, id, body));
  }

  @Get('centre/:place/closures')
  async closures(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('place') id: string,
    @Query() query: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.schedule.closures(page, clerk, id, query));
  }

  @Post('centre/:place/closures')
  @HttpCode(200)
  async addClosure(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('place') id: string,
    @Body() body: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.schedule.addClosure(page, clerk, id, body));
  }
}
