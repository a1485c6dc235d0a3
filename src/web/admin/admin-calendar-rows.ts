import type {
  AppointmentTypeDto,
  CentreView,
  CreateClosureDto,
  WeeklyHoursDto,
} from '../../centres/index.js';
import { format } from '../base/i18n.js';
import type { Texts } from '../base/texts/da.js';
import { Errors, readClockTime, readDate, Values } from './admin-calendar-form.js';

type CalendarTexts = Texts['admin']['calendar'];
export const MAX_TYPES = 20;
const MAX_ROWS = 40;
const rowCount = (values: Values, field: string) =>
  Math.min(MAX_ROWS, Math.max(0, Number(values[field]) || 0));

/** One appointment type's fields in the form: `type-<i>-<field>`; existing ones keep their code. */
export interface TypeRow {
  i: number;
  existing: boolean;
  code: string;
  nameDa: string;
  nameEn: string;
  duration: string;
  high: boolean;
  remove: boolean;
}

export function typeRowsOf(centre: CentreView): TypeRow[] {
  const rows = centre.appointmentTypes.map((type, i) => ({
    i,
    existing: true,
    code: type.code,
    nameDa: type.name,
    nameEn: type.nameEn ?? '',
    duration: String(type.durationMinutes),
    high: type.highAssurance,
    remove: false,
  }));
  return [...rows, ...[0, 1].map((n) => blankType(rows.length + n))];
}

const blankType = (i: number): TypeRow => ({
  i,
  existing: false,
  code: '',
  nameDa: '',
  nameEn: '',
  duration: '',
  high: false,
  remove: false,
});

export function typeRowsFrom(values: Values): TypeRow[] {
  return Array.from({ length: rowCount(values, 'typeRows') }, (_, i) => {
    const v = (field: string) => values[`type-${i}-${field}`] ?? '';
    return {
      i,
      existing: v('existing') === 'yes',
      code: v('code').toUpperCase(),
      nameDa: v('nameDa'),
      nameEn: v('nameEn'),
      duration: v('duration'),
      high: v('high') === 'yes',
      remove: v('remove') === 'yes',
    };
  });
}

/** The rows as the API's list; `rowOf[k]` is the form row of the list's k-th type. */
export function readTypes(
  rows: TypeRow[],
  t: CalendarTexts,
): { types: AppointmentTypeDto[]; rowOf: number[]; errors: Errors } {
  const e = t.errors;
  const errors: Errors = {};
  const types: AppointmentTypeDto[] = [];
  const rowOf: number[] = [];
  for (const row of rows) {
    const key = (field: string) => `type-${row.i}-${field}`;
    if (row.existing ? row.remove : !row.code && !row.nameDa && !row.nameEn && !row.duration) continue;
    if (!/^[A-Z][A-Z0-9_]{1,39}$/.test(row.code)) errors[key('code')] = e.codeInvalid;
    if (!row.nameDa) errors[key('nameDa')] = e.nameDaMissing;
    else if (row.nameDa.length > 100) errors[key('nameDa')] = format(e.tooLong, { max: 100 });
    if (row.nameEn.length > 100) errors[key('nameEn')] = format(e.tooLong, { max: 100 });
    const duration = /^\d{1,3}$/.test(row.duration) ? +row.duration : NaN;
    if (!(duration >= 5 && duration <= 480)) errors[key('duration')] = e.durationInvalid;
    types.push({
      code: row.code,
      name: row.nameDa,
      nameEn: row.nameEn || null,
      durationMinutes: duration,
      highAssurance: row.high,
    });
    rowOf.push(row.i);
  }
  const first = rows[0];
  if (!types.length && first) errors[`type-0-${first.existing ? 'remove' : 'code'}`] = e.noTypes;
  if (types.length > MAX_TYPES)
    errors[`type-${rowOf[MAX_TYPES]}-code`] = format(e.tooManyTypes, { max: MAX_TYPES });
  return { types, rowOf, errors };
}

