import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../auth/index.js';
import { CsrfGuard } from '../base/csrf.guard.js';
import { StaffSessionGuard } from '../staff/staff-session.guard.js';
import { AdminOnlyGuard } from './admin-only.guard.js';
import { AdminPagesFilter } from './admin-pages.filter.js';

/** The sections of the administration, in the order of its navigation; `key` names its text in `t.admin.nav`. */
export const ADMIN_SECTIONS = [
  { key: 'home', href: '/admin' },
  { key: 'centres', href: '/admin/centre' },
  { key: 'accounts', href: '/admin/accounts' },
  { key: 'audit', href: '/admin/booking-audit' },
  { key: 'outbox', href: '/admin/mail' },
  { key: 'statistics', href: '/admin/figures' },
] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number]['key'];

/**
 * A controller of administration pages: outside the API's documentation and bearer token, a live staff session of
 * an administrator on every request (desk accounts get the 403 page), a CSRF token on every form.
 *
 * Page paths must not equal an API route's path (`admin/centres…`, `admin/users…`, `admin/outbox`,
 * `admin/bookings/:id/audit`): they are left out of the /api prefix by pattern, so each module lists its own and the
 * pages use other words and parameter names.
 */
export const AdminPagesController = (path = 'admin'): ClassDecorator =>
  applyDecorators(
    ApiExcludeController(),
    Controller(path),
    Public(),
    UseGuards(StaffSessionGuard, AdminOnlyGuard, CsrfGuard),
    UseFilters(AdminPagesFilter),
  );

/** What every administration template needs besides its own data: the account and the navigation. */
export function adminFrame(clerk: unknown, section: AdminSection): Record<string, unknown> {
  return {
    clerk,
    adminNav: ADMIN_SECTIONS.map((entry) => ({ ...entry, current: entry.key === section })),
  };
}
