import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/index.js';
import { ActiveUsers, AuthGuard, AuthModule } from '../auth/index.js';
import { Centre } from '../centres/index.js';
import { AuthController, UsersController } from './accounts.controller.js';
import { LoginService } from './login.service.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AuthModule, AuditModule, TypeOrmModule.forFeature([User, Centre])],
  controllers: [AuthController, UsersController],
  providers: [
    LoginService,
    UsersService,
    { provide: ActiveUsers, useExisting: UsersService },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersService, LoginService],
})
export class AccountsModule {}
