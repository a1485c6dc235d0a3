import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CalendarRules, WeeklyInterval } from '../calendar/index.js';
import { isUuid } from '../common/validators.js';
import { CalendarError } from './calendar.error.js';
import { Centre } from './centre.entity.js';
import { Closure } from './closure.entity.js';
import { centreStampSql, CentreStamp } from './calendar-stamp.js';

/** A centre with its appointment types and opening hours, and its calendar rules with every closure. Frozen. */
export interface CentreCalendar {
  readonly centre: Centre;
  readonly rules: CalendarRules;
}

/** More centres than Denmark has; past it the least recently loaded calendar is dropped. */
const MAX_CENTRES = 2_000;

/**
 * A centre with its appointment types (and opening hours), in one query: findOne with relations would first
 * run a separate DISTINCT … LIMIT 1 query, on every booking and availability request.
 */
export async function findCentre(
  manager: EntityManager,
  id: string,
  withHours = false,
): Promise<Centre | null> {
  const [centre] = await manager.find(Centre, {
    where: { id },
    relations: withHours ? { appointmentTypes: true, openingHours: true } : { appointmentTypes: true },
  });
  return centre ?? null;
}

/** HH:mm of a PostgreSQL time (HH:mm:ss). */
export const hhmm = (time: string) => time.slice(0, 5);

/** A centre's weekly opening hours as HH:mm intervals, by weekday and opening time. */
export function weeklyHours(centre: Centre): WeeklyInterval[] {
  return [...centre.openingHours]
    .map((h) => ({ weekday: h.weekday, opens: hhmm(h.opens), closes: hhmm(h.closes), desks: h.desks }))
    .sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Each centre's calendar, loaded once per revision instead of on every booking and availability request (a join
 * of four tables and the Luxon work of the day schedules, which calendar-rules memoises per rules object). Callers
 * read the stamp in a query they make anyway, so the check costs no round trip, and it holds across app instances.
 */
@Injectable()
export class CentreCalendars {
  private readonly cache = new Map<string, { stamp: string; calendar: CentreCalendar }>();

  /** The stamp of centre `id`, read (and with `lock`, held FOR SHARE) in the caller's transaction; 404 when none. */
  async stampOf(
    manager: EntityManager,
    id: string,
    options: { includeInactive?: boolean; lock?: boolean } = {},
  ): Promise<CentreStamp> {
    return this.readStamp(
      id,
      () => manager.query<CentreStamp[]>(centreStampSql(options.lock === true), [id]),
      options.includeInactive,
    );
  }

  /**
   * The row `read` returns for centre `id` (a query selecting CALENDAR_STAMP, perhaps with more beside it); 404
   * for an id that is no UUID (not sent to the database), a missing centre, or, unless `includeInactive`, an
   * inactive one.
   */
  async readStamp<T extends CentreStamp>(
    id: string,
    read: () => Promise<T[]>,
    includeInactive = false,
  ): Promise<T> {
    if (!isUuid(id)) throw CalendarError.centreNotFound();
    const [row] = await read();
    if (!row || (!row.active && !includeInactive)) throw CalendarError.centreNotFound();
    return row;
  }

  /**
   * The calendar of centre `id` as of `stamp` (from CALENDAR_STAMP, read in this transaction). Only finished loads
   * are shared: a transaction never waits for a load running on another connection (with one connection, or a full
   * pool, that could wait forever); two that miss at once both load.
   */
  async get(manager: EntityManager, id: string, stamp: string): Promise<CentreCalendar> {
    const cached = this.cache.get(id);
    if (cached?.stamp === stamp) return cached.calendar;
    const calendar = await this.load(manager, id);
    this.cache.delete(id);
    if (this.cache.size >= MAX_CENTRES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(id, { stamp, calendar });
    return calendar;
  }

  private async load(manager: EntityManager, id: string): Promise<CentreCalendar> {
    const centre = await findCentre(manager, id, true);
    if (!centre) throw CalendarError.centreNotFound();
    const closures = await manager.find(Closure, { where: { centreId: id } });
    const rules: CalendarRules = {
      timeZone: centre.timeZone,
      slotMinutes: centre.slotMinutes,
      bookingHorizonDays: centre.bookingHorizonDays,
      minNoticeHours: centre.minNoticeHours,
      openOnConstitutionDay: centre.openOnConstitutionDay,
      openOnChristmasEve: centre.openOnChristmasEve,
      openOnNewYearsEve: centre.openOnNewYearsEve,
      weekly: weeklyHours(centre),
      closures: closures.map((closure) => ({
        fromDate: closure.fromDate,
        toDate: closure.toDate,
        startTime: closure.startTime && hhmm(closure.startTime),
        endTime: closure.endTime && hhmm(closure.endTime),
        reason: closure.reason,
      })),
    };
    return deepFreeze({ centre, rules });
  }
}
