import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CentresModule } from '../centres/centres.module.js';
import { BootstrapDataService } from './bootstrap-data.service.js';

@Module({ imports: [AccountsModule, CentresModule], providers: [BootstrapDataService] })
export class BootstrapDataModule {}
