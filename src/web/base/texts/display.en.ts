import type { displayDa } from './display.da.js';
import type { Shape } from './da.js';

/** The English texts of the waiting-room display, with exactly the keys of `display.da.ts`. */
export const displayEn: Shape<typeof displayDa> = {
  title: 'Waiting-room display',
  heading: 'Numbers called',
  latest: 'Latest call',
  latestCall: 'Number {number} to desk {desk}',
  number: 'Number',
  desk: 'Desk',
  time: 'Called at',
  caption: 'The numbers called lately, newest first',
  newest: 'Newest',
  noCalls: 'No numbers have been called yet today.',
  waiting: 'Waiting: {count}',
  clock: 'The time is',
  live: 'The screen shows new calls as they happen.',
  refresh: 'The screen refreshes every {seconds} seconds.',
  offline: 'The connection is lost. The screen keeps trying.',
};
