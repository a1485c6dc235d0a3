import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { bookableSlot } from '../calendar/index.js';
import { Clock } from '../common/clock.js';
import { CentreCalendars } from '../centres/index.js';
import type { CentreStamp } from '../centres/index.js';
import { notBookable } from './applicant-rules.js';
import { BookingError, BookingErrorCode } from './booking.error.js';
import { NEW_BOOKING_SQL } from './new-booking.sql.js';

/** A requested time as bookable: the centre's calendar, the type, its grid cells and end. */
@Injectable()
export class BookingTimes {
  constructor(
    private readonly calendars: CentreCalendars,
    private readonly clock: Clock,
  ) {}

  /**
   * The centre, appointment type and grid cells of a requested time, refused unless availability would offer it.
   * The centre row is held FOR SHARE: a booking sees the calendar as it was or as it is, never half a change. With
   * `personKey` (a new booking), the same statement says whether that person's latest identity check ended failed
   * or impossible without a verified witness.
   */
  async resolve(
    manager: EntityManager,
    centreId: string,
    typeCodeOrId: string,
    startsAtText: string,
    personKey?: string,
    /** A booking being moved keeps its own length, whatever the type's duration is now. */
    durationMinutes?: number,
  ) {
    const startsAt = DateTime.fromISO(startsAtText, { setZone: true });
    if (!startsAt.isValid) throw notBookable('startsAt', 'is not a valid instant');
    const stamp: CentreStamp & { previous_check_failed?: boolean | null } =
      personKey === undefined
        ? await this.calendars.stampOf(manager, centreId, { lock: true })
        : await this.calendars.readStamp(centreId, () =>
            manager.query<(CentreStamp & { previous_check_failed: boolean | null })[]>(
              NEW_BOOKING_SQL.lockCentre,
              [centreId, personKey],
            ),
          );
    const { centre, rules } = await this.calendars.get(manager, centreId, stamp.stamp);
    const type = centre.appointmentTypes.find(
      (t) => t.active && (t.code === typeCodeOrId || t.id === typeCodeOrId),
    );
    if (!type) {
      // a booking's own type, since removed: the booking stands, but cannot be moved to another time of it
      const retired =
        personKey === undefined && centre.appointmentTypes.find((t) => !t.active && t.id === typeCodeOrId);
      if (retired) {
        throw new BookingError(
          BookingErrorCode.TypeNoLongerOffered,
          `This booking is for ${retired.name}, which the centre no longer offers; it can be cancelled, and a new time booked for another type`,
        );
      }
      throw notBookable('appointmentType', 'this centre offers no such appointment type');
    }
    const slot = bookableSlot(rules, startsAt, durationMinutes ?? type.durationMinutes, this.clock.now());
    if (!slot.ok) throw notBookable('startsAt', slot.reason);
    const previousCheckFailed = stamp.previous_check_failed ?? false;
    return { centre, type, startsAt, cells: slot.cells, endsAt: slot.endsAt, previousCheckFailed };
  }
}
