/** What the bookings capability offers the others; everything else in this folder is its own. */
export { BookingCreationService } from './booking-creation.service.js';
export { recordBookingEvent } from './booking-event.js';
export { normalizeReference } from './booking-reference.js';
export { lockForChange } from './booking-locks.js';
export { maskedPersonalData } from './booking-personal-data.js';
export { minutesBetween } from './booking-views.js';
export { BookingStatusWriter } from './booking-status.js';
export type { CancelReason } from './booking-status.js';
export { ApplicantDto, CreateBookingDto, IsCprNumber, WitnessDto } from './booking.dto.js';
export { Booking, OUTCOMES } from './booking.entity.js';
export type { BookingStatus, Outcome } from './booking.entity.js';
export { BookingError, BookingErrorCode } from './booking.error.js';
export {
  DocumentAdviceView,
  MaskedApplicantView,
  MaskedWitnessView,
  WitnessAdviceView,
} from './booking.view.js';
export type { BookingView, CreatedBookingView } from './booking.view.js';
export { BookingsModule } from './bookings.module.js';
export { CitizenChangesService } from './citizen-changes.service.js';
export { ReminderService } from './reminder.service.js';
