/** The Danish texts of centres, appointment types, opening hours and closures; `admin-calendar.en.ts` has the same keys. */
export const adminCalendarDa = {
  title: 'Centre og kalendere',
};
