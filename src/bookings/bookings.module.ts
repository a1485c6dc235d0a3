import { Module } from '@nestjs/common';
import { CentresModule } from '../centres/centres.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { BookingsController } from './bookings.controller.js';
import { BookingsService } from './bookings.service.js';
import { CalendarChangeController } from './calendar-change.controller.js';
import { CalendarChangeService } from './calendar-change.service.js';

@Module({
  imports: [CentresModule, NotificationsModule],
  controllers: [BookingsController, CalendarChangeController],
  providers: [BookingsService, CalendarChangeService],
  exports: [BookingsService],
})
export class BookingsModule {}
