import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { BookingsModule } from '../bookings/bookings.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RetentionService } from '../retention/retention.service.js';
import { NoShowSweepService } from './no-show-sweep.service.js';
import { ScheduledWorkService } from './scheduled-work.service.js';

@Module({
  imports: [ScheduleModule.forRoot(), BookingsModule, NotificationsModule],
  providers: [ScheduledWorkService, RetentionService, NoShowSweepService],
  exports: [RetentionService],
})
export class SchedulingModule {}
