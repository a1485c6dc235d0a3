import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';

/** Instants seen in a centre's time zone: written once here, for every page, answer and e-mail. */

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
export function inZone(timeZone: string, millis: number): DateTime {
  return DateTime.fromMillis(millis, { zone: FixedOffsetZone.instance(offsetAt(timeZone, millis)) });
}

const two = (n: number) => String(n).padStart(2, '0');

const formatted = new WeakMap<DateTime, string>();

/**
 * 2027-01-12T09:20:00+01:00: the contract's instant, written without Luxon's general formatter (hot path), and
 * remembered per DateTime: the instants of memoised day schedules are formatted once, not on every request.
 */
export function formatInstant(instant: DateTime): string {
  let text = formatted.get(instant);
  if (text === undefined) {
    const offset = instant.offset;
    const local = new Date(instant.toMillis() + offset * 60_000).toISOString().slice(0, 19);
    const abs = Math.abs(offset);
    // Whole minutes, as ISO 8601 writes them (a zone's local mean time before 1900s standard time has seconds).
    text = `${local}${offset < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(Math.floor(abs % 60))}`;
    formatted.set(instant, text);
  }
  return text;
}

export const DAY = 86_400_000;

/** yyyy-MM-dd of a UTC day number (days since 1970-01-01), for years 0000–9999; undefined outside them. */
export function isoDay(dayNumber: number): string | undefined {
  const text = new Date(dayNumber * DAY).toISOString();
  return text.length === 24 ? text.slice(0, 10) : undefined;
}

/** The local date (yyyy-MM-dd) in `timeZone` at an instant, and that date `days` later. */
export function localDate(timeZone: string, millis: number, days = 0): string {
  const dayNumber = Math.floor((millis + offsetAt(timeZone, millis) * 60_000) / DAY) + days;
  return (
    isoDay(dayNumber) ??
    DateTime.fromMillis(millis, { zone: timeZone }).startOf('day').plus({ days }).toISODate()!
  );
}

/**
 * An instant in the contract's form with the offset `timeZone` has at it, e.g. 2027-01-12T09:20:00+01:00
 * (with milliseconds only where it has some, as a recorded time may).
 */
export function formatInZone(timeZone: string, instant: Date): string {
  const text = formatInstant(inZone(timeZone, instant.getTime()));
  const millis = instant.getTime() % 1000;
  return millis === 0
    ? text
    : `${text.slice(0, 19)}.${String((millis + 1000) % 1000).padStart(3, '0')}${text.slice(19)}`;
}
