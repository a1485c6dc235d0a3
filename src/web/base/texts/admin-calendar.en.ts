import type { adminCalendarDa } from './admin-calendar.da.js';
import type { Shape } from './da.js';

/** The English texts of centres, appointment types, opening hours and closures, with exactly the keys of `admin-calendar.da.ts`. */
export const adminCalendarEn: Shape<typeof adminCalendarDa> = {
  title: 'Centres and calendars',
};
