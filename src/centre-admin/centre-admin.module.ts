import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/bookings.module.js';
import { CapacityModule } from '../capacity/capacity.module.js';
import { CentresModule } from '../centres/centres.module.js';
import { CalendarChangeService } from './calendar-change.service.js';
import { AdminCentresController, CalendarChangeController } from './centre-admin.controller.js';

@Module({
  imports: [CapacityModule, CentresModule, BookingsModule],
  controllers: [AdminCentresController, CalendarChangeController],
  providers: [CalendarChangeService],
})
export class CentreAdminModule {}
