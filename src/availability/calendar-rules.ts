import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { closingHoliday, HolidayOptions } from './danish-holidays.js';

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

export interface DaySchedule {
  date: string;
  cells: Cell[];
  closedReason?: string;
}

const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

/**
 * The zone's UTC offset (minutes) at an instant. Asking the zone database is costly, and every zone changes
 * offset only on a quarter hour of UTC, so answers are remembered per zone and quarter hour.
 */
function offsetAt(timeZone: string, millis: number): number {
  const key = `${timeZone}|${Math.floor(millis / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 200_000) offsets.clear();
    offset = IANAZone.create(timeZone).offset(millis);
    offsets.set(key, offset);
  }
  return offset;
}

/** An instant shown with the offset in force at it, in a fixed-offset zone (cheap to format and compare). */
function inZone(timeZone: string, millis: number): DateTime {
  return DateTime.fromMillis(millis, { zone: FixedOffsetZone.instance(offsetAt(timeZone, millis)) });
}

const two = (n: number) => String(n).padStart(2, '0');

/** 2027-01-12T09:20:00+01:00: the contract's instant, written without Luxon's general formatter (hot path). */
export function formatInstant(instant: DateTime): string {
  const offset = instant.offset;
  const local = new Date(instant.toMillis() + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
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
}

/** Bookings already holding each cell, keyed by the cell's epoch milliseconds. */
export type BookedCount = (cellStartMillis: number) => number;

function at(date: string, time: string, zone: string): DateTime {
  return DateTime.fromISO(`${date}T${time}`, { zone });
}

/**
 * The open grid cells of one local date. Cells are stepped in absolute time from each opening instant, so a
 * daylight-saving day gets exactly the cells its real length holds and the instants carry the right offset.
 */
export function daySchedule(rules: CalendarRules, date: string): DaySchedule {
  const holiday = closingHoliday(date, rules);
  if (holiday) return { date, cells: [], closedReason: holiday };
  const closures = rules.closures.filter((closure) => closure.fromDate <= date && date <= closure.toDate);
  const whole = closures.find((closure) => closure.startTime === null);
  if (whole) return { date, cells: [], closedReason: whole.reason };

  const weekday = DateTime.fromISO(date, { zone: rules.timeZone }).weekday;
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

/** The first and last instant a booking may start at, seen from `now`. */
export function bookingWindow(rules: CalendarRules, now: DateTime): { earliest: DateTime; lastDate: string } {
  return {
    earliest: now.plus({ hours: rules.minNoticeHours }),
    lastDate: now
      .setZone(rules.timeZone)
      .startOf('day')
      .plus({ days: rules.bookingHorizonDays })
      .toISODate()!,
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

/** Slots of `durationMinutes` that start on the grid and fit in consecutive open cells. */
export function slotsOfDay(
  rules: CalendarRules,
  day: DaySchedule,
  durationMinutes: number,
  booked: BookedCount,
): Slot[] {
  const cellsNeeded = cellsFor(rules, durationMinutes);
  const slots: Slot[] = [];
  for (let first = 0; first + cellsNeeded <= day.cells.length; first++) {
    const run = contiguousRun(rules, day.cells, first, cellsNeeded);
    if (!run) continue;
    const remaining = Math.min(...run.map((cell) => cell.desks - booked(cell.startsAt.toMillis())));
    slots.push({
      startsAt: run[0].startsAt,
      endsAt: inZone(rules.timeZone, run[0].startsAt.toMillis() + durationMinutes * 60_000),
      remaining: Math.max(0, remaining),
    });
  }
  return slots;
}

export function eachDate(from: string, to: string): string[] {
  const first = DateTime.fromISO(from, { zone: 'utc' });
  // Counted, not compared as strings: past year 9999 ISO dates gain a sign and would sort before the end.
  const days = Math.floor(DateTime.fromISO(to, { zone: 'utc' }).diff(first, 'days').days) + 1;
  return Array.from({ length: Math.max(0, days) }, (_, i) => first.plus({ days: i }).toISODate()!);
}

/** Free times per local date in [from, to], as a citizen may book them at `now`. */
export function availability(
  rules: CalendarRules,
  query: { from: string; to: string; durationMinutes: number; now: DateTime; booked: BookedCount },
): DayAvailability[] {
  const window = bookingWindow(rules, query.now);
  return eachDate(query.from, query.to).map((date) => {
    const day = daySchedule(rules, date);
    const bookable =
      date > window.lastDate
        ? []
        : slotsOfDay(rules, day, query.durationMinutes, query.booked).filter(
            (slot) => slot.startsAt >= window.earliest,
          );
    return day.closedReason
      ? { date, slots: bookable, closedReason: day.closedReason }
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
  if (startsAt < window.earliest)
    return { ok: false, reason: 'is in the past or sooner than the minimum notice' };
  const date = startsAt.setZone(rules.timeZone).toISODate()!;
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
