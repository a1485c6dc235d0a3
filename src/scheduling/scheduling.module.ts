import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { BookingsModule } from '../bookings/index.js';
import { NotificationsModule } from '../notifications/index.js';
import { RetentionService } from '../retention/index.js';
import { NoShowSweepService } from './no-show-sweep.service.js';
import { ScheduledWorkService } from './scheduled-work.service.js';

@Module({
  imports: [ScheduleModule.forRoot(), BookingsModule, NotificationsModule],
  providers: [ScheduledWorkService, RetentionService, NoShowSweepService],
  exports: [RetentionService],
})
export class SchedulingModule {}
