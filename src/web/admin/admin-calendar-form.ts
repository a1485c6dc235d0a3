import { IANAZone } from 'luxon';
import type { FieldIssue } from '../../common/domain-error.js';
import type { CreateCentreDto, UpdateCentreDto } from '../../centres/index.js';
import { format } from '../base/i18n.js';
import type { Texts } from '../base/texts/da.js';
import { formField, readDay } from '../staff/staff-form.js';
import type { StaffForm } from '../staff/staff-form.js';

export type Errors = Record<string, string>;
export type Values = Record<string, string>;
type CalendarTexts = Texts['admin']['calendar'];

export const SLOT_CHOICES = [5, 10, 15, 20, 30, 60];
export const CENTRE_TEXT_FIELDS = [
  'name',
  'address',
  'municipality',
  'timeZone',
  'contactEmail',
  'contactPhone',
  'witnessPolicy',
  'slotMinutes',
  'bookingHorizonDays',
  'minNoticeHours',
  'cancellationCutoffHours',
] as const;
export const CENTRE_FLAGS = [
  'offersHighAssurance',
  'openOnConstitutionDay',
  'openOnChristmasEve',
  'openOnNewYearsEve',
  'active',
] as const;

/** A form's fields as typed (trimmed), for writing back into the form or into a confirmation's hidden fields. */
export function formValues(form: StaffForm): Values {
  const values: Values = {};
  if (form === null || typeof form !== 'object') return values;
  for (const name of Object.keys(form)) {
    // a body that is not a form (JSON, say) may hold anything: only text is a field's value
    const value = formField(form, name) as unknown;
    if (name !== '_csrf' && name !== 'confirm' && typeof value === 'string') values[name] = value.trim();
  }
  return values;
}

/** A whole number in a range, or the error for it. */
function wholeNumber(
  text: string,
  min: number,
  max: number,
  errors: Errors,
  field: string,
  t: CalendarTexts,
) {
  if (/^\d{1,4}$/.test(text) && +text >= min && +text <= max) return +text;
  errors[field] = format(t.errors.wholeNumber, { min, max });
  return undefined;
}

function text(values: Values, field: string, max: number, missing: string, errors: Errors, t: CalendarTexts) {
  const value = values[field] ?? '';
  if (!value) errors[field] = missing;
  else if (value.length > max) errors[field] = format(t.errors.tooLong, { max });
  return value;
}

/** The centre form as the API's create or patch body; `edit` adds `active` and clears emptied contacts. */
export function readCentreForm(
  values: Values,
  t: CalendarTexts,
  edit: boolean,
): { dto?: CreateCentreDto & UpdateCentreDto; errors: Errors } {
  const errors: Errors = {};
  const e = t.errors;
  const name = text(values, 'name', 200, e.nameMissing, errors, t);
  const address = text(values, 'address', 300, e.addressMissing, errors, t);
  const municipality = text(values, 'municipality', 100, e.municipalityMissing, errors, t);
  const timeZone = values.timeZone || 'Europe/Copenhagen';
  if (!IANAZone.isValidZone(timeZone)) errors.timeZone = e.timeZoneInvalid;
  const email = values.contactEmail ?? '';
  if (email && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)))
    errors.contactEmail = e.emailInvalid;
  const phone = values.contactPhone ?? '';
  if (phone && !/^\+?[0-9 ()-]{6,20}$/.test(phone)) errors.contactPhone = e.phoneInvalid;
  const witnessPolicy = values.witnessPolicy ?? '';
  if (witnessPolicy !== 'recommend' && witnessPolicy !== 'require') errors.witnessPolicy = e.witnessInvalid;
  const slotMinutes = Number(values.slotMinutes);
  if (!SLOT_CHOICES.includes(slotMinutes)) errors.slotMinutes = e.slotInvalid;
  const bookingHorizonDays = wholeNumber(
    values.bookingHorizonDays ?? '',
    1,
    366,
    errors,
    'bookingHorizonDays',
    t,
  );
  const minNoticeHours = wholeNumber(values.minNoticeHours ?? '', 0, 720, errors, 'minNoticeHours', t);
  const cancellationCutoffHours = wholeNumber(
    values.cancellationCutoffHours || '0',
    0,
    720,
    errors,
    'cancellationCutoffHours',
    t,
  );
  if (Object.keys(errors).length) return { errors };
  const flag = (field: string) => values[field] === 'yes';
  return {
    errors,
    dto: {
      name,
      address,
      municipality,
      timeZone,
      witnessPolicy: witnessPolicy as 'recommend' | 'require',
      slotMinutes,
      bookingHorizonDays: bookingHorizonDays!,
      minNoticeHours: minNoticeHours!,
      cancellationCutoffHours: cancellationCutoffHours!,
      offersHighAssurance: flag('offersHighAssurance'),
      openOnConstitutionDay: flag('openOnConstitutionDay'),
      openOnChristmasEve: flag('openOnChristmasEve'),
      openOnNewYearsEve: flag('openOnNewYearsEve'),
      ...(edit
        ? { active: flag('active'), contactEmail: email || null, contactPhone: phone || null }
        : { ...(email ? { contactEmail: email } : {}), ...(phone ? { contactPhone: phone } : {}) }),
    } as CreateCentreDto & UpdateCentreDto,
  };
}

/** A clock time as people type it (9:00, 09.00, 0900) as HH:mm, or undefined. */
export function readClockTime(input: string): string | undefined {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(input.trim());
  if (!match || +match[1] > 23 || +match[2] > 59) return undefined;
  return `${match[1].padStart(2, '0')}:${match[2]}`;
}

export function readDate(input: string): string | undefined {
  return readDay(input);
}

/** A service's field issue in the page's words; `minutes`: the centre's slot grid. */
export function issueText(issue: FieldIssue, t: CalendarTexts, minutes: number): string {
  const e = t.errors;
  const m = issue.message;
  if (/slot grid/.test(m)) return format(e.notOnGrid, { minutes });
  if (/must be after opens/.test(m)) return e.closesBeforeOpens;
  if (/overlaps/.test(m)) return e.overlaps;
  if (/multiple of slotMinutes/.test(m)) return format(e.durationGrid, { minutes });
  if (/listed twice/.test(m)) return format(e.codeTwice, { code: m.split(' ')[0] });
  if (/does not offer high assurance/.test(m)) return e.highAssuranceNotOffered;
  if (/must not be before from/.test(m)) return e.toBeforeFrom;
  if (/at most 366 days/.test(m)) return e.rangeTooLong;
  if (/give both/.test(m)) return e.bothTimes;
  if (/must be after startTime/.test(m)) return e.endBeforeStart;
  if (/future times are booked/.test(m)) return issue.field === 'timeZone' ? e.zoneBooked : e.gridBooked;
  if (/not on this grid/.test(m)) return e.gridTypes;
  if (/still offers high-assurance/.test(m)) return e.stillHighAssurance;
  return format(e.other, { message: m });
}

/**
 * A service's field issues on the form's fields (`fieldOf` names the form field of an API field, or none); an issue
 * on no field of the form goes to `fallback`, so that a refusal is never without a message.
 */
export function issueErrors(
  issues: FieldIssue[],
  fieldOf: (apiField: string) => string | undefined,
  fallback: string,
  t: CalendarTexts,
  minutes: number,
): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const field = fieldOf(issue.field);
    if (field && !errors[field]) errors[field] = issueText(issue, t, minutes);
  }
  if (!Object.keys(errors).length)
    errors[fallback] = issues.length
      ? issueText(issues[0], t, minutes)
      : format(t.errors.other, { message: '' });
  return errors;
}
