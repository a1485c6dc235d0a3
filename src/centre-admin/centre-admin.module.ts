import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { BookingsModule } from '../bookings/index.js';
import { CapacityModule } from '../capacity/index.js';
import { CentresModule } from '../centres/index.js';
import { AffectedBookingsService } from './affected-bookings.service.js';
import { CalendarChangeService } from './calendar-change.service.js';
import { AdminCentresController, CalendarChangeController } from './centre-admin.controller.js';

@Module({
  imports: [AuditModule, CapacityModule, CentresModule, BookingsModule],
  controllers: [AdminCentresController, CalendarChangeController],
  providers: [CalendarChangeService, AffectedBookingsService],
  exports: [CalendarChangeService, AffectedBookingsService],
})
export class CentreAdminModule {}
