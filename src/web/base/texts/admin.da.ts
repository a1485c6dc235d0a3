/** The administration pages' common Danish texts (frame, navigation, the 403 page); `admin.en.ts` has the same keys. */
export const adminDa = {
  service: 'Borgerservice – administration',
  home: {
    title: 'Administration',
    lead: 'Her styrer du centrenes kalendere, medarbejdernes konti og postkøen og ser statistik.',
  },
  nav: {
    label: 'Administration',
    home: 'Oversigt',
    centres: 'Centre og kalendere',
    accounts: 'Medarbejderkonti',
    audit: 'En bookings logbog',
    outbox: 'Udgående post',
    statistics: 'Statistik',
    desk: 'Til skranken',
  },
  forbidden: {
    title: 'Du har ikke adgang til administrationen',
    text: 'Administrationen er kun for administratorer. Din konto er en medarbejderkonto til skranken.',
    toDesk: 'Gå til skranken',
  },
};
