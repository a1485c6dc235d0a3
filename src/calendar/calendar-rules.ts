import { DateTime } from 'luxon';
import { closingHolidayNames, HolidayOptions } from './danish-holidays.js';
import { DAY, inZone, isoDay, localDate } from './zoned-time.js';

export interface WeeklyInterval {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Local wall-clock time, HH:mm. */
  opens: string;
  closes: string;
  desks: number;
}

export interface ClosureRule {
  fromDate: string;
  toDate: string;
  /** Both null: the whole day. */
  startTime: string | null;
  endTime: string | null;
  reason: string;
}

export interface CalendarRules extends HolidayOptions {
  timeZone: string;
  slotMinutes: number;
  bookingHorizonDays: number;
  minNoticeHours: number;
  weekly: WeeklyInterval[];
  closures: ClosureRule[];
}

/** One grid cell of opening time: the unit that capacity is counted in. */
export interface Cell {
  startsAt: DateTime;
  desks: number;
}

/** A closed day's reason in both languages (an administrator's closure reason is given as typed in both). */
export interface ClosedTexts {
  da: string;
  en: string;
}

/** A weekday the centre has no opening hours on. */
export const NO_OPENING_HOURS: ClosedTexts = {
  da: 'Centret har ikke åbent på denne ugedag',
  en: 'The centre is not open on this weekday',
};

export interface DaySchedule {
  date: string;
  cells: Cell[];
  closedReason?: string;
  closedTexts?: ClosedTexts;
}

export interface Slot {
  startsAt: DateTime;
  endsAt: DateTime;
  remaining: number;
}

export interface DayAvailability {
  date: string;
  slots: Slot[];
  closedReason?: string;
  closedTexts?: ClosedTexts;
}

/** Bookings already holding each cell, keyed by the cell's epoch milliseconds. */
export type BookedCount = (cellStartMillis: number) => number;

function at(date: string, time: string, zone: string): DateTime {
  return DateTime.fromISO(`${date}T${time}`, { zone });
}

/** Remembered day schedules per rules object (a cached centre calendar keeps its object until it changes). */
const daySchedules = new WeakMap<CalendarRules, Map<string, DaySchedule>>();
const MAX_REMEMBERED_DAYS = 1_000;

/**
 * The open grid cells of one local date. Cells are stepped in absolute time from each opening instant, so a
 * daylight-saving day gets exactly the cells its real length holds and the instants carry the right offset.
 * Pure in (rules, date), so it is computed once per rules object and date; rules must not be changed in place.
 */
export function daySchedule(rules: CalendarRules, date: string): DaySchedule {
  let days = daySchedules.get(rules);
  if (!days) daySchedules.set(rules, (days = new Map<string, DaySchedule>()));
  let day = days.get(date);
  if (!day) {
    if (days.size >= MAX_REMEMBERED_DAYS) days.clear();
    day = computeDaySchedule(rules, date);
    days.set(date, day);
  }
  return day;
}

function computeDaySchedule(rules: CalendarRules, date: string): DaySchedule {
  const holiday = closingHolidayNames(date, rules);
  if (holiday) return { date, cells: [], closedReason: holiday.da, closedTexts: holiday };
  const closures = rules.closures.filter((closure) => closure.fromDate <= date && date <= closure.toDate);
  const whole = closures.find((closure) => closure.startTime === null);
  if (whole)
    return {
      date,
      cells: [],
      closedReason: whole.reason,
      closedTexts: { da: whole.reason, en: whole.reason },
    };

  const weekday = DateTime.fromISO(date, { zone: rules.timeZone }).weekday;
  if (!rules.weekly.some((w) => w.weekday === weekday))
    return { date, cells: [], closedReason: NO_OPENING_HOURS.da, closedTexts: NO_OPENING_HOURS };
  const partial = closures.map((closure) => ({
    from: at(date, closure.startTime!, rules.timeZone).toMillis(),
    to: at(date, closure.endTime!, rules.timeZone).toMillis(),
  }));
  const stepMillis = rules.slotMinutes * 60_000;
  const cells: Cell[] = [];
  for (const interval of rules.weekly.filter((w) => w.weekday === weekday)) {
    const closes = at(date, interval.closes, rules.timeZone).toMillis();
    for (
      let start = at(date, interval.opens, rules.timeZone).toMillis();
      start + stepMillis <= closes;
      start += stepMillis
    ) {
      if (partial.some((window) => start < window.to && start + stepMillis > window.from)) continue;
      cells.push({ startsAt: inZone(rules.timeZone, start), desks: interval.desks });
    }
  }
  cells.sort((a, b) => a.startsAt.toMillis() - b.startsAt.toMillis());
  return { date, cells };
}

/**
 * Seen from `now`: the first instant a booking may start at (epoch ms) and the last local date it may fall on.
 * Plain arithmetic on the zone's offset (cached per quarter hour): this runs on every request.
 */
export function bookingWindow(rules: CalendarRules, now: DateTime): { earliest: number; lastDate: string } {
  const millis = now.toMillis();
  return {
    earliest: millis + rules.minNoticeHours * 3_600_000,
    lastDate: localDate(rules.timeZone, millis, rules.bookingHorizonDays),
  };
}

