import type { Texts } from './da.js';

/** The administration pages' common English texts, with exactly the keys of `admin.da.ts`. */
export const adminEn: Omit<Texts['admin'], 'calendar' | 'people'> = {
  service: 'Citizen Service – administration',
  home: {
    title: 'Administration',
    lead: 'Manage the centres’ calendars, staff accounts and the mail queue, and see statistics.',
  },
  nav: {
    label: 'Administration',
    home: 'Overview',
    centres: 'Centres and calendars',
    accounts: 'Staff accounts',
    audit: 'A booking’s audit trail',
    outbox: 'Outgoing mail',
    statistics: 'Statistics',
    desk: 'To the desk',
  },
  forbidden: {
    title: 'You do not have access to the administration',
    text: 'The administration is for administrators only. Your account is a desk staff account.',
    toDesk: 'Go to the desk',
  },
};
