import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/index.js';
import { CentresModule } from '../centres/index.js';
import { BootstrapDataService } from './bootstrap-data.service.js';

@Module({ imports: [AccountsModule, CentresModule], providers: [BootstrapDataService] })
export class BootstrapDataModule {}
