import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../../availability/index.js';
import { BookingsModule } from '../../bookings/index.js';
import { CentresModule } from '../../centres/index.js';
import { PersonalDataModule } from '../../personal-data/index.js';
import { PageRenderer } from '../base/page-renderer.js';
import { PageExceptionFilter } from '../base/page-exception.filter.js';
import { CsrfGuard } from '../base/csrf.guard.js';
import {
  BookingFlowController,
  InfoPagesController,
  ManagePagesController,
} from './citizen-pages.controller.js';
import { BookingFlowService } from './booking-flow.service.js';
import { InfoPagesService } from './info-pages.service.js';
import { ManagePagesService } from './manage-pages.service.js';
import { ManageSession } from './manage-session.js';
import { TimeChoicesService } from './time-choices.service.js';

/**
 * The citizen pages' paths, which the API's /api prefix must leave alone (SPEC "Web pages" holds them). Nest matches
 * these patterns against route paths as declared, and the API declares `bookings/:reference` too: the manage pages
 * name their parameter `:ref`, and the patterns match that name literally (escaped), so the API keeps its prefix.
 */
export const CITIZEN_PAGE_ROUTES: string[] = [
  '/',
  'tilgaengelighed',
  'privatliv',
  'book{/*step}',
  'bookings/\\:ref{/*action}',
];

@Module({
  imports: [CentresModule, AvailabilityModule, BookingsModule, PersonalDataModule],
  controllers: [InfoPagesController, BookingFlowController, ManagePagesController],
  providers: [
    PageRenderer,
    PageExceptionFilter,
    CsrfGuard,
    InfoPagesService,
    BookingFlowService,
    ManagePagesService,
    ManageSession,
    TimeChoicesService,
  ],
})
export class CitizenPagesModule {}
