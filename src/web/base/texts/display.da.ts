/** The Danish texts of the waiting-room display; `display.en.ts` has the same keys. */
export const displayDa = {
  title: 'Kaldeskærm',
};
