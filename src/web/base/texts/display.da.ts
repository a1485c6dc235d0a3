/** The Danish texts of the waiting-room display; `display.en.ts` has the same keys. */
export const displayDa = {
  title: 'Kaldeskærm',
  heading: 'Kaldte numre',
  latest: 'Seneste kald',
  latestCall: 'Nummer {number} til skranke {desk}',
  number: 'Nummer',
  desk: 'Skranke',
  time: 'Kaldt kl.',
  caption: 'De senest kaldte numre, nyeste først',
  newest: 'Nyeste',
  noCalls: 'Der er ikke kaldt nogen numre endnu i dag.',
  waiting: 'Venter: {count}',
  clock: 'Klokken er',
  live: 'Skærmen viser nye kald, så snart de sker.',
  refresh: 'Skærmen opdateres hvert {seconds}. sekund.',
  offline: 'Forbindelsen er afbrudt. Skærmen prøver igen.',
};
