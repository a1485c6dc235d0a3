/** What the calendar capability offers the others; everything else in this folder is its own. */
export { availability, bookableSlot, daySchedule } from './calendar-rules.js';
export type { CalendarRules, Cell, ClosureRule, Slot, WeeklyInterval } from './calendar-rules.js';
export type { HolidayOptions } from './danish-holidays.js';
export { formatInZone, formatInstant, localDate } from './zoned-time.js';
