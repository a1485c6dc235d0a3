import { closingHoliday } from './danish-holidays.js';

const closedOnAllOptional = {
  openOnConstitutionDay: false,
  openOnChristmasEve: false,
  openOnNewYearsEve: false,
};

describe('closingHoliday', () => {
  it.each([
    ['2026-12-25', 'Juledag'],
    ['2027-01-01', 'Nytårsdag'],
    ['2027-03-25', 'Skærtorsdag'],
  ])('%s is closed as %s', (date, name) => {
    expect(closingHoliday(date, closedOnAllOptional)).toBe(name);
  });

  it('Store Bededag is a holiday until 2023 and not from 2024', () => {
    expect(closingHoliday('2023-05-05', closedOnAllOptional)).toBe('Store Bededag');
    expect(closingHoliday('2027-04-23', closedOnAllOptional)).toBeUndefined();
  });

  it('lets each centre open on 5 June, 24 and 31 December', () => {
    const open = { openOnConstitutionDay: true, openOnChristmasEve: true, openOnNewYearsEve: true };
    for (const date of ['2027-06-05', '2026-12-24', '2026-12-31']) {
      expect(closingHoliday(date, closedOnAllOptional)).toBeDefined();
      expect(closingHoliday(date, open)).toBeUndefined();
    }
  });
});
