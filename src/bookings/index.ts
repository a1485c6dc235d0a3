/** What the bookings capability offers the others; everything else in this folder is its own. */
export { recordBookingEvent } from './booking-event.js';
export { lockForChange } from './booking-locks.js';
export { maskedPersonalData } from './booking-personal-data.js';
export { minutesBetween } from './booking-views.js';
export { BookingStatusWriter } from './booking-status.js';
export { IsCprNumber } from './booking.dto.js';
export { Booking, OUTCOMES } from './booking.entity.js';
export type { BookingStatus, Outcome } from './booking.entity.js';
export {
  DocumentAdviceView,
  MaskedApplicantView,
  MaskedWitnessView,
  WitnessAdviceView,
} from './booking.view.js';
export { BookingsModule } from './bookings.module.js';
export { ReminderService } from './reminder.service.js';
export type { CancelReason } from './booking-status.js';
