import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThanOrEqual } from 'typeorm';
import type { AuthUser } from '../auth/index.js';
import { formatInZone } from '../calendar/index.js';
import { Clock } from '../common/clock.js';
import {
  CalendarChange,
  CalendarChangeHook,
  CalendarError,
  CalendarErrorCode,
  CentresService,
} from '../centres/index.js';
import type {
  AppointmentTypeDto,
  Centre,
  CentreView,
  ClosureView,
  CreateClosureDto,
  UpdateCentreDto,
  WeeklyHoursDto,
} from '../centres/index.js';
import { Booking, BookingStatusWriter } from '../bookings/index.js';
import type { CancelReason } from '../bookings/index.js';
import { CapacityLedger } from '../capacity/index.js';

/**
 * Calendar changes that could take capacity from booked times. Nothing is dropped silently: without confirmation
 * the change is refused with the bookings it would hit; confirmed, those are cancelled by the centre with the
 * reason, and the desk counts of booked cells follow the new calendar, all in one transaction.
 */
@Injectable()
export class CalendarChangeService {
  constructor(
    private readonly centres: CentresService,
    private readonly status: BookingStatusWriter,
    private readonly capacity: CapacityLedger,
    private readonly clock: Clock,
  ) {}

  setOpeningHours(
    centreId: string,
    weekly: WeeklyHoursDto[],
    confirm: boolean,
    user: AuthUser,
  ): Promise<CentreView> {
    return this.centres.setOpeningHours(
      centreId,
      weekly,
      this.guard(confirm, user, { code: 'opening_hours_changed' }),
    );
  }

  updateCentre(
    centreId: string,
    dto: UpdateCentreDto,
    confirm: boolean,
    user: AuthUser,
  ): Promise<CentreView> {
    const reason: CancelReason = {
      code: dto.active === false ? 'no_longer_takes_appointments' : 'closed_on_this_day',
    };
    return this.centres.update(centreId, dto, this.guard(confirm, user, reason));
  }

  replaceAppointmentTypes(
    centreId: string,
    types: AppointmentTypeDto[],
    confirm: boolean,
    user: AuthUser,
  ): Promise<CentreView> {
    return this.centres.replaceAppointmentTypes(
      centreId,
      types,
      this.guard(confirm, user, { code: 'appointment_type_withdrawn' }),
    );
  }

  addClosure(
    centreId: string,
    dto: CreateClosureDto,
    confirm: boolean,
    user: AuthUser,
  ): Promise<ClosureView> {
    return this.centres.addClosure(centreId, dto, user, this.guard(confirm, user, { text: dto.reason }));
  }

  private guard(confirm: boolean, user: AuthUser, reason: CancelReason): CalendarChangeHook {
    return async (manager: EntityManager, centre: Centre, change: CalendarChange) => {
      const now = this.clock.now().toJSDate();
      const cells = await this.capacity.futureCells(manager, centre.id, now);
      if (cells.length === 0) return;
      const { rules } = await this.centres.rulesFor(manager, centre.id, {
        includeInactive: true,
      });
      const proposed = {
        ...rules,
        ...change.holidays,
        weekly: change.weekly ?? rules.weekly,
        closures: change.closure ? [...rules.closures, change.closure] : rules.closures,
      };
      // Locked: a citizen's cancel or a check-in waits for this change (they lock the centre row first).
      const held = await manager.find(Booking, {
        where: { centreId: centre.id, status: In(['booked', 'checked_in']), endsAt: MoreThanOrEqual(now) },
        order: { startsAt: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const losing = this.capacity.losingCapacity(proposed, held);
      const retired = new Set(change.retiredTypeIds ?? []);
      // Someone already at the desk keeps their appointment, and so does one already under way: only booked ones
      // that have not begun can be cancelled (the ones under way still hold their desks in the count above).
      const affected = held.filter(
        (booking) =>
          (losing.has(booking.id) || retired.has(booking.appointmentTypeId)) &&
          booking.status === 'booked' &&
          booking.startsAt >= now,
      );
      if (affected.length && !confirm) {
        throw new CalendarError(
          CalendarErrorCode.BookedCapacityAffected,
          `This change leaves ${affected.length} booked time(s) without a desk; repeat it with ?confirm=true to cancel them and notify each citizen`,
          [],
          {
            affectedBookings: affected.map((booking) => ({
              id: booking.id,
              reference: booking.reference,
              startsAt: formatInZone(centre.timeZone, booking.startsAt),
              status: booking.status,
            })),
          },
        );
      }
      for (const booking of affected) {
        await this.status.cancel(manager, booking, 'centre', `user:${user.id}`, reason);
      }
      await this.capacity.recount(manager, centre.id, proposed, cells);
      // Booked instants were computed on this grid and in this zone; changing either under them would move them.
      // (Checked after the cancellations, so that a deactivation confirmed together with a new grid has freed them.)
      const moved = change.moved ?? [];
      if (moved.length && (await this.capacity.bookedCellsAfter(manager, centre.id, now)) > 0) {
        throw new CalendarError(
          CalendarErrorCode.BookedCapacityAffected,
          `${moved[0]} cannot change while future times are booked; move or cancel those bookings first`,
          [{ field: moved[0], message: 'future times are booked on the current calendar' }],
        );
      }
    };
  }
}
