import { DateTime } from 'luxon';
import { CalendarRules, daySchedule } from '../availability/calendar-rules.js';

export interface HeldBooking {
  id: string;
  cellStarts: Date[];
  createdAt: Date;
}

/** Desks per grid cell (epoch millis) on the local dates that the given instants fall on. */
export function desksByCell(rules: CalendarRules, instants: Date[]): Map<number, number> {
  const dates = new Set(
    instants.map((instant) => DateTime.fromJSDate(instant, { zone: rules.timeZone }).toISODate()!),
  );
  const desks = new Map<number, number>();
  for (const date of dates) {
    for (const cell of daySchedule(rules, date).cells) desks.set(cell.startsAt.toMillis(), cell.desks);
  }
  return desks;
}

/**
 * The bookings a calendar would no longer have room for: in each cell the earliest-made bookings keep their
 * desks, and the rest, or all of them where the cell is gone, lose theirs.
 */
export function bookingsLosingCapacity(rules: CalendarRules, bookings: HeldBooking[]): string[] {
  const desks = desksByCell(
    rules,
    bookings.flatMap((booking) => booking.cellStarts),
  );
  const holders = new Map<number, HeldBooking[]>();
  for (const booking of [...bookings].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    for (const cell of booking.cellStarts)
      holders.set(cell.getTime(), [...(holders.get(cell.getTime()) ?? []), booking]);
  }
  const losing = new Set<string>();
  for (const [cell, list] of holders) {
    list.slice(desks.get(cell) ?? 0).forEach((booking) => losing.add(booking.id));
  }
  return bookings.filter((booking) => losing.has(booking.id)).map((booking) => booking.id);
}
