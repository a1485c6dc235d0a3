/** Why a no-show cannot be recorded at `now`, or null: only once the start plus the grace period has passed. */
export function noShowTooEarly(startsAt: Date, now: Date, graceMinutes: number): string | null {
  const from = startsAt.getTime() + graceMinutes * 60_000;
  if (now.getTime() >= from) return null;
  return `A no-show can be recorded from ${graceMinutes} minutes after the appointment's start, not before`;
}