/** The `count` cells from index `first` when they follow each other without a gap, else undefined. */
function contiguousRun(
  rules: CalendarRules,
  cells: Cell[],
  first: number,
  count: number,
): Cell[] | undefined {
  const run = cells.slice(first, first + count);
  const stepMillis = rules.slotMinutes * 60_000;
  const contiguous =
    run.length === count &&
    run.every(
      (cell, i) => i === 0 || cell.startsAt.toMillis() - run[i - 1].startsAt.toMillis() === stepMillis,
    );
  return contiguous ? run : undefined;
}

const cellsFor = (rules: CalendarRules, durationMinutes: number) =>
  Math.ceil(durationMinutes / rules.slotMinutes);

/** A slot of a day before bookings are counted: its instants and the cells it would take. */
interface SlotTemplate {
  startsAt: DateTime;
  endsAt: DateTime;
  startMillis: number;
  cells: Cell[];
}

const templatesOfDay = new WeakMap<DaySchedule, Map<number, SlotTemplate[]>>();

/** The slots of `durationMinutes` a day offers, whatever is booked: remembered per day schedule and duration. */
function slotTemplates(rules: CalendarRules, day: DaySchedule, durationMinutes: number): SlotTemplate[] {
  let byDuration = templatesOfDay.get(day);
  if (!byDuration) templatesOfDay.set(day, (byDuration = new Map<number, SlotTemplate[]>()));
  let templates = byDuration.get(durationMinutes);
  if (!templates) {
    templates = [];
    const cellsNeeded = cellsFor(rules, durationMinutes);
    for (let first = 0; first + cellsNeeded <= day.cells.length; first++) {
      const run = contiguousRun(rules, day.cells, first, cellsNeeded);
      if (!run) continue;
      const startMillis = run[0].startsAt.toMillis();
      templates.push({
        startsAt: run[0].startsAt,
        endsAt: inZone(rules.timeZone, startMillis + durationMinutes * 60_000),
        startMillis,
        cells: run,
      });
    }
    byDuration.set(durationMinutes, templates);
  }
  return templates;
}

/** How many more bookings of `need` desks each the slot's fullest cell has room for. */
function withRemaining(template: SlotTemplate, booked: BookedCount, need = 1): Slot {
  let free = Infinity;
  for (const cell of template.cells) {
    free = Math.min(free, cell.desks - booked(cell.startsAt.toMillis()));
  }
  return {
    startsAt: template.startsAt,
    endsAt: template.endsAt,
    remaining: Math.max(0, Math.floor(free / need)),
  };
}

/** Slots of `durationMinutes` that start on the grid and fit in consecutive open cells. */
export function slotsOfDay(
  rules: CalendarRules,
  day: DaySchedule,
  durationMinutes: number,
  booked: BookedCount,
): Slot[] {
  return slotTemplates(rules, day, durationMinutes).map((template) => withRemaining(template, booked));
}

export function eachDate(from: string, to: string): string[] {
  const first = DateTime.fromISO(from, { zone: 'utc' });
  // Counted, not compared as strings: past year 9999 ISO dates gain a sign and would sort before the end.
  const days = Math.floor(DateTime.fromISO(to, { zone: 'utc' }).diff(first, 'days').days) + 1;
  const firstDay = Math.floor(first.toMillis() / DAY);
  return Array.from(
    { length: Math.max(0, days) },
    (_, i) => isoDay(firstDay + i) ?? first.plus({ days: i }).toISODate()!,
  );
}

/** Free times per local date in [from, to], as a citizen may book them at `now`. */
export function availability(
  rules: CalendarRules,
  query: {
    from: string;
    to: string;
    durationMinutes: number;
    now: DateTime;
    booked: BookedCount;
    /** Desks each booking holds: 2 for high assurance. */
    desksNeeded?: number;
  },
): DayAvailability[] {
  const window = bookingWindow(rules, query.now);
  return eachDate(query.from, query.to).map((date) => {
    const day = daySchedule(rules, date);
    const bookable =
      date > window.lastDate
        ? []
        : slotTemplates(rules, day, query.durationMinutes)
            .filter((template) => template.startMillis >= window.earliest)
            .map((template) => withRemaining(template, query.booked, query.desksNeeded));
    return day.closedReason
      ? { date, slots: bookable, closedReason: day.closedReason, closedTexts: day.closedTexts }
      : { date, slots: bookable };
  });
}

export type BookableSlot = { ok: true; cells: Cell[]; endsAt: DateTime } | { ok: false; reason: string };

/** Whether a citizen may book `startsAt` at `now`: exactly the times availability offers, whatever their capacity. */
export function bookableSlot(
  rules: CalendarRules,
  startsAt: DateTime,
  durationMinutes: number,
  now: DateTime,
): BookableSlot {
  const window = bookingWindow(rules, now);
  if (startsAt.toMillis() < window.earliest)
    return { ok: false, reason: 'is in the past or sooner than the minimum notice' };
  const date = localDate(rules.timeZone, startsAt.toMillis());
  if (date > window.lastDate) return { ok: false, reason: 'is beyond the booking horizon' };
  const day = daySchedule(rules, date);
  const first = day.cells.findIndex((cell) => cell.startsAt.toMillis() === startsAt.toMillis());
  const cells =
    first < 0 ? undefined : contiguousRun(rules, day.cells, first, cellsFor(rules, durationMinutes));
  if (!cells)
    return {
      ok: false,
      reason: day.closedReason
        ? `falls on a closed day (${day.closedReason})`
        : 'is not a bookable time at this centre',
    };
  return {
    ok: true,
    cells,
    endsAt: inZone(rules.timeZone, cells[0].startsAt.toMillis() + durationMinutes * 60_000),
  };
}
