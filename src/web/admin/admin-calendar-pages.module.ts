import { Module } from '@nestjs/common';
import { CentreAdminModule } from '../../centre-admin/index.js';
import { AdminCalendarChanges } from './admin-calendar-changes.js';
import { AdminCalendarPagesController } from './admin-calendar-pages.controller.js';
import { AdminCalendarPages } from './admin-calendar-pages.service.js';
import { AdminCalendarSchedulePages } from './admin-calendar-schedule.service.js';
import { ADMIN_PAGE_IMPORTS, ADMIN_PAGE_PROVIDERS } from './admin-pages.module.js';

/**
 * The administration of centres: their fields, appointment types, weekly opening hours and closures. The API
 * declares `admin/centres…` with `:id`: the pages say `centre` and `new-centre` and name their parameter `place`.
 */
export const ADMIN_CALENDAR_PAGE_ROUTES: string[] = [
  'admin/centre',
  'admin/new-centre',
  'admin/centre/\\:place{/*section}',
];

@Module({
  imports: [...ADMIN_PAGE_IMPORTS, CentreAdminModule],
  controllers: [AdminCalendarPagesController],
  providers: [...ADMIN_PAGE_PROVIDERS, AdminCalendarPages, AdminCalendarSchedulePages, AdminCalendarChanges],
})
export class AdminCalendarPagesModule {}
