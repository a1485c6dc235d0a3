import { Module } from '@nestjs/common';
import { AccountsModule } from '../../accounts/index.js';
import { CentresModule } from '../../centres/index.js';
import { DeskModule } from '../../desk/index.js';
import { QueueModule } from '../../queue/index.js';
import { StaffSessionsModule } from '../../staff-sessions/index.js';
import { CsrfGuard } from '../base/csrf.guard.js';
import { PageExceptionFilter } from '../base/page-exception.filter.js';
import { PageRenderer } from '../base/page-renderer.js';
import { DeskPages } from './desk-pages.service.js';
import { IdentityPages } from './identity-pages.service.js';
import { QueuePages } from './queue-pages.service.js';
import { SignInPages } from './sign-in-pages.service.js';
import { DeskPagesController, StaffSignInController } from './staff-pages.controller.js';
import { StaffPagesFilter } from './staff-pages.filter.js';
import { StaffSessionGuard } from './staff-session.guard.js';

/**
 * The staff pages' paths, left out of the API's /api prefix. The API declares `staff/centres…` and
 * `staff/appointments/:id…`: the pages use other words (`centre`, `appointment`) and escaped parameter names, so no
 * pattern here matches an API route.
 */
export const STAFF_PAGE_ROUTES: string[] = [
  'staff',
  'staff/sign-in',
  'staff/sign-out',
  'staff/centre',
  'staff/find',
  'staff/centre/\\:centre',
  'staff/centre/\\:centre/call-next',
  'staff/appointment/\\:appointment{/*action}',
];

@Module({
  imports: [AccountsModule, CentresModule, DeskModule, QueueModule, StaffSessionsModule],
  controllers: [StaffSignInController, DeskPagesController],
  providers: [
    PageRenderer,
    PageExceptionFilter,
    StaffPagesFilter,
    CsrfGuard,
    StaffSessionGuard,
    SignInPages,
    DeskPages,
    IdentityPages,
    QueuePages,
  ],
})
export class StaffPagesModule {}
