import { localDate } from '../calendar/index.js';

/** Why a no-show cannot be recorded at `now`, or null: only once the start plus the grace period has passed. */
export function noShowTooEarly(startsAt: Date, now: Date, graceMinutes: number): string | null {
  const from = startsAt.getTime() + graceMinutes * 60_000;
  if (now.getTime() >= from) return null;
  return `A no-show can be recorded from ${graceMinutes} minutes after the appointment's start, not before`;
}

/** Why a check-in cannot be taken at `now`, or null: only on the appointment's own local day. */
export function checkInRefusal(startsAt: Date, now: Date, timeZone: string): string | null {
  const day = localDate(timeZone, startsAt.getTime());
  const today = localDate(timeZone, now.getTime());
  if (today < day)
    return `This appointment is on ${day}; check-in opens on that day (early arrivals that day are welcome)`;
  if (today > day) return 'The day of this appointment is over; it can no longer be checked in';
  return null;
}
