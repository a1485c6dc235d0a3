import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/index.js';
import { CalendarChangeService } from '../../centre-admin/index.js';
import { CentresService } from '../../centres/index.js';
import type { CentreView } from '../../centres/index.js';
import { format } from '../base/i18n.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';
import { fieldErrors, formField } from '../staff/staff-form.js';
import type { StaffForm } from '../staff/staff-form.js';
import { adminFrame } from './admin-pages.js';
import { AdminCalendarChanges, centreFrame, centrePath, savedNotice } from './admin-calendar-changes.js';
import {
  CENTRE_FLAGS,
  CENTRE_TEXT_FIELDS,
  Errors,
  formValues,
  issueErrors,
  readCentreForm,
  SLOT_CHOICES,
  Values,
} from './admin-calendar-form.js';

const CENTRE_TARGETS: Record<string, string> = {
  ...Object.fromEntries(CENTRE_TEXT_FIELDS.map((field) => [field, field])),
  witnessPolicy: 'witnessPolicy-1',
  offersHighAssurance: 'offersHighAssurance',
  active: 'active',
};

function centreValues(centre: CentreView): Values {
  const values: Values = {};
  for (const field of CENTRE_TEXT_FIELDS) values[field] = String(centre[field] ?? '');
  for (const flag of CENTRE_FLAGS) values[flag] = centre[flag] ? 'yes' : '';
  return values;
}

/** The administration's list of centres, the new-centre form and a centre's own details. */
@Injectable()
export class AdminCalendarPages {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly centres: CentresService,
    private readonly changes: CalendarChangeService,
    private readonly pages: AdminCalendarChanges,
  ) {}

  async list(page: PageContext, clerk: AuthUser): Promise<PageResult> {
    const t = page.t.admin.calendar;
    const centres = await this.centres.listForUser(clerk);
    return this.renderer.render('calendar-list.njk', page, {
      title: t.title,
      ...adminFrame(clerk, 'centres'),
      rows: centres.map((centre) => ({
        href: centrePath(centre.id),
        name: centre.name,
        municipality: centre.municipality,
        active: centre.active,
        types: centre.appointmentTypes.length,
      })),
    });
  }

  newCentre(page: PageContext, clerk: AuthUser, values?: Values, errors: Errors = {}): PageResult {
    const t = page.t.admin.calendar.centre;
    return this.renderer.render(
      'calendar-centre.njk',
      page,
      {
        title: t.newTitle,
        ...adminFrame(clerk, 'centres'),
        action: '/admin/new-centre',
        submit: t.create,
        ...this.formData(
          page,
          values ?? {
            timeZone: 'Europe/Copenhagen',
            witnessPolicy: 'recommend',
            slotMinutes: '15',
            bookingHorizonDays: '60',
            minNoticeHours: '2',
            cancellationCutoffHours: '0',
          },
          errors,
        ),
      },
      Object.keys(errors).length ? 422 : 200,
    );
  }

  async create(page: PageContext, clerk: AuthUser, form: StaffForm): Promise<PageResult> {
    const values = formValues(form);
    const { dto, errors } = readCentreForm(values, page.t.admin.calendar, false);
    if (!dto) return this.newCentre(page, clerk, values, errors);
    const created = await this.centres.create(dto);
    return { redirect: `${centrePath(created.id)}?saved=created` };
  }

  async details(
    page: PageContext,
    clerk: AuthUser,
    id: string,
    query: StaffForm,
    typed?: { values: Values; errors: Errors },
  ): Promise<PageResult> {
    const centre = await this.centres.get(id, clerk);
    const t = page.t.admin.calendar.centre;
    const errors = typed?.errors ?? {};
    return this.renderer.render(
      'calendar-centre.njk',
      page,
      {
        title: format(t.editTitle, { centre: centre.name }),
        ...centreFrame(clerk, centre, 'details'),
        action: centrePath(centre.id),
        submit: t.save,
        edit: true,
        notices: typed ? [] : savedNotice(page, query),
        ...this.formData(page, typed?.values ?? centreValues(centre), errors),
      },
      Object.keys(errors).length ? 422 : 200,
    );
  }

  async saveDetails(page: PageContext, clerk: AuthUser, id: string, form: StaffForm): Promise<PageResult> {
    const centre = await this.centres.get(id, clerk);
    const values = formValues(form);
    const { dto, errors } = readCentreForm(values, page.t.admin.calendar, true);
    if (!dto || formField(form, 'confirm') === 'back')
      return this.details(page, clerk, id, undefined, { values, errors });
    const outcome = await this.pages.attempt(page, clerk, centre, form, 'details', (confirm) =>
      this.changes.updateCentre(id, dto, confirm, clerk),
    );
    if ('page' in outcome) return outcome.page;
    if ('issues' in outcome) {
      const fields = new Set(Object.keys(CENTRE_TARGETS));
      const issues = issueErrors(
        outcome.issues,
        (field) => (fields.has(field) ? field : undefined),
        'slotMinutes',
        page.t.admin.calendar,
        dto.slotMinutes ?? centre.slotMinutes,
      );
      return this.details(page, clerk, id, undefined, { values, errors: issues });
    }
    return { redirect: `${centrePath(id)}?saved=details${outcome.cancelled ? '&cancelled=1' : ''}` };
  }

  private formData(page: PageContext, values: Values, errors: Errors): Record<string, unknown> {
    const t = page.t.admin.calendar.centre;
    return {
      values,
      errors,
      errorList: fieldErrors(errors, CENTRE_TARGETS),
      hasErrors: Object.keys(errors).length > 0,
      slotOptions: SLOT_CHOICES.map((minutes) => ({
        value: String(minutes),
        label: format(t.minutes, { minutes }),
      })),
      witnessItems: (['recommend', 'require'] as const).map((value) => ({
        value,
        label: value === 'recommend' ? t.witnessRecommend : t.witnessRequire,
        checked: values.witnessPolicy === value,
      })),
      holidays: (['openOnConstitutionDay', 'openOnChristmasEve', 'openOnNewYearsEve'] as const).map(
        (name) => ({
          name,
          label:
            t[
              name === 'openOnConstitutionDay'
                ? 'constitutionDay'
                : name === 'openOnChristmasEve'
                  ? 'christmasEve'
                  : 'newYearsEve'
            ],
          checked: values[name] === 'yes',
        }),
      ),
    };
  }
}
