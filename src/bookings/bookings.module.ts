import { Module } from '@nestjs/common';
import { CapacityModule } from '../capacity/index.js';
import { CentresModule } from '../centres/index.js';
import { NotificationsModule } from '../notifications/index.js';
import { ApplicantRules } from './applicant-rules.js';
import { BookingCreationService } from './booking-creation.service.js';
import { BookingMail } from './booking-mail.js';
import { BookingStatusWriter } from './booking-status.js';
import { BookingTimes } from './booking-times.js';
import { BookingViews } from './booking-views.js';
import { BookingsController } from './bookings.controller.js';
import { CitizenChangesService } from './citizen-changes.service.js';
import { IdempotencyStore } from './idempotency-store.js';
import { ReminderService } from './reminder.service.js';

@Module({
  imports: [CapacityModule, CentresModule, NotificationsModule],
  controllers: [BookingsController],
  providers: [
    ApplicantRules,
    BookingCreationService,
    BookingMail,
    BookingStatusWriter,
    BookingTimes,
    BookingViews,
    CitizenChangesService,
    IdempotencyStore,
    ReminderService,
  ],
  exports: [
    BookingCreationService,
    CitizenChangesService,
    BookingStatusWriter,
    BookingViews,
    ReminderService,
  ],
})
export class BookingsModule {}
