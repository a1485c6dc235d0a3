import { DateTime } from 'luxon';
import { isRealDate } from '../common/gregorian.js';

export interface CprNumber {
  /** Ten digits, no hyphen: the canonical form that is encrypted and hashed. */
  digits: string;
  birthDate: string;
}

export type CprParseResult = { ok: true; value: CprNumber } | { ok: false; reason: string };

/** The century of a birth year from the 7th digit and the two-digit year (CPR office table). */
export function centuryOf(seventh: number, yy: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Parses DDMMYY-SSSS (hyphen optional). The date must exist; modulus 11 is deliberately not checked, since
 * numbers issued since 2007 may fail it.
 */
export function parseCpr(input: string): CprParseResult {
  const match = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/.exec(input.trim());
  if (!match) return { ok: false, reason: 'must be 10 digits, DDMMYY-SSSS' };
  const [, dd, mm, yy, serial] = match;
  const year = centuryOf(Number(serial[0]), Number(yy)) + Number(yy);
  if (Number(mm) < 1 || Number(mm) > 12) return { ok: false, reason: `month ${mm} does not exist` };
  if (!isRealDate(year, Number(mm), Number(dd)))
    return {
      ok: false,
      // the day and month only: a refusal never repeats a birth year (the reason may be logged)
      reason:
        mm === '02' && dd === '29'
          ? '29 February does not exist in that year (not a leap year)'
          : `${Number(dd)} ${MONTHS[Number(mm) - 1]} does not exist`,
    };
  return { ok: true, value: { digits: `${dd}${mm}${yy}${serial}`, birthDate: `${year}-${mm}-${dd}` } };
}

/** Whole years of age on a local date (YYYY-MM-DD); a 29 February birthday counts from 1 March in other years. */
export function ageOn(birthDate: string, date: string): number {
  const birth = DateTime.fromISO(birthDate, { zone: 'utc' });
  const on = DateTime.fromISO(date, { zone: 'utc' });
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age;
}

export function maskCpr(digits: string): string {
  return `${digits.slice(0, 6)}-XXXX`;
}
