import type { displayDa } from './display.da.js';
import type { Shape } from './da.js';

/** The English texts of the waiting-room display, with exactly the keys of `display.da.ts`. */
export const displayEn: Shape<typeof displayDa> = {
  title: 'Waiting-room display',
};
