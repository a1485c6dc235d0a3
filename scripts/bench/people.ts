// The citizens who book: a distinct person, and the booking request body for one.
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { TYPE } from './options.js';

/** Birth dates 1940-01-01 … 1999-12-31 as DDMMYY; serials 1000-3999 (7th digit 1-3: born in the 1900s). */
const birthDates: string[] = (() => {
  const dates: string[] = [];
  for (let day = DateTime.utc(1940, 1, 1); day.year < 2000; day = day.plus({ days: 1 }))
    dates.push(day.toFormat('ddMMyy'));
  return dates;
})();
export const runTag = randomBytes(3).toString('hex');
let personSeq = 0;

export interface Person {
  fullName: string;
  email: string;
  cprNumber: string;
}

/** A different person (CPR number with a real date of birth, e-mail) on every call. */
export function nextPerson(): Person {
  const n = personSeq++;
  const serial = 1000 + Math.floor(n / birthDates.length);
  if (serial > 3999) throw new Error('out of distinct CPR numbers');
  return {
    fullName: `Bench Person ${n}`,
    email: `bench.${runTag}.${n}@example.dk`,
    cprNumber: `${birthDates[n % birthDates.length]}-${serial}`,
  };
}

export function bookingBody(centreId: string, startsAt: string, person: Person) {
  return {
    centreId,
    appointmentType: TYPE,
    startsAt,
    applicant: {
      fullName: person.fullName,
      email: person.email,
      phone: '+4512345678',
      cprNumber: person.cprNumber,
      nationality: 'DK',
      countryOfResidence: 'DK',
      language: 'da',
    },
    documents: [{ type: 'DK_DRIVING_LICENCE' }],
  };
}
