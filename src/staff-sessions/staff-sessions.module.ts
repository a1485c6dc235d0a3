import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/index.js';
import { StaffSessions } from './staff-sessions.service.js';

@Module({
  imports: [AccountsModule],
  providers: [StaffSessions],
  exports: [StaffSessions],
})
export class StaffSessionsModule {}
