import { DateTime } from 'luxon';
import { isInstant, isLocalDate, MAX_YEAR, MIN_YEAR } from './validators.js';

/** What isInstant answered when it parsed with Luxon; the field-by-field check must answer the same. */
function byLuxon(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return false;
  const instant = DateTime.fromISO(value, { setZone: true });
  return instant.isValid && instant.year >= MIN_YEAR && instant.year <= MAX_YEAR;
}

/** A deterministic pseudo-random sequence, so a failure names a case that comes back on every run. */
function* numbers(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    yield state / 2 ** 31;
  }
}

const two = (n: number) => String(n).padStart(2, '0');

describe('isInstant', () => {
  it.each([
    ['2027-01-12T09:20:00+01:00', true],
    ['2027-01-12T09:20+01:00', true],
    ['2027-01-12T09:20:00.123Z', true],
    ['2028-02-29T10:00Z', true],
    ['2027-02-29T10:00Z', false],
    ['2027-04-31T10:00Z', false],
    ['2100-02-29T10:00Z', false],
    ['2000-02-29T10:00Z', true],
    ['2027-01-12T24:00+01:00', true],
    ['2027-01-12T24:00:00.001Z', false],
    ['2027-01-12T24:01Z', false],
    ['2027-01-12T10:60Z', false],
    ['2027-01-12T10:00:60Z', false],
    ['2027-00-12T10:00Z', false],
    ['2027-01-00T10:00Z', false],
    ['2027-01-12T10:00', false],
    ['2027-01-12 10:00Z', false],
    ['1899-12-31T23:59Z', false],
    ['1900-01-01T00:00+01:00', true],
    ['2199-12-31T23:59+14:00', true],
    ['2199-12-31T24:00Z', false],
    ['1899-12-31T24:00Z', true],
    ['1899-12-31T24:00:00.000+01:00', true],
    ['2200-01-01T00:00Z', false],
  ])('%s → %s', (value, expected) => {
    expect(isInstant(value)).toBe(expected);
    expect(byLuxon(value)).toBe(expected);
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 20270112, {}, ['2027-01-12T09:20Z']])
      expect(isInstant(value)).toBe(false);
  });

  it('answers as Luxon does for 50,000 generated instants near every field boundary', () => {
    const random = numbers(20270112);
    const pick = <T>(items: T[]): T => items[Math.floor(random.next().value * items.length)];
    const differing: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const year = pick([1899, 1900, 1901, 2000, 2024, 2027, 2100, 2198, 2199, 2200]);
      const month = pick([0, 1, 2, 3, 4, 11, 12, 13]);
      const day = pick([0, 1, 28, 29, 30, 31, 32]);
      const hour = pick([0, 1, 23, 24, 25]);
      const minute = pick([0, 1, 59, 60]);
      const second = pick(['', ':00', ':01', ':59', ':60']);
      const fraction = second ? pick(['', '.0', '.000', '.001', '.999']) : '';
      const offset = pick(['Z', '+01:00', '-01:00', '+14:00', '+25:99', '']);
      const value = `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}${second}${fraction}${offset}`;
      if (isInstant(value) !== byLuxon(value)) differing.push(value);
    }
    expect(differing).toEqual([]);
  });
});

describe('isLocalDate', () => {
  it('answers as a Luxon parse did, for every day number 0–32 of every month 0–13 in leap, century and edge years', () => {
    const differing: string[] = [];
    for (const year of [1899, 1900, 2000, 2024, 2027, 2100, 2199, 2200]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const value = `${year}-${two(month)}-${two(day)}`;
          const luxon = year >= MIN_YEAR && year <= MAX_YEAR && DateTime.fromISO(value).isValid;
          if (isLocalDate(value) !== luxon) differing.push(value);
        }
      }
    }
    expect(differing).toEqual([]);
    expect(['2027-1-05', '2027-01-05T00:00', 20270105, null].map(isLocalDate)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
