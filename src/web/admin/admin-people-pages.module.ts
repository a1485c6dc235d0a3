import { Module } from '@nestjs/common';
import { ADMIN_PAGE_IMPORTS, ADMIN_PAGE_PROVIDERS } from './admin-pages.module.js';

/** The administration of people and operations: staff accounts, a booking's audit trail, the outbox, statistics. */
export const ADMIN_PEOPLE_PAGE_ROUTES: string[] = [];

@Module({
  imports: [...ADMIN_PAGE_IMPORTS],
  controllers: [],
  providers: [...ADMIN_PAGE_PROVIDERS],
})
export class AdminPeoplePagesModule {}
