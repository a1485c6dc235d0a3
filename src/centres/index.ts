/** What the centres capability offers the others; everything else in this folder is its own. */
export { AppointmentType } from './appointment-type.entity.js';
export { CALENDAR_STAMP } from './calendar-stamp.js';
export type { CentreStamp } from './calendar-stamp.js';
export { CalendarError, CalendarErrorCode } from './calendar.error.js';
export { CentreCalendars, findCentre } from './centre-calendars.js';
export {
  AppointmentTypeDto,
  ConfirmQueryDto,
  CreateCentreDto,
  CreateClosureDto,
  OpeningHoursDto,
  UpdateCentreDto,
} from './centre.dto.js';
export type { WeeklyHoursDto } from './centre.dto.js';
export { Centre } from './centre.entity.js';
export { CentreView, ClosureView } from './centre.view.js';
export type { PublicCentreView } from './centre.view.js';
export { CentresModule } from './centres.module.js';
export { CentresService } from './centres.service.js';
export type { CalendarChange, CalendarChangeHook } from './centres.service.js';
