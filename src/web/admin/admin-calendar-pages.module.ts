import { Module } from '@nestjs/common';
import { ADMIN_PAGE_IMPORTS, ADMIN_PAGE_PROVIDERS } from './admin-pages.module.js';

/** The administration of centres: their fields, appointment types, weekly opening hours and closures. */
export const ADMIN_CALENDAR_PAGE_ROUTES: string[] = [];

@Module({
  imports: [...ADMIN_PAGE_IMPORTS],
  controllers: [],
  providers: [...ADMIN_PAGE_PROVIDERS],
})
export class AdminCalendarPagesModule {}
