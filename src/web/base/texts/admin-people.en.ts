import type { adminPeopleDa } from './admin-people.da.js';
import type { Shape } from './da.js';

/** The English texts of staff accounts, a booking’s audit trail, the mail outbox and statistics, with exactly the keys of `admin-people.da.ts`. */
export const adminPeopleEn: Shape<typeof adminPeopleDa> = {
  title: 'Accounts, audit, mail and statistics',
};
