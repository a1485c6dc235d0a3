import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CapacityModule } from '../capacity/capacity.module.js';
import { CentresModule } from '../centres/centres.module.js';
import { BookingsModule } from '../bookings/bookings.module.js';
import { DeskActionsService } from './desk-actions.service.js';
import { DeskAppointments } from './desk-appointments.js';
import { DeskController } from './desk.controller.js';
import { DeskService } from './desk.service.js';
import { IdentityCheckService } from './identity-check.service.js';

@Module({
  imports: [CapacityModule, CentresModule, AuditModule, BookingsModule],
  controllers: [DeskController],
  providers: [DeskService, DeskActionsService, IdentityCheckService, DeskAppointments],
})
export class DeskModule {}
