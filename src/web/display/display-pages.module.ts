import { Module } from '@nestjs/common';
import { QueueModule } from '../../queue/index.js';
import { PageExceptionFilter } from '../base/page-exception.filter.js';
import { PageRenderer } from '../base/page-renderer.js';
import { DisplayPagesController } from './display-pages.controller.js';
import { DisplayPages } from './display-pages.service.js';

/**
 * `/display/<centreId>`: the waiting room's screen of called queue numbers; public, and no personal data ever. The
 * API declares `display/:centreId` (and its `/events`): the page names its parameter `:screen` and the pattern
 * matches that name literally (escaped), so the API's routes keep their /api prefix.
 */
export const DISPLAY_PAGE_ROUTES: string[] = ['display/\\:screen'];

@Module({
  imports: [QueueModule],
  controllers: [DisplayPagesController],
  providers: [PageRenderer, PageExceptionFilter, DisplayPages],
})
export class DisplayPagesModule {}
