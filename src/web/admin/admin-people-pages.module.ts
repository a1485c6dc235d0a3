import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/index.js';
import { NotificationsModule } from '../../notifications/index.js';
import { StatisticsModule } from '../../statistics/index.js';
import {
  AccountsPagesController,
  BookingAuditPagesController,
  FiguresPagesController,
  MailPagesController,
} from './admin-people-pages.controller.js';
import { ADMIN_PAGE_IMPORTS, ADMIN_PAGE_PROVIDERS } from './admin-pages.module.js';
import { AccountsPages } from './accounts-pages.service.js';
import { AuditPages } from './audit-pages.service.js';
import { OutboxPages } from './outbox-pages.service.js';
import { StatisticsPages } from './statistics-pages.service.js';

/**
 * The administration of people and operations: staff accounts, a booking's audit trail, the outbox, statistics.
 * The API has `admin/users…`, `admin/outbox`, `admin/bookings/:id/audit` and `admin/centres/:id/statistics`: these
 * pages use other words and escaped parameter names, so no pattern here matches an API route.
 */
export const ADMIN_PEOPLE_PAGE_ROUTES: string[] = [
  'admin/accounts',
  'admin/accounts/new',
  'admin/accounts/\\:account{/*action}',
  'admin/booking-audit',
  'admin/booking-audit/\\:booking',
  'admin/mail',
  'admin/mail/\\:message/retry',
  'admin/figures',
  'admin/figures.csv',
];

@Module({
  imports: [...ADMIN_PAGE_IMPORTS, AuditModule, NotificationsModule, StatisticsModule],
  controllers: [
    AccountsPagesController,
    BookingAuditPagesController,
    MailPagesController,
    FiguresPagesController,
  ],
  providers: [...ADMIN_PAGE_PROVIDERS, AccountsPages, AuditPages, OutboxPages, StatisticsPages],
})
export class AdminPeoplePagesModule {}
