import { Injectable } from '@nestjs/common';
import { UsersService } from '../../accounts/index.js';
import { AuditService } from '../../audit/index.js';
import type { AuthUser } from '../../auth/index.js';
import { CentresService } from '../../centres/index.js';
import { format } from '../base/i18n.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';
import { fieldErrors, formField, readReference } from '../staff/staff-form.js';
import type { StaffForm } from '../staff/staff-form.js';
import { adminFrame } from './admin-pages.js';
import { actionKey, auditTime } from './admin-people-form.js';

/**
 * A booking's audit trail: asked for by its reference (posted, then the trail's own address by the booking's id, so
 * that a reload reads it again), read through the same AuditService call as the API, which records the read.
 */
@Injectable()
export class AuditPages {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly centres: CentresService,
  ) {}

  form(page: PageContext, admin: AuthUser, reference = '', error?: string, status = 200): PageResult {
    const errors: Record<string, string> = error ? { reference: error } : {};
    return this.renderer.render(
      'people-audit.njk',
      page,
      {
        title: page.t.admin.people.audit.title,
        ...adminFrame(admin, 'audit'),
        reference,
        errors,
        errorList: fieldErrors(errors, { reference: 'reference' }),
        hasErrors: Boolean(error),
      },
      status,
    );
  }

  async find(page: PageContext, admin: AuthUser, form: StaffForm): Promise<PageResult> {
    const t = page.t.admin.people.audit;
    const typed = formField(form, 'reference').trim();
    const reference = readReference(typed);
    if (!reference) return this.form(page, admin, typed, t.referenceInvalid, 422);
    const booking = await this.audit.findBooking({ reference });
    if (!booking) return this.form(page, admin, typed, t.notFound, 404);
    return { redirect: `/admin/booking-audit/${booking.id}` };
  }

  async trail(page: PageContext, admin: AuthUser, id: string): Promise<PageResult> {
    const t = page.t.admin.people.audit;
    const booking = await this.audit.findBooking({ id });
    // an unknown booking is refused by the same call as the API's, with its not-found
    if (!booking) return this.audit.forBooking(id, admin).then(() => this.form(page, admin));
    const records = await this.audit.forBooking(booking.id, admin);
    const centre = await this.centres.get(booking.centreId, admin);
    const emails = new Map((await this.users.list()).map((user) => [user.id, user.email]));
    const actions = t.actions as Record<string, string>;
    return this.renderer.render('people-audit.njk', page, {
      title: format(t.heading, { reference: booking.reference }),
      ...adminFrame(admin, 'audit'),
      booking,
      centreText: format(t.centre, { centre: centre.name, zone: centre.timeZone }),
      rows: records.map((record) => ({
        when: auditTime(record.at, centre.timeZone, page.lang),
        who: emails.get(record.userId) ?? t.unknownUser,
        what: actions[actionKey(record.action)] ?? record.action,
      })),
      reference: '',
      errors: {},
      errorList: [],
    });
  }
}
