import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { InputError } from '../common/domain-error.js';
import { CALENDAR_STAMP, CentreCalendars, CentreStamp } from '../centres/index.js';
import { ReadPool } from '../database/read-pool.js';
import { bookedCellsJson } from '../capacity/index.js';
import { Slot, availability, formatInstant } from '../calendar/index.js';
import type { AvailabilityQueryDto, AvailabilityView } from './availability.dto.js';

export const MAX_AVAILABILITY_DAYS = 93;

/** An AvailabilityView already written as JSON. */
export type AvailabilityJson = string & { readonly __json: AvailabilityView };

const prefixes = new WeakMap<DateTime, Map<number, string>>();

/**
 * `{"startsAt":"…","endsAt":"…","remaining":` of a slot, written once per slot of a remembered day schedule:
 * a 4-week answer holds some 500 slots, and building and serialising them as objects on every request cost more
 * than everything else it does.
 */
function slotPrefix(slot: Slot): string {
  let byEnd = prefixes.get(slot.startsAt);
  if (!byEnd) prefixes.set(slot.startsAt, (byEnd = new Map<number, string>()));
  const endMillis = slot.endsAt.toMillis();
  let prefix = byEnd.get(endMillis);
  if (prefix === undefined) {
    prefix = `{"startsAt":"${formatInstant(slot.startsAt)}","endsAt":"${formatInstant(slot.endsAt)}","remaining":`;
    byEnd.set(endMillis, prefix);
  }
  return prefix;
}

@Injectable()
export class AvailabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CentreCalendars,
    private readonly reads: ReadPool,
    private readonly clock: Clock,
  ) {}

  async forCentre(centreId: string, query: AvailabilityQueryDto): Promise<AvailabilityJson> {
    const span = DateTime.fromISO(query.to).diff(DateTime.fromISO(query.from), 'days').days + 1;
    if (span < 1) throw InputError.field('to', 'must not be before from');
    if (span > MAX_AVAILABILITY_DAYS)
      throw InputError.field('to', `at most ${MAX_AVAILABILITY_DAYS} days after from`);

    // One round trip: the centre's calendar stamp and the booked cells of the dates (widened by a day each side,
    // as the centre's zone is not known yet), read in one snapshot.
    const row = await this.calendars.readStamp(centreId, () =>
      this.reads.query<CentreStamp & { booked: [number, number][] }>(
        `SELECT ${CALENDAR_STAMP},
         ${bookedCellsJson('$2', '$3')} AS booked
       FROM centre c WHERE c.id = $1`,
        [
          centreId,
          DateTime.fromISO(query.from, { zone: 'utc' }).minus({ days: 1 }).toJSDate(),
          DateTime.fromISO(query.to, { zone: 'utc' }).plus({ days: 2 }).toJSDate(),
        ],
      ),
    );
    const { centre, rules } = await this.calendars.get(this.dataSource.manager, centreId, row.stamp);
    const type = centre.appointmentTypes.find((t) => t.active && t.code === query.type);
    if (!type) throw InputError.field('type', `this centre offers no appointment type ${query.type}`);
    const booked = new Map(row.booked);

    const days = availability(rules, {
      from: query.from,
      to: query.to,
      durationMinutes: type.durationMinutes,
      now: this.clock.now(),
      booked: (millis) => booked.get(millis) ?? 0,
      desksNeeded: type.highAssurance ? 2 : 1,
    });
    const head = {
      centreId,
      timeZone: centre.timeZone,
      appointmentType: {
        code: type.code,
        name: type.name,
        durationMinutes: type.durationMinutes,
        highAssurance: type.highAssurance,
      },
    };
    const dayJson = days.map((day) => {
      const slots = day.slots.map((slot) => `${slotPrefix(slot)}${slot.remaining}}`).join(',');
      const texts = day.closedTexts;
      const closed =
        day.closedReason === undefined
          ? ''
          : `,"closedReason":${JSON.stringify(day.closedReason)}` +
            (texts
              ? `,"closedReasonTexts":${JSON.stringify({ text: texts[query.lang ?? 'da'], textDa: texts.da, textEn: texts.en })}`
              : '');
      return `{"date":"${day.date}","slots":[${slots}]${closed}}`;
    });
    return `${JSON.stringify(head).slice(0, -1)},"days":[${dayJson.join(',')}]}` as AvailabilityJson;
  }
}
