import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/index.js';
import { AffectedBookingsService, affectedBookingsOf } from '../../centre-admin/index.js';
import { CalendarError, CalendarErrorCode } from '../../centres/index.js';
import type { CentreView } from '../../centres/index.js';
import type { FieldIssue } from '../../common/domain-error.js';
import { localTime } from '../base/format.js';
import { format } from '../base/i18n.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';
import { formField, maskName } from '../staff/staff-form.js';
import type { StaffForm } from '../staff/staff-form.js';
import { adminFrame } from './admin-pages.js';
import { formValues } from './admin-calendar-form.js';

export type CentreSection = 'details' | 'types' | 'hours' | 'closures';
const SECTIONS: { key: CentreSection; path: string }[] = [
  { key: 'details', path: '' },
  { key: 'types', path: '/types' },
  { key: 'hours', path: '/hours' },
  { key: 'closures', path: '/closures' },
];

export const centrePath = (id: string, section: CentreSection = 'details'): string =>
  `/admin/centre/${id}${SECTIONS.find((entry) => entry.key === section)!.path}`;

/** What every page of one centre shows besides its own data: the administration's frame and the centre's tabs. */
export function centreFrame(
  clerk: AuthUser,
  centre: CentreView,
  section: CentreSection,
): Record<string, unknown> {
  return {
    ...adminFrame(clerk, 'centres'),
    centre,
    centreNav: SECTIONS.map((entry) => ({
      key: entry.key,
      href: centrePath(centre.id, entry.key),
      current: entry.key === section,
    })),
  };
}

/** The success notice a page shows after its redirect (`?saved=…`, `&cancelled=1`), or none. */
export function savedNotice(page: PageContext, query: StaffForm): string[] {
  const saved = formField(query, 'saved') as keyof PageContext['t']['admin']['calendar']['saved'];
  const texts = page.t.admin.calendar.saved;
  if (!saved || !(saved in texts) || saved === 'cancelled') return [];
  return [texts[saved], ...(formField(query, 'cancelled') === '1' ? [texts.cancelled] : [])];
}

export type ChangeOutcome<T> =
  { done: T; cancelled: boolean } | { page: PageResult } | { issues: FieldIssue[] };

/**
 * A calendar change from a form: applied, or (when it would take desks from booked times and was not confirmed)
 * the confirmation page listing those bookings with the form's values in hidden fields, or the service's refusal.
 */
@Injectable()
export class AdminCalendarChanges {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly affected: AffectedBookingsService,
  ) {}

  async attempt<T>(
    page: PageContext,
    clerk: AuthUser,
    centre: CentreView,
    form: StaffForm,
    section: CentreSection,
    apply: (confirm: boolean) => Promise<T>,
  ): Promise<ChangeOutcome<T>> {
    const confirm = formField(form, 'confirm') === 'yes';
    try {
      return { done: await apply(confirm), cancelled: confirm };
    } catch (error) {
      const listed = affectedBookingsOf(error);
      if (listed.length) return { page: await this.confirmation(page, clerk, centre, form, section, listed) };
      if (
        error instanceof CalendarError &&
        (error.code === CalendarErrorCode.InvalidCalendar ||
          error.code === CalendarErrorCode.BookedCapacityAffected)
      )
        return { issues: error.details };
      throw error;
    }
  }

  private async confirmation(
    page: PageContext,
    clerk: AuthUser,
    centre: CentreView,
    form: StaffForm,
    section: CentreSection,
    listed: Parameters<AffectedBookingsService['describe']>[0],
  ): Promise<PageResult> {
    const t = page.t.admin.calendar.confirm;
    const bookings = await this.affected.describe(listed, clerk);
    const values = formValues(form);
    return this.renderer.render(
      'calendar-confirm.njk',
      page,
      {
        title: t.title,
        ...centreFrame(clerk, centre, section),
        lead: bookings.length === 1 ? t.leadOne : format(t.lead, { count: bookings.length }),
        action: centrePath(centre.id, section),
        hidden: Object.entries(values).map(([name, value]) => ({ name, value })),
        rows: bookings.map((booking) => ({
          time: localTime(booking.startsAt, page.lang),
          reference: booking.reference,
          type:
            page.lang === 'en'
              ? (booking.appointmentType.nameEn ?? booking.appointmentType.name)
              : booking.appointmentType.name,
          // masked as on the desk's day list: the first name and initials, never the whole name or the CPR number
          name: maskName(booking.applicantName),
        })),
      },
      409,
    );
  }
}
