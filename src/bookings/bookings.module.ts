import { Module } from '@nestjs/common';
import { CapacityModule } from '../capacity/capacity.module.js';
import { CentresModule } from '../centres/centres.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { BookingsController } from './bookings.controller.js';
import { BookingsService } from './bookings.service.js';
import { ReminderService } from './reminder.service.js';
import { BookingMail } from './booking-mail.js';

@Module({
  imports: [CapacityModule, CentresModule, NotificationsModule],
  controllers: [BookingsController],
  providers: [BookingsService, ReminderService, BookingMail],
  exports: [BookingsService, ReminderService],
})
export class BookingsModule {}
