import { witnessIneligibility } from './witness-eligibility.js';

describe('witness eligibility', () => {
  it.each([
    ['turns 18 on the appointment date', '2009-03-10', false, '2027-03-10', []],
    [
      'turns 18 the day after',
      '2009-03-11',
      false,
      '2027-03-10',
      ['the witness must be at least 18 years old on the appointment date'],
    ],
    ['born on 29 February, 18 on 1 March of a common year', '2008-02-29', false, '2026-03-01', []],
    [
      'born on 29 February, 17 on 28 February',
      '2008-02-29',
      false,
      '2026-02-28',
      ['the witness must be at least 18 years old on the appointment date'],
    ],
    ['is the applicant', '1980-01-01', true, '2027-03-10', ['the witness cannot be the applicant']],
    [
      'is the applicant and a child',
      '2015-01-01',
      true,
      '2027-03-10',
      [
        'the witness cannot be the applicant',
        'the witness must be at least 18 years old on the appointment date',
      ],
    ],
  ])('a witness who %s', (_case, birthDate, isApplicant, date, expected) => {
    expect(witnessIneligibility({ birthDate, isApplicant }, date)).toEqual(expected);
  });
});
