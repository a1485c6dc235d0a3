import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Booking } from './booking.entity.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { BookingMail } from './booking-mail.js';

/**
 * Writes a reminder for every booked appointment that starts within the reminder window. The dedupe key
 * (booking and start time) makes it once per appointment time, however many instances or runs find it;
 * a booking made inside the window has just had its confirmation and gets none.
 */
@Injectable()
export class ReminderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: BookingMail,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async enqueueDue(): Promise<number> {
    const now = this.clock.now();
    const hours = this.config.reminderHoursBefore;
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(Booking, 'b')
        .where(`b.status = 'booked'`)
        .andWhere('b.starts_at > :now AND b.starts_at <= :until', {
          now: now.toJSDate(),
          until: now.plus({ hours }).toJSDate(),
        })
        .andWhere(`b.created_at <= b.starts_at - make_interval(hours => :hours)`, { hours })
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM outbox_message o WHERE o.dedupe_key = 'reminder:' || b.id || ':' || to_char(b.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))`,
        )
        .orderBy('b.starts_at')
        .limit(500)
        .getMany();
      for (const booking of due) {
        const startsAt = booking.startsAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
        await this.mail.enqueue(manager, booking, 'reminder', `reminder:${booking.id}:${startsAt}`);
      }
      return due.length;
    });
  }
}
