import { impossibleApplicant } from './applicant-dates.js';

const TODAY = '2027-01-11';
const APPOINTMENT = '2027-02-15';
const fields = (dates: { birthDate?: string; arrivedInDenmarkOn?: string; appointmentDate?: string }) =>
  impossibleApplicant({ today: TODAY, appointmentDate: APPOINTMENT, ...dates }).map(
    (issue) => `${issue.field}: ${issue.message}`,
  );

describe('impossibleApplicant', () => {
  it.each<[string, { birthDate?: string; arrivedInDenmarkOn?: string; appointmentDate?: string }, RegExp[]]>([
    ['nothing known', {}, []],
    ['an adult', { birthDate: '1990-01-01' }, []],
    ['born today', { birthDate: TODAY }, [/applicant.cprNumber: the applicant must be at least 13/]],
    [
      'born tomorrow',
      { birthDate: '2027-01-12' },
      [/applicant.cprNumber: its birth date 2027-01-12 is after today/],
    ],
    ['born in 2036 (a 4-digit-century number)', { birthDate: '2036-05-01' }, [/is after today/]],
    ['13 the day before the appointment', { birthDate: '2014-02-14' }, []],
    ['13 on the appointment date', { birthDate: '2014-02-15' }, []],
    [
      '13 the day after the appointment',
      { birthDate: '2014-02-16' },
      [/at least 13 years old on the appointment date/],
    ],
    ['12 today, 13 by the appointment', { birthDate: '2014-01-20' }, []],
    [
      '13 today but the appointment is what counts',
      { birthDate: '2014-01-11', appointmentDate: '2027-01-11' },
      [],
    ],
    ['a child', { birthDate: '2020-06-01' }, [/at least 13/]],
    ['arrived in the past', { birthDate: '1990-01-01', arrivedInDenmarkOn: '2025-09-01' }, []],
    ['arrived today', { birthDate: '1990-01-01', arrivedInDenmarkOn: TODAY }, []],
    [
      'arrives tomorrow',
      { birthDate: '1990-01-01', arrivedInDenmarkOn: '2027-01-12' },
      [/applicant.arrivedInDenmarkOn: cannot be in the future/],
    ],
    [
      'arrives later without a CPR number',
      { arrivedInDenmarkOn: '2030-01-01' },
      [/arrivedInDenmarkOn: cannot be in the future/],
    ],
    [
      'arrived before birth',
      { birthDate: '1990-01-01', arrivedInDenmarkOn: '1989-12-31' },
      [/applicant.arrivedInDenmarkOn: cannot be before the birth date/],
    ],
    ['arrived on the birth date', { birthDate: '1990-01-01', arrivedInDenmarkOn: '1990-01-01' }, []],
    ['arrived long ago without a CPR number', { arrivedInDenmarkOn: '1950-01-01' }, []],
    [
      'a future birth date and a future arrival',
      { birthDate: '2030-01-01', arrivedInDenmarkOn: '2031-01-01' },
      [/cprNumber: its birth date/, /arrivedInDenmarkOn: cannot be in the future/],
    ],
    [
      'a child who arrived before birth',
      { birthDate: '2020-06-01', arrivedInDenmarkOn: '2019-01-01' },
      [/cprNumber: the applicant must be at least 13/, /arrivedInDenmarkOn: cannot be before the birth date/],
    ],
  ])('%s', (_label, dates, expected) => {
    const issues = fields(dates);
    expect(issues).toHaveLength(expected.length);
    expected.forEach((pattern, index) => expect(issues[index]).toMatch(pattern));
  });
});
