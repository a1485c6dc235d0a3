import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../auth/index.js';
import { Page, sendPage } from '../base/page-context.js';
import type { PageContext } from '../base/page-context.js';
import { PageExceptionFilter } from '../base/page-exception.filter.js';
import { DisplayPages } from './display-pages.service.js';

/** The waiting-room screen: public, read-only, no forms. */
@ApiExcludeController()
@Controller('display')
@Public()
@UseFilters(PageExceptionFilter)
export class DisplayPagesController {
  constructor(private readonly pages: DisplayPages) {}

  @Get(':screen')
  async screen(
    @Page() page: PageContext,
    @Param('screen') centreId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendPage(reply, await this.pages.screen(page, centreId));
  }
}
