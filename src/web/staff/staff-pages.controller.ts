import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../auth/index.js';
import type { AuthUser } from '../../auth/index.js';
import { RateLimit } from '../../rate-limit/index.js';
import { CsrfGuard } from '../base/csrf.guard.js';
import { Page, sendPage } from '../base/page-context.js';
import type { PageContext } from '../base/page-context.js';
import { DeskPages } from './desk-pages.service.js';
import { IdentityPages } from './identity-pages.service.js';
import { QueuePages } from './queue-pages.service.js';
import { SignInPages } from './sign-in-pages.service.js';
import type { StaffForm } from './staff-form.js';
import { StaffPagesFilter } from './staff-pages.filter.js';
import { Clerk, StaffSessionGuard } from './staff-session.guard.js';

/** Sign-in and sign-out: the pages' own session, not the API's bearer token. */
@ApiExcludeController()
@Controller('staff')
@Public()
@UseGuards(CsrfGuard)
@UseFilters(StaffPagesFilter)
export class StaffSignInController {
  constructor(private readonly pages: SignInPages) {}

  @Get()
  async start(
    @Page() page: PageContext,
    @Query('signedOut') signedOut: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.start(page, signedOut === '1'));
  }

  @Post('sign-in')
  @HttpCode(200)
  @RateLimit('login')
  async signIn(
    @Page() page: PageContext,
    @Body() body: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.signIn(page, body));
  }

  @Post('sign-out')
  @HttpCode(200)
  async signOut(@Page() page: PageContext, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.pages.signOut(page));
  }
}

/** The desk pages; every one needs a live session, every form its CSRF token. */
@ApiExcludeController()
@Controller('staff')
@Public()
@UseGuards(StaffSessionGuard, CsrfGuard)
@UseFilters(StaffPagesFilter)
export class DeskPagesController {
  constructor(
    private readonly signIn: SignInPages,
    private readonly desk: DeskPages,
    private readonly identityPages: IdentityPages,
    private readonly queue: QueuePages,
  ) {}

  @Get('centre')
  async centres(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.signIn.centreList(page, clerk));
  }

  @Get('centre/:centre')
  async day(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('centre') centreId: string,
    @Query() query: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.desk.day(page, clerk, centreId, query));
  }

  @Post('centre/:centre/call-next')
  @HttpCode(200)
  async callNext(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('centre') centreId: string,
    @Body() body: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.queue.callNext(page, clerk, centreId, body));
  }

  @Get('find')
  async find(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Query() query: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.desk.find(page, clerk, query));
  }

  @Get('appointment/:appointment')
  async appointment(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('appointment') id: string,
    @Query('called') called: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.desk.appointment(page, clerk, id, { called: called === '1' }));
  }

  @Post('appointment/:appointment/call')
  @HttpCode(200)
  async call(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('appointment') id: string,
    @Body() body: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.queue.call(page, clerk, id, body));
  }

  @Get('appointment/:appointment/slip')
  async slip(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('appointment') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.queue.slip(page, clerk, id));
  }

  @Post('appointment/:appointment/check-in')
  @HttpCode(200)
  async checkIn(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('appointment') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.desk.checkIn(page, clerk, id));
  }

  @Get('appointment/:appointment/identity-check')
  async identityForm(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('appointment') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.identityPages.identityPage(page, clerk, id));
  }

  @Post('appointment/:appointment/identity-check')
  @HttpCode(200)
  async identity(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('appointment') id: string,
    @Body() body: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.identityPages.recordIdentity(page, clerk, id, body));
  }

  @Post('appointment/:appointment/complete')
  @HttpCode(200)
  async complete(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('appointment') id: string,
    @Body() body: StaffForm,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.desk.complete(page, clerk, id, body));
  }

  @Post('appointment/:appointment/no-show')
  @HttpCode(200)
  async noShow(
    @Page() page: PageContext,
    @Clerk() clerk: AuthUser,
    @Param('appointment') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.desk.noShow(page, clerk, id));
  }
}
