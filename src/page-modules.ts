import { AdminCalendarPagesModule, ADMIN_CALENDAR_PAGE_ROUTES } from './web/admin/admin-calendar-pages.module.js';
import { AdminPagesModule, ADMIN_HOME_ROUTES } from './web/admin/admin-pages.module.js';
import { AdminPeoplePagesModule, ADMIN_PEOPLE_PAGE_ROUTES } from './web/admin/admin-people-pages.module.js';
import { CITIZEN_PAGE_ROUTES, CitizenPagesModule } from './web/citizen/citizen-pages.module.js';
import { DISPLAY_PAGE_ROUTES, DisplayPagesModule } from './web/display/display-pages.module.js';
import { STAFF_PAGE_ROUTES, StaffPagesModule } from './web/staff/staff-pages.module.js';

/** Every module of web pages, beside the API's modules in app.module.ts. */
export const PAGE_MODULES = [
  CitizenPagesModule,
  StaffPagesModule,
  AdminPagesModule,
  AdminCalendarPagesModule,
  AdminPeoplePagesModule,
  DisplayPagesModule,
];

/**
 * Every page module's route patterns: the routes left out of the API's /api prefix. A page route not listed here
 * would answer under /api, and its module's tests would find it missing where its path says.
 */
export const PAGE_ROUTES: string[] = [
  ...CITIZEN_PAGE_ROUTES,
  ...STAFF_PAGE_ROUTES,
  ...ADMIN_HOME_ROUTES,
  ...ADMIN_CALENDAR_PAGE_ROUTES,
  ...ADMIN_PEOPLE_PAGE_ROUTES,
  ...DISPLAY_PAGE_ROUTES,
];
