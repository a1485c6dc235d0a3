import { Module } from '@nestjs/common';
import { AccountsModule } from '../../accounts/index.js';
import { CentresModule } from '../../centres/index.js';
import { StaffSessionsModule } from '../../staff-sessions/index.js';
import { CsrfGuard } from '../base/csrf.guard.js';
import { PageExceptionFilter } from '../base/page-exception.filter.js';
import { PageRenderer } from '../base/page-renderer.js';
import { SignInPages } from '../staff/sign-in-pages.service.js';
import { StaffPagesFilter } from '../staff/staff-pages.filter.js';
import { StaffSessionGuard } from '../staff/staff-session.guard.js';
import { AdminHomeController } from './admin-home.controller.js';
import { AdminOnlyGuard } from './admin-only.guard.js';
import { AdminPagesFilter } from './admin-pages.filter.js';

/** What every administration page module provides: the session, the administrators-only check, the filters. */
export const ADMIN_PAGE_PROVIDERS = [
  PageRenderer,
  PageExceptionFilter,
  StaffPagesFilter,
  AdminPagesFilter,
  CsrfGuard,
  StaffSessionGuard,
  AdminOnlyGuard,
  SignInPages,
];
export const ADMIN_PAGE_IMPORTS = [AccountsModule, CentresModule, StaffSessionsModule];

/** `/admin` itself; each area of the administration is a module of its own beside this one. */
export const ADMIN_HOME_ROUTES: string[] = ['admin'];

@Module({
  imports: ADMIN_PAGE_IMPORTS,
  controllers: [AdminHomeController],
  providers: ADMIN_PAGE_PROVIDERS,
})
export class AdminPagesModule {}
