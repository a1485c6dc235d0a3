import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CentresModule } from '../centres/centres.module.js';
import { BootstrapDataService } from './bootstrap-data.service.js';

@Module({ imports: [AuthModule, CentresModule], providers: [BootstrapDataService] })
export class BootstrapDataModule {}
