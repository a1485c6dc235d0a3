import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Centre } from './centre.entity.js';
import {
  AdminCentresController,
  PublicCentresController,
  StaffCentresController,
} from './centres.controller.js';
import { CentreCalendars } from './centre-calendars.js';
import { CentresService } from './centres.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Centre])],
  controllers: [PublicCentresController, StaffCentresController, AdminCentresController],
  providers: [CentresService, CentreCalendars],
  exports: [CentresService, CentreCalendars],
})
export class CentresModule {}
