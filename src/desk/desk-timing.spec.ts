import { noShowTooEarly } from './desk-timing.js';

const instant = (text: string) => new Date(text);

describe('noShowTooEarly', () => {
  const start = '2027-01-11T10:00:00+01:00';
  it.each([
    ['the day before', '2027-01-10T10:30:00+01:00', 15, false],
    ['before the start', '2027-01-11T09:59:00+01:00', 15, false],
    ['at the start', start, 15, false],
    ['a minute before the grace is over', '2027-01-11T10:14:00+01:00', 15, false],
    ['a millisecond before the grace is over', '2027-01-11T10:14:59.999+01:00', 15, false],
    ['when the grace is over', '2027-01-11T10:15:00+01:00', 15, true],
    ['after the grace', '2027-01-11T10:40:00+01:00', 15, true],
    ['the next day', '2027-01-12T08:00:00+01:00', 15, true],
    ['at the start with no grace', start, 0, true],
    ['a minute before the start with no grace', '2027-01-11T09:59:00+01:00', 0, false],
    ['within a longer grace', '2027-01-11T10:29:00+01:00', 30, false],
    ['after a longer grace', '2027-01-11T10:30:00+01:00', 30, true],
  ])('%s', (_label, now, grace, allowed) => {
    const refusal = noShowTooEarly(instant(start), instant(now), grace);
    expect(refusal === null).toBe(allowed);
    if (!allowed) expect(refusal).toMatch(new RegExp(`${grace} minutes after the appointment's start`));
  });
});
