import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CapacityModule } from '../capacity/capacity.module.js';
import { CentresModule } from '../centres/centres.module.js';
import { DeskController } from './desk.controller.js';
import { DeskService } from './desk.service.js';

@Module({
  imports: [CapacityModule, CentresModule, AuditModule],
  controllers: [DeskController],
  providers: [DeskService],
})
export class DeskModule {}
