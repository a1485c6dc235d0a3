/** The Danish texts of staff accounts, a booking’s audit trail, the mail outbox and statistics; `admin-people.en.ts` has the same keys. */
export const adminPeopleDa = {
  title: 'Konti, logbog, post og statistik',
};
