import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { CapacityModule } from '../capacity/index.js';
import { CentresModule } from '../centres/index.js';
import { BookingsModule } from '../bookings/index.js';
import { QueueModule } from '../queue/index.js';
import { DeskActionsService } from './desk-actions.service.js';
import { DeskAppointments } from './desk-appointments.js';
import { DeskController } from './desk.controller.js';
import { DeskService } from './desk.service.js';
import { IdentityCheckService } from './identity-check.service.js';

@Module({
  imports: [CapacityModule, CentresModule, AuditModule, BookingsModule, QueueModule],
  controllers: [DeskController],
  providers: [DeskService, DeskActionsService, IdentityCheckService, DeskAppointments],
  exports: [DeskService, DeskActionsService, IdentityCheckService],
})
export class DeskModule {}
