import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/index.js';
import { CalendarChangeService } from '../../centre-admin/index.js';
import { CentresService } from '../../centres/index.js';
import type { CentreView } from '../../centres/index.js';
import { longDate } from '../base/format.js';
import { format } from '../base/i18n.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';
import { fieldErrors, formField } from '../staff/staff-form.js';
import type { StaffForm } from '../staff/staff-form.js';
import {
  AdminCalendarChanges,
  centreFrame,
  centrePath,
  CentreSection,
  savedNotice,
} from './admin-calendar-changes.js';
import { Errors, formValues, issueErrors, Values } from './admin-calendar-form.js';
import {
  CLOSURE_FIELDS,
  HoursDay,
  hoursDaysFrom,
  hoursDaysOf,
  readClosure,
  readHours,
  readTypes,
  TypeRow,
  typeRowsFrom,
  typeRowsOf,
} from './admin-calendar-rows.js';

/** A list index in a service's field path: `[2].code` → 2 and `code`, `weekly[2]` → 2 and ''. */
function indexed(field: string): { index: number; rest: string } | undefined {
  const match = /\[(\d+)\]\.?(\w*)$/.exec(field);
  return match ? { index: +match[1], rest: match[2] } : undefined;
}

const errorOrder = (errors: Errors): Record<string, string> =>
  Object.fromEntries(Object.keys(errors).map((field) => [field, field]));

