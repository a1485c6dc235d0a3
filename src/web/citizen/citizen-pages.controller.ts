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
import { RateLimit } from '../../rate-limit/index.js';
import { CsrfGuard } from '../base/csrf.guard.js';
import { Page, sendPage } from '../base/page-context.js';
import type { PageContext } from '../base/page-context.js';
import { PageExceptionFilter } from '../base/page-exception.filter.js';
import type { FormBody, Query as PageQuery } from './booking-form.js';
import { BookingFlowService } from './booking-flow.service.js';
import { InfoPagesService } from './info-pages.service.js';
import { ManagePagesService } from './manage-pages.service.js';

/** The start page, the accessibility statement and the privacy notice. */
@ApiExcludeController()
@Controller()
@Public()
@RateLimit('citizen')
@UseFilters(PageExceptionFilter)
export class InfoPagesController {
  constructor(private readonly pages: InfoPagesService) {}

  @Get()
  start(@Page() page: PageContext, @Res() reply: FastifyReply): void {
    sendPage(reply, this.pages.start(page));
  }

  @Get('tilgaengelighed')
  accessibility(@Page() page: PageContext, @Res() reply: FastifyReply): void {
    sendPage(reply, this.pages.accessibility(page));
  }

  @Get('privatliv')
  privacy(@Page() page: PageContext, @Res() reply: FastifyReply): void {
    sendPage(reply, this.pages.privacy(page));
  }
}

/** The booking flow: GET steps carry only the centre, type and time; POST steps carry everything personal. */
@ApiExcludeController()
@Controller('book')
@Public()
@RateLimit('citizen')
@UseGuards(CsrfGuard)
@UseFilters(PageExceptionFilter)
export class BookingFlowController {
  constructor(private readonly flow: BookingFlowService) {}

  @Get()
  async centre(@Page() page: PageContext, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.flow.centreStep(page));
  }

  @Get('type')
  async type(
    @Page() page: PageContext,
    @Query() query: PageQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.flow.typeStep(page, query));
  }

  @Get('time')
  async time(
    @Page() page: PageContext,
    @Query() query: PageQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.flow.timeStep(page, query));
  }

  @Post('time')
  @HttpCode(200)
  async retime(@Page() page: PageContext, @Body() form: FormBody, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, await this.flow.submitRetime(page, form));
  }

  @Get('details')
  async detailsForm(
    @Page() page: PageContext,
    @Query() query: PageQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.flow.detailsStep(page, query));
  }

  @Post('details')
  @HttpCode(200)
  async details(
    @Page() page: PageContext,
    @Body() form: FormBody,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.flow.submitDetails(page, form));
  }

  @Post('documents')
  @HttpCode(200)
  async documents(
    @Page() page: PageContext,
    @Body() form: FormBody,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.flow.submitDocuments(page, form));
  }

  @Post('witness')
  @HttpCode(200)
  async witness(
    @Page() page: PageContext,
    @Body() form: FormBody,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.flow.submitWitness(page, form));
  }

  @Post('confirm')
  @HttpCode(200)
  async confirm(
    @Page() page: PageContext,
    @Body() form: FormBody,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.flow.confirm(page, form));
  }
}

/** One booking's pages, reached with the manage token exchanged for a cookie scoped to /bookings/<reference>. */
@ApiExcludeController()
@Controller('bookings/:ref')
@Public()
@RateLimit('citizen')
@UseGuards(CsrfGuard)
@UseFilters(PageExceptionFilter)
export class ManagePagesController {
  constructor(private readonly manage: ManagePagesService) {}

  @Get()
  async view(
    @Page() page: PageContext,
    @Param('ref') reference: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.manage.view(page, reference));
  }

  @Post('session')
  @HttpCode(200)
  async open(
    @Page() page: PageContext,
    @Param('ref') reference: string,
    @Body() form: FormBody,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.manage.openWithCode(page, reference, form));
  }

  @Post('session/close')
  @HttpCode(200)
  close(@Page() page: PageContext, @Param('ref') reference: string, @Res() reply: FastifyReply): void {
    sendPage(reply, this.manage.close(page, reference));
  }

  @Get('cancel')
  async cancelConfirmation(
    @Page() page: PageContext,
    @Param('ref') reference: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.manage.cancelConfirmation(page, reference));
  }

  @Post('cancel')
  @HttpCode(200)
  async cancel(
    @Page() page: PageContext,
    @Param('ref') reference: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.manage.cancel(page, reference));
  }

  @Get('move')
  async moveChoices(
    @Page() page: PageContext,
    @Param('ref') reference: string,
    @Query() query: PageQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.manage.moveChoices(page, reference, query));
  }

  @Post('move')
  @HttpCode(200)
  async move(
    @Page() page: PageContext,
    @Param('ref') reference: string,
    @Body() form: FormBody,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.manage.move(page, reference, form));
  }

  @Get('witness')
  async witnessForm(
    @Page() page: PageContext,
    @Param('ref') reference: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.manage.witnessPage(page, reference));
  }

  @Post('witness')
  @HttpCode(200)
  async witness(
    @Page() page: PageContext,
    @Param('ref') reference: string,
    @Body() form: FormBody,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.manage.saveWitness(page, reference, form));
  }

  @Get('calendar.ics')
  async calendar(
    @Page() page: PageContext,
    @Param('ref') reference: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.manage.calendar(page, reference));
  }

  @Get('print')
  async print(
    @Page() page: PageContext,
    @Param('ref') reference: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.manage.print(page, reference));
  }
}
