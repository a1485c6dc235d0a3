import { checkInRefusal, noShowTooEarly } from './desk-timing.js';

const ZONE = 'Europe/Copenhagen';
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

describe('checkInRefusal', () => {
  it.each([
    ['early the same local day', '2027-01-11T10:00:00+01:00', '2027-01-11T00:00:00+01:00', null],
    [
      'just before local midnight the day before',
      '2027-01-11T10:00:00+01:00',
      '2027-01-10T23:59:59+01:00',
      /on 2027-01-11; check-in opens on that day/,
    ],
    ['after the start the same day', '2027-01-11T10:00:00+01:00', '2027-01-11T14:00:00+01:00', null],
    ['the last second of the day', '2027-01-11T10:00:00+01:00', '2027-01-11T23:59:59+01:00', null],
    [
      'the next day',
      '2027-01-11T10:00:00+01:00',
      '2027-01-12T00:00:00+01:00',
      /day of this appointment is over/,
    ],
    ['a week before', '2027-01-11T10:00:00+01:00', '2027-01-04T10:00:00+01:00', /check-in opens on that day/],
    // 23:30 UTC on the 10th is already the 11th in Copenhagen: the local day counts, not the UTC one
    [
      'local day already begun while UTC is the day before',
      '2027-01-11T09:00:00+01:00',
      '2027-01-10T23:30:00Z',
      null,
    ],
    [
      'a second before local midnight in summer time',
      '2027-07-12T09:00:00+02:00',
      '2027-07-11T21:59:59Z',
      /check-in opens/,
    ],
    ['summer time, same local day', '2027-07-12T09:00:00+02:00', '2027-07-11T22:00:00Z', null],
  ])('%s', (_label, startsAt, now, expected) => {
    const refusal = checkInRefusal(instant(startsAt), instant(now), ZONE);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });
});
