import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/index.js';
import { BookingStatusWriter } from '../bookings/index.js';
import type { Booking } from '../bookings/index.js';
import { CapacityLedger } from '../capacity/index.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import type { Centre } from '../centres/index.js';
import { inTransaction } from '../database/transaction.js';
import { pCodeRefusal } from '../identity/index.js';
import { QueueTickets } from '../queue/index.js';
import type { AppointmentView } from './appointment.view.js';
import { DeskAppointments } from './desk-appointments.js';
import type { CompleteDto } from './desk.dto.js';
import { checkInRefusal, noShowTooEarly } from './desk-timing.js';
import { DeskError, DeskErrorCode } from './desk.error.js';

/** What a clerk does to an appointment: check in, complete with an outcome, mark a no-show. */
@Injectable()
export class DeskActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly appointments: DeskAppointments,
    private readonly status: BookingStatusWriter,
    private readonly capacity: CapacityLedger,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly queue: QueueTickets,
  ) {}

  async checkIn(id: string, user: AuthUser): Promise<AppointmentView> {
    return this.act(id, user, 'appointment.checked_in', async (manager, booking, centre) => {
      this.status.next(booking, 'check_in');
      // Early arrivals that day are taken; once the appointment's day is over, the booking is a no-show.
      const refusal = checkInRefusal(booking.startsAt, this.clock.now().toJSDate(), centre.timeZone);
      if (refusal) throw new DeskError(DeskErrorCode.WrongState, refusal);
      await this.queue.issue(manager, booking, centre.timeZone, this.clock.now().toJSDate());
      return this.status.apply(manager, booking, 'check_in');
    });
  }

  async noShow(id: string, user: AuthUser): Promise<AppointmentView> {
    return this.act(id, user, 'appointment.no_show', async (manager, booking) => {
      // Irreversible, so only once the person is late past the grace period (the nightly sweep marks the rest).
      this.status.next(booking, 'no_show');
      const now = this.clock.now().toJSDate();
      const tooEarly = noShowTooEarly(booking.startsAt, now, this.config.noShowGraceMinutes);
      if (tooEarly) throw new DeskError(DeskErrorCode.WrongState, tooEarly);
      const marked = await this.status.apply(manager, booking, 'no_show');
      await this.queue.served(manager, id, now);
      // Marked before the time is over, the desk can still serve someone else.
      if (now < booking.endsAt)
        await this.capacity.release(manager, booking.centreId, booking.cellStarts, booking.desksNeeded);
      return marked;
    });
  }

  async complete(id: string, dto: CompleteDto, user: AuthUser): Promise<AppointmentView> {
    return this.act(
      id,
      user,
      'appointment.completed',
      async (manager, booking) => {
        this.status.next(booking, 'complete');
        if (dto.outcome === 'p_code_issued') {
          const check = (await this.appointments.latestChecks(manager, [id])).get(id);
          const refusal = pCodeRefusal(booking.cprHash !== null, check);
          if (refusal) throw new DeskError(DeskErrorCode.IdentityNotEstablished, refusal);
        }
        if (dto.outcome === 'mitid_issued') {
          const check = (await this.appointments.latestChecks(manager, [id])).get(id);
          if (!check?.identityEstablished) {
            throw new DeskError(
              DeskErrorCode.IdentityNotEstablished,
              'MitID cannot be recorded as issued: the identity check has not established identity',
            );
          }
        }
        await this.queue.served(manager, id, this.clock.now().toJSDate());
        return this.status.apply(manager, booking, 'complete', {
          outcome: dto.outcome,
          outcomeReason: dto.reason ?? null,
        });
      },
      { outcome: dto.outcome },
    );
  }

  /** One locked state change with its audit record and booking event; a second clerk waits, then finds it done. */
  private async act(
    id: string,
    user: AuthUser,
    action: string,
    change: (manager: EntityManager, booking: Booking, centre: Centre) => Promise<Booking>,
    detail: Record<string, unknown> = {},
  ): Promise<AppointmentView> {
    return inTransaction(this.dataSource, async (manager) => {
      const { booking, centre } = await this.appointments.load(manager, id, user, true);
      const changed = await change(manager, booking, centre);
      const transition = { from: booking.status, to: changed.status };
      await this.appointments.record(
        manager,
        user,
        { action, bookingId: id, centreId: centre.id, detail: { ...transition, ...detail } },
        { action: action.replace('appointment.', ''), detail: transition },
      );
      const check = (await this.appointments.latestChecks(manager, [id])).get(id);
      const queueNumber = (await this.queue.numbers(manager, [id])).get(id);
      return this.appointments.view(changed, centre, check, queueNumber);
    });
  }
}
