import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Between, DataSource } from 'typeorm';
import { AuditService } from '../audit/index.js';
import { canActFor } from '../auth/index.js';
import type { AuthUser } from '../auth/index.js';
import { Booking } from '../bookings/index.js';
import { CentresService } from '../centres/index.js';
import { inTransaction } from '../database/transaction.js';
import { QueueTickets } from '../queue/index.js';
import type { AppointmentView } from './appointment.view.js';
import { DeskAppointments } from './desk-appointments.js';
import { DeskError } from './desk.error.js';

/** What a clerk reads: the day's appointments at a centre, and one appointment; every read is audited. */
@Injectable()
export class DeskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly centres: CentresService,
    private readonly appointments: DeskAppointments,
    private readonly audit: AuditService,
    private readonly queue: QueueTickets,
  ) {}

  async dayList(centreId: string, date: string, user: AuthUser): Promise<AppointmentView[]> {
    this.centres.assertAccess(user, centreId);
    return inTransaction(this.dataSource, async (manager) => {
      const { centre } = await this.centres.rulesFor(manager, centreId, { includeInactive: true });
      const day = DateTime.fromISO(date, { zone: centre.timeZone });
      const bookings = await manager.find(Booking, {
        where: { centreId, startsAt: Between(day.startOf('day').toJSDate(), day.endOf('day').toJSDate()) },
        order: { startsAt: 'ASC', createdAt: 'ASC' },
      });
      const ids = bookings.map((booking) => booking.id);
      const checks = await this.appointments.latestChecks(manager, ids);
      const queueNumbers = await this.queue.numbers(manager, ids);
      await this.audit.record(
        manager,
        user,
        bookings.map((booking) => ({
          action: 'appointment.viewed_in_day_list',
          bookingId: booking.id,
          centreId,
        })),
      );
      return bookings.map((booking) =>
        this.appointments.view(booking, centre, checks.get(booking.id), queueNumbers.get(booking.id)),
      );
    });
  }

  /** The id behind a reference; another centre's appointment answers exactly like an unknown one. */
  async findIdByReference(reference: string, user: AuthUser): Promise<string> {
    const booking = await this.dataSource.manager.findOne(Booking, {
      where: { reference },
      select: { id: true, centreId: true },
    });
    if (!booking || !canActFor(user, booking.centreId)) throw DeskError.notFound();
    return booking.id;
  }

  /** The centre of an appointment this clerk may see (the desk pages link back to its day). */
  async centreIdOf(id: string, user: AuthUser): Promise<string> {
    const { booking } = await this.appointments.load(this.dataSource.manager, id, user, false);
    return booking.centreId;
  }

  async get(id: string, user: AuthUser): Promise<AppointmentView> {
    return inTransaction(this.dataSource, async (manager) => {
      const { booking, centre } = await this.appointments.load(manager, id, user, false);
      await this.audit.record(manager, user, [
        { action: 'appointment.viewed', bookingId: id, centreId: centre.id },
      ]);
      return this.appointments.view(
        booking,
        centre,
        (await this.appointments.latestChecks(manager, [id])).get(id),
        (await this.queue.numbers(manager, [id])).get(id),
      );
    });
  }
}
