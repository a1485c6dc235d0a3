import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Between, DataSource, MoreThan } from 'typeorm';
import { Clock } from '../common/clock.js';
import { InputError } from '../common/domain-error.js';
import { CentresService } from '../centres/centres.service.js';
import { availability, formatInstant } from './calendar-rules.js';
import type { AvailabilityQueryDto, AvailabilityView } from './availability.dto.js';
import { SlotCapacity } from './slot-capacity.entity.js';

export const MAX_AVAILABILITY_DAYS = 93;

@Injectable()
export class AvailabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly centres: CentresService,
    private readonly clock: Clock,
  ) {}

  async forCentre(centreId: string, query: AvailabilityQueryDto): Promise<AvailabilityView> {
    const span = DateTime.fromISO(query.to).diff(DateTime.fromISO(query.from), 'days').days + 1;
    if (span < 1) throw InputError.field('to', 'must not be before from');
    if (span > MAX_AVAILABILITY_DAYS)
      throw InputError.field('to', `at most ${MAX_AVAILABILITY_DAYS} days after from`);

    const manager = this.dataSource.manager;
    const { centre, rules } = await this.centres.rulesFor(manager, centreId, query.from, query.to);
    const type = centre.appointmentTypes.find((t) => t.active && t.code === query.type);
    if (!type) throw InputError.field('type', `this centre offers no appointment type ${query.type}`);

    const rangeStart = DateTime.fromISO(query.from, { zone: centre.timeZone }).startOf('day');
    const rangeEnd = DateTime.fromISO(query.to, { zone: centre.timeZone }).endOf('day');
    const held = await manager.find(SlotCapacity, {
      select: { startsAt: true, booked: true },
      where: { centreId, startsAt: Between(rangeStart.toJSDate(), rangeEnd.toJSDate()), booked: MoreThan(0) },
    });
    const booked = new Map(held.map((cell) => [cell.startsAt.getTime(), cell.booked]));

    const days = availability(rules, {
      from: query.from,
      to: query.to,
      durationMinutes: type.durationMinutes,
      now: this.clock.now(),
      booked: (millis) => booked.get(millis) ?? 0,
    });
    return {
      centreId,
      timeZone: centre.timeZone,
      appointmentType: { code: type.code, name: type.name, durationMinutes: type.durationMinutes },
      days: days.map((day) => ({
        ...day,
        slots: day.slots.map((slot) => ({
          startsAt: formatInstant(slot.startsAt),
          endsAt: formatInstant(slot.endsAt),
          remaining: slot.remaining,
        })),
      })),
    };
  }
}
