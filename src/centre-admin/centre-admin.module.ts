import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/index.js';
import { CapacityModule } from '../capacity/index.js';
import { CentresModule } from '../centres/index.js';
import { CalendarChangeService } from './calendar-change.service.js';
import { AdminCentresController, CalendarChangeController } from './centre-admin.controller.js';

@Module({
  imports: [CapacityModule, CentresModule, BookingsModule],
  controllers: [AdminCentresController, CalendarChangeController],
  providers: [CalendarChangeService],
})
export class CentreAdminModule {}