/** One opening interval's fields: `h-<weekday>-<k>-opens|closes|desks`. */
export interface HoursRow {
  key: string;
  n: number;
  opens: string;
  closes: string;
  desks: string;
}
export type HoursDay = { weekday: number; rows: HoursRow[] };

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const hoursRow = (weekday: number, k: number, opens = '', closes = '', desks = ''): HoursRow => ({
  key: `h-${weekday}-${k}`,
  n: k + 1,
  opens,
  closes,
  desks,
});

/** Each weekday's intervals and one empty interval more (two at least), for adding without script. */
export function hoursDaysOf(centre: CentreView): HoursDay[] {
  return WEEKDAYS.map((weekday) => {
    const existing = centre.openingHours
      .filter((entry) => entry.weekday === weekday)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((entry, k) => hoursRow(weekday, k, entry.opens, entry.closes, String(entry.desks)));
    const count = Math.max(existing.length + 1, 2);
    return {
      weekday,
      rows: [
        ...existing,
        ...Array.from({ length: count - existing.length }, (_, n) => hoursRow(weekday, existing.length + n)),
      ],
    };
  });
}

export function hoursDaysFrom(values: Values): HoursDay[] {
  return WEEKDAYS.map((weekday) => ({
    weekday,
    rows: Array.from({ length: rowCount(values, `hours-${weekday}-rows`) }, (_, k) => {
      const key = `h-${weekday}-${k}`;
      return hoursRow(weekday, k, values[`${key}-opens`], values[`${key}-closes`], values[`${key}-desks`]);
    }),
  }));
}

/** The intervals as the API's weekly list; `rowOf[i]` is the form row of the list's i-th interval. */
export function readHours(
  days: HoursDay[],
  t: CalendarTexts,
): { weekly: WeeklyHoursDto[]; rowOf: string[]; errors: Errors } {
  const e = t.errors;
  const errors: Errors = {};
  const weekly: WeeklyHoursDto[] = [];
  const rowOf: string[] = [];
  for (const day of days)
    for (const row of day.rows) {
      if (!row.opens && !row.closes && !row.desks) continue;
      const opens = readClockTime(row.opens);
      const closes = readClockTime(row.closes);
      const desks = /^\d{1,3}$/.test(row.desks) ? +row.desks : NaN;
      if (!opens) errors[`${row.key}-opens`] = row.opens ? e.timeInvalid : e.intervalIncomplete;
      if (!closes) errors[`${row.key}-closes`] = row.closes ? e.timeInvalid : e.intervalIncomplete;
      if (!(desks >= 1 && desks <= 100))
        errors[`${row.key}-desks`] = row.desks ? e.desksInvalid : e.intervalIncomplete;
      weekly.push({ weekday: day.weekday, opens: opens ?? '', closes: closes ?? '', desks });
      rowOf.push(row.key);
    }
  return { weekly, rowOf, errors };
}

export const CLOSURE_FIELDS = ['from', 'to', 'startTime', 'endTime', 'reason'] as const;

export function readClosure(values: Values, t: CalendarTexts): { dto?: CreateClosureDto; errors: Errors } {
  const e = t.errors;
  const errors: Errors = {};
  const from = readDate(values.from ?? '');
  if (!from) errors.from = e.dateInvalid;
  const to = values.to ? readDate(values.to) : from;
  if (values.to && !to) errors.to = e.dateInvalid;
  const startTime = values.startTime ? readClockTime(values.startTime) : undefined;
  if (values.startTime && !startTime) errors.startTime = e.timeInvalid;
  const endTime = values.endTime ? readClockTime(values.endTime) : undefined;
  if (values.endTime && !endTime) errors.endTime = e.timeInvalid;
  const reason = values.reason ?? '';
  if (!reason) errors.reason = e.reasonMissing;
  else if (reason.length > 500) errors.reason = format(e.tooLong, { max: 500 });
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    dto: {
      from: from!,
      to: to!,
      reason,
      ...(startTime ? { startTime } : {}),
      ...(endTime ? { endTime } : {}),
    },
  };
}
