/** What the centre administration capability offers the others; everything else in this folder is its own. */
export { AffectedBookingsService, affectedBookingsOf } from './affected-bookings.service.js';
export type { AffectedBookingRef, AffectedBookingView } from './affected-bookings.service.js';
export { CalendarChangeService } from './calendar-change.service.js';
export { CentreAdminModule } from './centre-admin.module.js';
