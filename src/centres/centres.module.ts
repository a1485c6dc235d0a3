import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Centre } from './centre.entity.js';
import { PublicCentresController, StaffCentresController } from './centres.controller.js';
import { CentreCalendars } from './centre-calendars.js';
import { CentresService } from './centres.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Centre])],
  controllers: [PublicCentresController, StaffCentresController],
  providers: [CentresService, CentreCalendars],
  exports: [CentresService, CentreCalendars],
})
export class CentresModule {}
