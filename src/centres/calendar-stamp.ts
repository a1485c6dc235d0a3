/**
 * What identifies the committed state of a centre's calendar, to select from `centre c`: `calendar_version` is
 * raised by triggers on every change to the centre, its types, hours and closures. `xmin` (the transaction that
 * wrote the row) is beside it because a transaction sees its own raised version before it commits: were it rolled
 * back, the next committed change would reach the same number, but never with the same xmin.
 */
export const CALENDAR_STAMP = `c.active, c.calendar_version::text || '/' || c.xmin::text AS stamp`;

export interface CentreStamp {
  active: boolean;
  stamp: string;
}

/** The stamp of centre $1; `share` holds the row FOR SHARE, as bookings do (calendar changes lock it FOR UPDATE). */
export const centreStampSql = (share: boolean) =>
  `SELECT ${CALENDAR_STAMP} FROM centre c WHERE c.id = $1${share ? ' FOR SHARE' : ''}`;
