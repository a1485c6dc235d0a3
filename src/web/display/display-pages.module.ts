import { Module } from '@nestjs/common';
import { PageExceptionFilter } from '../base/page-exception.filter.js';
import { PageRenderer } from '../base/page-renderer.js';

/** `/display/<centreId>`: the waiting room's screen of called queue numbers; public, and no personal data ever. */
export const DISPLAY_PAGE_ROUTES: string[] = [];

@Module({
  imports: [],
  controllers: [],
  providers: [PageRenderer, PageExceptionFilter],
})
export class DisplayPagesModule {}
