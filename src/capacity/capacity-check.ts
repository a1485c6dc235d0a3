import { CalendarRules, daySchedule, localDate } from '../calendar/index.js';

export interface HeldBooking {
  id: string;
  cellStarts: Date[];
  /** Desks it holds in each of its cells (2 for high assurance). */
  desksNeeded: number;
  createdAt: Date;
}

/** Desks per grid cell (epoch millis) on the local dates that the given instants fall on. */
export function desksByCell(rules: CalendarRules, instants: Date[]): Map<number, number> {
  const dates = new Set(instants.map((instant) => localDate(rules.timeZone, instant.getTime())));
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
  const used = new Map<number, number>();
  const losing: string[] = [];
  // Earliest-made first; a booking that loses one of its cells takes no desk in its others.
  for (const booking of [...bookings].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const cells = booking.cellStarts.map((cell) => cell.getTime());
    const need = booking.desksNeeded;
    if (cells.every((cell) => (used.get(cell) ?? 0) + need <= (desks.get(cell) ?? 0))) {
      cells.forEach((cell) => used.set(cell, (used.get(cell) ?? 0) + need));
    } else {
      losing.push(booking.id);
    }
  }
  return bookings.filter((booking) => losing.includes(booking.id)).map((booking) => booking.id);
}
