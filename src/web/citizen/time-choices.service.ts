import { InputError } from '../../common/domain-error.js';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { AvailabilityService } from '../../availability/index.js';
import type { AvailabilityView } from '../../availability/index.js';
import { CalendarError, CentresService } from '../../centres/index.js';
import type { PublicCentreView } from '../../centres/index.js';
import { Clock } from '../../common/clock.js';
import type { Language } from '../../identity/index.js';
import { clockTime, localDay, shortDate } from '../base/format.js';

/** How far ahead the week links go; the centre's own horizon empties the weeks beyond it. */
const MAX_WEEKS_AHEAD = 13;

export interface TimeChoices {
  centre: PublicCentreView;
  typeName: string;
  week: { from: string; to: string; previous: string | null; next: string | null };
  days: {
    date: string;
    label: string;
    closedReason?: string;
    slots: { startsAt: string; label: string; index: number }[];
  }[];
  anyFree: boolean;
}

/** One week of a centre's free times for an appointment type, as the time-choosing pages list them. */
@Injectable()
export class TimeChoicesService {
  constructor(
    private readonly centres: CentresService,
    private readonly availability: AvailabilityService,
    private readonly clock: Clock,
  ) {}

  async centre(centreId: string): Promise<PublicCentreView> {
    const centre = (await this.centres.listPublic()).find((c) => c.id === centreId);
    if (!centre) throw CalendarError.centreNotFound();
    return centre;
  }

  async week(centreId: string, typeCode: string, weekText: string, lang: Language): Promise<TimeChoices> {
    const centre = await this.centre(centreId);
    const type = centre.appointmentTypes.find((t) => t.code === typeCode);
    if (!type) throw InputError.field('type', 'this centre offers no such appointment type');
    const thisWeek = this.clock.now().setZone(centre.timeZone).startOf('week');
    const asked = DateTime.fromISO(weekText, { zone: centre.timeZone });
    const last = thisWeek.plus({ weeks: MAX_WEEKS_AHEAD });
    const start = !asked.isValid || asked < thisWeek ? thisWeek : asked > last ? last : asked.startOf('week');
    const from = start.toISODate()!;
    const to = start.plus({ days: 6 }).toISODate()!;
    const answer = JSON.parse(
      await this.availability.forCentre(centreId, { from, to, type: typeCode }),
    ) as AvailabilityView;
    let index = 0;
    const days = answer.days.map((day) => ({
      date: day.date,
      label: localDay(day.date, lang),
      closedReason: day.slots.length === 0 ? day.closedReason : undefined,
      slots: day.slots
        .filter((slot) => slot.remaining > 0)
        .map((slot) => ({ startsAt: slot.startsAt, label: clockTime(slot.startsAt), index: ++index })),
    }));
    return {
      centre,
      typeName: type.name,
      week: {
        from: shortDate(from, lang),
        to: shortDate(to, lang),
        previous: start > thisWeek ? start.minus({ weeks: 1 }).toISODate() : null,
        next: start < last ? start.plus({ weeks: 1 }).toISODate() : null,
      },
      days,
      anyFree: days.some((day) => day.slots.length > 0),
    };
  }
}
