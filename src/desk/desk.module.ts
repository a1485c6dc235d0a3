import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { CentresModule } from '../centres/centres.module.js';
import { StatisticsService } from '../statistics/statistics.service.js';
import { AdminRecordsController } from './admin-records.controller.js';
import { DeskController } from './desk.controller.js';
import { DeskService } from './desk.service.js';

@Module({
  imports: [CentresModule],
  controllers: [DeskController, AdminRecordsController],
  providers: [DeskService, AuditService, StatisticsService],
})
export class DeskModule {}
