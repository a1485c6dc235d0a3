import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { AccountsModule } from './accounts/accounts.module.js';
import { AuditModule } from './audit/audit.module.js';
import { CentreAdminModule } from './centre-admin/centre-admin.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';
import { AvailabilityModule } from './availability/availability.module.js';
import { BookingsModule } from './bookings/bookings.module.js';
import { CentresModule } from './centres/centres.module.js';
import { Clock } from './common/clock.js';
import { STATUS_OF } from './common/http-exception.filter.js';
import { InputValidationPipe } from './common/validation.js';
import { AppConfig } from './config/app-config.js';
import { DatabaseModule } from './database/database.module.js';
import { DeskModule } from './desk/desk.module.js';
import { QueueModule } from './queue/queue.module.js';
import { StaffSessionsModule } from './staff-sessions/staff-sessions.module.js';
import { SchedulingModule } from './scheduling/scheduling.module.js';
import type { EmbeddedDatabase } from './database/embedded.js';
import { BootstrapDataModule } from './demo/bootstrap-data.module.js';
import { HealthModule } from './health/health.module.js';
import { PersonalDataModule } from './personal-data/personal-data.module.js';
import { statusOf } from './error-statuses.js';
import { PAGE_MODULES } from './page-modules.js';
import { PageExceptionFilter } from './web/base/page-exception.filter.js';
import { PageRenderer } from './web/base/page-renderer.js';
import { PagesOrApiFilter } from './web/base/pages-or-api.filter.js';
import { SCHEMA } from './schema.js';
import { RateLimitGuard } from './rate-limit/rate-limit.guard.js';

export interface AppOptions {
  config: AppConfig;
  embedded?: EmbeddedDatabase;
  clock?: Clock;
  /** Where structured logs go; stdout by default (tests capture them to check what is logged). */
  logStream?: DestinationStream;
}

@Global()
@Module({})
class CoreModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: AppConfig, useValue: options.config },
        { provide: Clock, useValue: options.clock ?? new Clock() },
        { provide: STATUS_OF, useValue: statusOf },
      ],
      exports: [AppConfig, Clock, STATUS_OF],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        DatabaseModule.forRoot(options.config, SCHEMA, options.embedded),
        AccountsModule,
        CentresModule,
        AvailabilityModule,
        PersonalDataModule,
        BookingsModule,
        CentreAdminModule,
        DeskModule,
        QueueModule,
        StaffSessionsModule,
        AuditModule,
        StatisticsModule,
        SchedulingModule,
        HealthModule,
        BootstrapDataModule,
        ...PAGE_MODULES,
      ],
      providers: [
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_PIPE, useClass: InputValidationPipe },
        PageRenderer,
        PageExceptionFilter,
        { provide: APP_FILTER, useClass: PagesOrApiFilter },
      ],
    };
  }
}