/** A centre's appointment types, weekly opening hours and closures. */
@Injectable()
export class AdminCalendarSchedulePages {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly centres: CentresService,
    private readonly changes: CalendarChangeService,
    private readonly pages: AdminCalendarChanges,
  ) {}

  async types(
    page: PageContext,
    clerk: AuthUser,
    id: string,
    query: StaffForm,
    typed?: { rows: TypeRow[]; errors: Errors },
  ): Promise<PageResult> {
    const centre = await this.centres.get(id, clerk);
    const t = page.t.admin.calendar.types;
    const rows = typed?.rows ?? typeRowsOf(centre);
    return this.section(page, clerk, centre, 'types', query, typed?.errors, {
      title: format(t.title, { centre: centre.name }),
      lead: format(t.lead, { minutes: centre.slotMinutes }),
      rows,
      rowCount: rows.length,
    });
  }

  async saveTypes(page: PageContext, clerk: AuthUser, id: string, form: StaffForm): Promise<PageResult> {
    const centre = await this.centres.get(id, clerk);
    const rows = typeRowsFrom(formValues(form));
    const { types, rowOf, errors } = readTypes(rows, page.t.admin.calendar);
    if (Object.keys(errors).length || formField(form, 'confirm') === 'back')
      return this.types(page, clerk, id, undefined, { rows, errors });
    const outcome = await this.pages.attempt(page, clerk, centre, form, 'types', (confirm) =>
      this.changes.replaceAppointmentTypes(id, types, confirm, clerk),
    );
    if ('page' in outcome) return outcome.page;
    if ('issues' in outcome) {
      const fieldOf = (field: string) => {
        const at = indexed(field);
        const row = at && rowOf[at.index];
        if (row === undefined || !at) return undefined;
        const name =
          at.rest === 'durationMinutes' ? 'duration' : at.rest === 'highAssurance' ? 'high' : 'code';
        return `type-${row}-${name}`;
      };
      const fallback = `type-${rowOf[0] ?? 0}-code`;
      return this.types(page, clerk, id, undefined, {
        rows,
        errors: issueErrors(outcome.issues, fieldOf, fallback, page.t.admin.calendar, centre.slotMinutes),
      });
    }
    return { redirect: `${centrePath(id, 'types')}?saved=types${outcome.cancelled ? '&cancelled=1' : ''}` };
  }

  async hours(
    page: PageContext,
    clerk: AuthUser,
    id: string,
    query: StaffForm,
    typed?: { days: HoursDay[]; errors: Errors },
  ): Promise<PageResult> {
    const centre = await this.centres.get(id, clerk);
    const t = page.t.admin.calendar.hours;
    return this.section(page, clerk, centre, 'hours', query, typed?.errors, {
      title: format(t.title, { centre: centre.name }),
      lead: format(t.lead, { minutes: centre.slotMinutes }),
      days: (typed?.days ?? hoursDaysOf(centre)).map((day) => ({
        ...day,
        name: t.weekdays[String(day.weekday) as keyof typeof t.weekdays],
      })),
    });
  }

  async saveHours(page: PageContext, clerk: AuthUser, id: string, form: StaffForm): Promise<PageResult> {
    const centre = await this.centres.get(id, clerk);
    const days = hoursDaysFrom(formValues(form));
    const { weekly, rowOf, errors } = readHours(days, page.t.admin.calendar);
    if (Object.keys(errors).length || formField(form, 'confirm') === 'back')
      return this.hours(page, clerk, id, undefined, { days, errors });
    const outcome = await this.pages.attempt(page, clerk, centre, form, 'hours', (confirm) =>
      this.changes.setOpeningHours(id, weekly, confirm, clerk),
    );
    if ('page' in outcome) return outcome.page;
    if ('issues' in outcome) {
      const fieldOf = (field: string) => {
        const at = indexed(field);
        const row = at && rowOf[at.index];
        return row
          ? `${row}-${at.rest === 'closes' ? 'closes' : at.rest === 'desks' ? 'desks' : 'opens'}`
          : undefined;
      };
      return this.hours(page, clerk, id, undefined, {
        days,
        errors: issueErrors(
          outcome.issues,
          fieldOf,
          `${rowOf[0] ?? 'h-1-0'}-opens`,
          page.t.admin.calendar,
          centre.slotMinutes,
        ),
      });
    }
    return { redirect: `${centrePath(id, 'hours')}?saved=hours${outcome.cancelled ? '&cancelled=1' : ''}` };
  }

  async closures(
    page: PageContext,
    clerk: AuthUser,
    id: string,
    query: StaffForm,
    typed?: { values: Values; errors: Errors },
  ): Promise<PageResult> {
    const centre = await this.centres.get(id, clerk);
    const t = page.t.admin.calendar.closures;
    const list = await this.centres.listClosures(id, clerk);
    const day = (date: string) => longDate(date, page.lang);
    return this.section(
      page,
      clerk,
      centre,
      'closures',
      query,
      typed?.errors,
      {
        title: format(t.title, { centre: centre.name }),
        values: typed?.values ?? {},
        closures: list.map((closure) => ({
          period:
            closure.from === closure.to ? day(closure.from) : `${day(closure.from)} – ${day(closure.to)}`,
          time: closure.startTime ? `${closure.startTime}–${closure.endTime}` : t.wholeDay,
          reason: closure.reason,
        })),
      },
      Object.fromEntries(CLOSURE_FIELDS.map((field) => [field, field])),
    );
  }

  async addClosure(page: PageContext, clerk: AuthUser, id: string, form: StaffForm): Promise<PageResult> {
    const centre = await this.centres.get(id, clerk);
    const values = formValues(form);
    const { dto, errors } = readClosure(values, page.t.admin.calendar);
    if (!dto || formField(form, 'confirm') === 'back')
      return this.closures(page, clerk, id, undefined, { values, errors });
    const outcome = await this.pages.attempt(page, clerk, centre, form, 'closures', (confirm) =>
      this.changes.addClosure(id, dto, confirm, clerk),
    );
    if ('page' in outcome) return outcome.page;
    if ('issues' in outcome) {
      const fields = new Set<string>(CLOSURE_FIELDS);
      return this.closures(page, clerk, id, undefined, {
        values,
        errors: issueErrors(
          outcome.issues,
          (field) => (fields.has(field) ? field : undefined),
          'from',
          page.t.admin.calendar,
          centre.slotMinutes,
        ),
      });
    }
    return {
      redirect: `${centrePath(id, 'closures')}?saved=closure${outcome.cancelled ? '&cancelled=1' : ''}`,
    };
  }

  private section(
    page: PageContext,
    clerk: AuthUser,
    centre: CentreView,
    section: CentreSection,
    query: StaffForm,
    errors: Errors = {},
    data: Record<string, unknown>,
    targets: Record<string, string> = errorOrder(errors),
  ): PageResult {
    const template = `calendar-${section}.njk`;
    return this.renderer.render(
      template,
      page,
      {
        ...centreFrame(clerk, centre, section),
        ...data,
        notices: Object.keys(errors).length ? [] : savedNotice(page, query),
        errors,
        errorList: fieldErrors(errors, targets),
        hasErrors: Object.keys(errors).length > 0,
      },
      Object.keys(errors).length ? 422 : 200,
    );
  }
}
