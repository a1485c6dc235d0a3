import Holidays from 'date-holidays';

export interface HolidayOptions {
  openOnConstitutionDay: boolean;
  openOnChristmasEve: boolean;
  openOnNewYearsEve: boolean;
}

// date-holidays keeps the Danish rules current (Store Bededag ended with 2023); it computes, it does no I/O.
const denmark = new Holidays('DK');
const byYear = new Map<number, Map<string, HolidayNames>>();

/** A holiday's name in Danish and in English. */
export interface HolidayNames {
  da: string;
  en: string;
}

function publicHolidays(year: number): Map<string, HolidayNames> {
  let holidays = byYear.get(year);
  if (!holidays) {
    const english = new Map(
      denmark
        .getHolidays(year, 'en')
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => [holiday.date.slice(0, 10), holiday.name]),
    );
    holidays = new Map(
      denmark
        .getHolidays(year, 'da')
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => {
          const date = holiday.date.slice(0, 10);
          return [date, { da: holiday.name, en: english.get(date) ?? holiday.name }];
        }),
    );
    byYear.set(year, holidays);
  }
  return holidays;
}

const CENTRE_DAYS: Record<string, { open: keyof HolidayOptions; names: HolidayNames }> = {
  '06-05': { open: 'openOnConstitutionDay', names: { da: 'Grundlovsdag', en: 'Constitution Day' } },
  '12-24': { open: 'openOnChristmasEve', names: { da: 'Juleaftensdag', en: 'Christmas Eve' } },
  '12-31': { open: 'openOnNewYearsEve', names: { da: 'Nytårsaftensdag', en: "New Year's Eve" } },
};

/** The names of the holiday that closes a centre on `date` (YYYY-MM-DD), or undefined on a working day. */
export function closingHolidayNames(date: string, options: HolidayOptions): HolidayNames | undefined {
  const names = publicHolidays(Number(date.slice(0, 4))).get(date);
  if (names) return names;
  const centreDay = CENTRE_DAYS[date.slice(5)];
  return centreDay && !options[centreDay.open] ? centreDay.names : undefined;
}

/** The Danish name of the holiday that closes a centre on `date` (YYYY-MM-DD), or undefined when it is a working day. */
export function closingHoliday(date: string, options: HolidayOptions): string | undefined {
  return closingHolidayNames(date, options)?.da;
}
