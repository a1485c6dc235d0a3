import Holidays from 'date-holidays';

export interface HolidayOptions {
  openOnConstitutionDay: boolean;
  openOnChristmasEve: boolean;
  openOnNewYearsEve: boolean;
}

// date-holidays keeps the Danish rules current (Store Bededag ended with 2023); it computes, it does no I/O.
const denmark = new Holidays('DK');
const byYear = new Map<number, Map<string, string>>();

function publicHolidays(year: number): Map<string, string> {
  let holidays = byYear.get(year);
  if (!holidays) {
    holidays = new Map(
      denmark
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => [holiday.date.slice(0, 10), holiday.name]),
    );
    byYear.set(year, holidays);
  }
  return holidays;
}

/** The name of the holiday that closes a centre on `date` (YYYY-MM-DD), or undefined when it is a working day. */
export function closingHoliday(date: string, options: HolidayOptions): string | undefined {
  const name = publicHolidays(Number(date.slice(0, 4))).get(date);
  if (name) return name;
  const monthDay = date.slice(5);
  if (monthDay === '06-05' && !options.openOnConstitutionDay) return 'Grundlovsdag';
  if (monthDay === '12-24' && !options.openOnChristmasEve) return 'Juleaftensdag';
  if (monthDay === '12-31' && !options.openOnNewYearsEve) return 'Nytårsaftensdag';
  return undefined;
}
