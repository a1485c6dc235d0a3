import { DateTime } from 'luxon';
import {
  availability,
  BookedCount,
  CalendarRules,
  DayAvailability,
  daySchedule,
  eachDate,
  Slot,
  slotsOfDay,
  WeeklyInterval,
} from './calendar-rules.js';

const ZONE = 'Europe/Copenhagen';

/** A local wall-clock instant in Copenhagen, e.g. local('2027-01-11T09:10'). */
function local(isoLocal: string): DateTime {
  return DateTime.fromISO(isoLocal, { zone: ZONE });
}

function weekdaysOpen(opens: string, closes: string, desks: number): WeeklyInterval[] {
  return [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes, desks }));
}

/** Valid rules where nothing interferes; each test overrides only what it is about. */
function rules(overrides: Partial<CalendarRules> = {}): CalendarRules {
  return {
    timeZone: ZONE,
    slotMinutes: 15,
    bookingHorizonDays: 400,
    minNoticeHours: 0,
    weekly: weekdaysOpen('09:00', '12:00', 2),
    closures: [],
    openOnConstitutionDay: false,
    openOnChristmasEve: false,
    openOnNewYearsEve: false,
    ...overrides,
  };
}

const nothingBooked: BookedCount = () => 0;

/** Availability of one date, asked at 08:00 local on the day before unless the test says otherwise. */
function dayOf(
  calendar: CalendarRules,
  date: string,
  options: { durationMinutes?: number; now?: DateTime; booked?: BookedCount } = {},
): DayAvailability {
  const [day] = availability(calendar, {
    from: date,
    to: date,
    durationMinutes: options.durationMinutes ?? 15,
    now: options.now ?? local(`${date}T08:00`).minus({ days: 1 }),
    booked: options.booked ?? nothingBooked,
  });
  return day;
}

const localTimes = (slots: Slot[]): string[] => slots.map((slot) => slot.startsAt.toFormat('HH:mm'));
const isoStarts = (slots: Slot[]): (string | null)[] => slots.map((slot) => slot.startsAt.toISO());

/** Local HH:mm from 'from' (inclusive) to 'to' (inclusive) every `step` minutes. */
function grid(from: string, to: string, step = 15): string[] {
  const times: string[] = [];
  for (let t = local(`2027-01-11T${from}`); t <= local(`2027-01-11T${to}`); t = t.plus({ minutes: step })) {
    times.push(t.toFormat('HH:mm'));
  }
  return times;
}

describe('availability in a normal week', () => {
  const now = local('2027-01-08T12:00');
  const week = availability(rules(), {
    from: '2027-01-11',
    to: '2027-01-17',
    durationMinutes: 15,
    now,
    booked: nothingBooked,
  });

  it('returns one entry per local date, Monday to Sunday', () => {
    expect(week.map((day) => day.date)).toEqual([
      '2027-01-11',
      '2027-01-12',
      '2027-01-13',
      '2027-01-14',
      '2027-01-15',
      '2027-01-16',
      '2027-01-17',
    ]);
  });

  it('gives each weekday 12 slots of 15 minutes from 09:00 to 11:45 local, with all desks free', () => {
    for (const day of week.slice(0, 5)) {
      expect(day.closedReason).toBeUndefined();
      expect(day.slots).toHaveLength(12);
      expect(localTimes(day.slots)).toEqual(grid('09:00', '11:45'));
      for (const slot of day.slots) {
        expect(slot.endsAt.toMillis() - slot.startsAt.toMillis()).toBe(15 * 60_000);
        expect(slot.remaining).toBe(2);
      }
    }
  });

  it('places the first Monday slot at 09:00 +01:00, which is 08:00Z', () => {
    const first = week[0].slots[0];
    expect(first.startsAt.toISO()).toBe('2027-01-11T09:00:00.000+01:00');
    expect(first.startsAt.toUTC().toISO()).toBe('2027-01-11T08:00:00.000Z');
    expect(first.endsAt.toISO()).toBe('2027-01-11T09:15:00.000+01:00');
    expect(week[0].slots[11].startsAt.toISO()).toBe('2027-01-11T11:45:00.000+01:00');
    expect(week[0].slots[11].endsAt.toISO()).toBe('2027-01-11T12:00:00.000+01:00');
  });

  it('gives Saturday and Sunday, which have no opening hours, no slots and a closed reason in both languages', () => {
    for (const day of week.slice(5)) {
      expect(day.slots).toEqual([]);
      expect(day.closedReason).toBe('Centret har ikke åbent på denne ugedag');
      expect(day.closedTexts).toEqual({
        da: 'Centret har ikke åbent på denne ugedag',
        en: 'The centre is not open on this weekday',
      });
    }
  });

  it('subtracts what is booked in each cell, keyed by the cell start epoch millis, and never goes below 0', () => {
    const counts = new Map<number, number>([
      [local('2027-01-11T09:00').toMillis(), 1],
      [local('2027-01-11T09:15').toMillis(), 2],
      [local('2027-01-11T09:30').toMillis(), 5],
    ]);
    const seen: number[] = [];
    const booked: BookedCount = (millis) => {
      seen.push(millis);
      return counts.get(millis) ?? 0;
    };
    const day = dayOf(rules(), '2027-01-11', { booked });
    expect(day.slots.map((slot) => slot.remaining)).toEqual([1, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(seen).toContain(Date.parse('2027-01-11T08:00:00Z'));
    expect(seen).toContain(Date.parse('2027-01-11T10:45:00Z'));
  });

  it('fits a 30-minute type into 2 cells at every grid start where it ends by closing (11 starts, 09:00..11:30)', () => {
    const day = dayOf(rules(), '2027-01-11', { durationMinutes: 30 });
    expect(localTimes(day.slots)).toEqual(grid('09:00', '11:30'));
    expect(day.slots).toHaveLength(11);
    const last = day.slots[day.slots.length - 1];
    expect(last.endsAt.toISO()).toBe('2027-01-11T12:00:00.000+01:00');
    for (const slot of day.slots) {
      expect(slot.endsAt.toMillis() - slot.startsAt.toMillis()).toBe(30 * 60_000);
      expect(slot.endsAt <= local('2027-01-11T12:00')).toBe(true);
    }
  });

  it('rounds a 20-minute type up to 2 cells: it ends 20 minutes after it starts, and its last start is 11:30', () => {
    const booked: BookedCount = (millis) => (millis === local('2027-01-11T09:15').toMillis() ? 2 : 0);
    const day = dayOf(rules(), '2027-01-11', { durationMinutes: 20, booked });
    expect(localTimes(day.slots)).toEqual(grid('09:00', '11:30'));
    expect(day.slots[0].endsAt.toISO()).toBe('2027-01-11T09:20:00.000+01:00');
    expect(day.slots[0].remaining).toBe(0); // its second cell, 09:15, is full
  });

  it('gives a 30-minute slot the fewest free desks over both of its cells', () => {
    const counts = new Map<number, number>([
      [local('2027-01-11T09:15').toMillis(), 1],
      [local('2027-01-11T10:00').toMillis(), 2],
    ]);
    const day = dayOf(rules(), '2027-01-11', {
      durationMinutes: 30,
      booked: (millis) => counts.get(millis) ?? 0,
    });
    // Starts:             09:00 09:15 09:30 09:45 10:00 10:15 ...
    expect(day.slots.map((slot) => slot.remaining)).toEqual([1, 1, 2, 0, 0, 2, 2, 2, 2, 2, 2]);
  });
});

describe('a day with two opening intervals', () => {
  // Wednesday also opens 13:00-15:30 with 3 desks; listed first to show order does not matter.
  const calendar = rules({
    weekly: [{ weekday: 3, opens: '13:00', closes: '15:30', desks: 3 }, ...weekdaysOpen('09:00', '12:00', 2)],
  });
  const wednesday = '2027-01-13';

  it('has 15-minute slots in both intervals and none in the 12:00-13:00 gap', () => {
    const day = dayOf(calendar, wednesday);
    expect(localTimes(day.slots)).toEqual([...grid('09:00', '11:45'), ...grid('13:00', '15:15')]);
    expect(day.slots).toHaveLength(12 + 10);
    expect(
      day.slots.filter(
        (slot) => slot.startsAt >= local(`${wednesday}T12:00`) && slot.startsAt < local(`${wednesday}T13:00`),
      ),
    ).toEqual([]);
  });

  it('reflects each interval own desks in remaining', () => {
    const day = dayOf(calendar, wednesday);
    expect(day.slots.slice(0, 12).map((slot) => slot.remaining)).toEqual(new Array<number>(12).fill(2));
    expect(day.slots.slice(12).map((slot) => slot.remaining)).toEqual(new Array<number>(10).fill(3));
  });

  it('never lets a 30-minute slot span the gap or run past either closing', () => {
    const day = dayOf(calendar, wednesday, { durationMinutes: 30 });
    expect(localTimes(day.slots)).toEqual([...grid('09:00', '11:30'), ...grid('13:00', '15:00')]);
    expect(localTimes(day.slots)).not.toContain('11:45');
    expect(localTimes(day.slots)).not.toContain('15:15');
    expect(day.slots.map((slot) => slot.remaining)).toEqual([
      ...new Array<number>(11).fill(2),
      ...new Array<number>(9).fill(3),
    ]);
  });

  it('leaves the other weekdays with the morning interval only', () => {
    expect(localTimes(dayOf(calendar, '2027-01-12').slots)).toEqual(grid('09:00', '11:45'));
  });
});

describe('daylight-saving changes', () => {
  const sundayCentre = rules({ weekly: [{ weekday: 7, opens: '10:00', closes: '14:00', desks: 1 }] });

  it('autumn, Sunday 2026-10-25 (CEST to CET): 10:00 local at +01:00 is 09:00Z; the Sunday before is +02:00, 08:00Z', () => {
    const now = local('2026-10-01T08:00');
    const [before, , , , , , , changeDay] = availability(sundayCentre, {
      from: '2026-10-18',
      to: '2026-10-25',
      durationMinutes: 15,
      now,
      booked: nothingBooked,
    });

    expect(before.date).toBe('2026-10-18');
    expect(before.slots).toHaveLength(16);
    expect(localTimes(before.slots)).toEqual(grid('10:00', '13:45'));
    expect(before.slots[0].startsAt.toISO()).toBe('2026-10-18T10:00:00.000+02:00');
    expect(before.slots[0].startsAt.toUTC().toISO()).toBe('2026-10-18T08:00:00.000Z');

    expect(changeDay.date).toBe('2026-10-25');
    expect(changeDay.closedReason).toBeUndefined();
    expect(changeDay.slots).toHaveLength(16);
    expect(localTimes(changeDay.slots)).toEqual(grid('10:00', '13:45'));
    expect(changeDay.slots[0].startsAt.toISO()).toBe('2026-10-25T10:00:00.000+01:00');
    expect(changeDay.slots[0].startsAt.toUTC().toISO()).toBe('2026-10-25T09:00:00.000Z');
    expect(changeDay.slots[15].endsAt.toISO()).toBe('2026-10-25T14:00:00.000+01:00');
    expect(changeDay.slots.every((slot) => slot.startsAt.toFormat('ZZ') === '+01:00')).toBe(true);
  });

  it('spring, Sunday 2026-03-29 (CET to CEST): 10:00 local at +02:00 is 08:00Z; the Sunday before is +01:00, 09:00Z', () => {
    const now = local('2026-03-01T08:00');
    const [before, , , , , , , changeDay] = availability(sundayCentre, {
      from: '2026-03-22',
      to: '2026-03-29',
      durationMinutes: 15,
      now,
      booked: nothingBooked,
    });

    expect(before.date).toBe('2026-03-22');
    expect(before.slots).toHaveLength(16);
    expect(before.slots[0].startsAt.toISO()).toBe('2026-03-22T10:00:00.000+01:00');
    expect(before.slots[0].startsAt.toUTC().toISO()).toBe('2026-03-22T09:00:00.000Z');

    expect(changeDay.date).toBe('2026-03-29');
    expect(changeDay.closedReason).toBeUndefined();
    expect(changeDay.slots).toHaveLength(16);
    expect(localTimes(changeDay.slots)).toEqual(grid('10:00', '13:45'));
    expect(changeDay.slots[0].startsAt.toISO()).toBe('2026-03-29T10:00:00.000+02:00');
    expect(changeDay.slots[0].startsAt.toUTC().toISO()).toBe('2026-03-29T08:00:00.000Z');
    expect(changeDay.slots.every((slot) => slot.startsAt.toFormat('ZZ') === '+02:00')).toBe(true);
  });

  it('keeps Sunday 2027-03-28, the 2027 spring change, closed as Påskedag', () => {
    const day = dayOf(sundayCentre, '2027-03-28');
    expect(day.slots).toEqual([]);
    expect(day.closedReason).toBe('Påskedag');
    expect(daySchedule(sundayCentre, '2027-03-28')).toEqual({
      date: '2027-03-28',
      cells: [],
      closedReason: 'Påskedag',
      closedTexts: { da: 'Påskedag', en: 'Easter Sunday' },
    });
  });

  describe('a centre open 01:00-04:00 local on Sundays, through the change itself', () => {
    const nightCentre = rules({ weekly: [{ weekday: 7, opens: '01:00', closes: '04:00', desks: 1 }] });

    it('the spring day holds 2 hours of cells: 01:00-01:45 at +01:00, then 03:00-03:45 at +02:00', () => {
      const day = daySchedule(nightCentre, '2026-03-29');
      expect(day.closedReason).toBeUndefined();
      expect(day.cells).toHaveLength(8);
      expect(day.cells.map((cell) => cell.startsAt.toISO())).toEqual([
        '2026-03-29T01:00:00.000+01:00',
        '2026-03-29T01:15:00.000+01:00',
        '2026-03-29T01:30:00.000+01:00',
        '2026-03-29T01:45:00.000+01:00',
        '2026-03-29T03:00:00.000+02:00',
        '2026-03-29T03:15:00.000+02:00',
        '2026-03-29T03:30:00.000+02:00',
        '2026-03-29T03:45:00.000+02:00',
      ]);
      expect(day.cells.map((cell) => cell.startsAt.toUTC().toFormat('HH:mm'))).toEqual([
        '00:00',
        '00:15',
        '00:30',
        '00:45',
        '01:00',
        '01:15',
        '01:30',
        '01:45',
      ]);
    });

    it('the autumn day holds 4 hours of cells, with 02:00-02:45 twice: first at +02:00, then at +01:00', () => {
      const day = daySchedule(nightCentre, '2026-10-25');
      expect(day.closedReason).toBeUndefined();
      expect(day.cells).toHaveLength(16);
      expect(day.cells.map((cell) => cell.startsAt.toISO())).toEqual([
        '2026-10-25T01:00:00.000+02:00',
        '2026-10-25T01:15:00.000+02:00',
        '2026-10-25T01:30:00.000+02:00',
        '2026-10-25T01:45:00.000+02:00',
        '2026-10-25T02:00:00.000+02:00',
        '2026-10-25T02:15:00.000+02:00',
        '2026-10-25T02:30:00.000+02:00',
        '2026-10-25T02:45:00.000+02:00',
        '2026-10-25T02:00:00.000+01:00',
        '2026-10-25T02:15:00.000+01:00',
        '2026-10-25T02:30:00.000+01:00',
        '2026-10-25T02:45:00.000+01:00',
        '2026-10-25T03:00:00.000+01:00',
        '2026-10-25T03:15:00.000+01:00',
        '2026-10-25T03:30:00.000+01:00',
        '2026-10-25T03:45:00.000+01:00',
      ]);
      expect(day.cells[0].startsAt.toUTC().toISO()).toBe('2026-10-24T23:00:00.000Z');
      expect(day.cells[15].startsAt.toUTC().toISO()).toBe('2026-10-25T02:45:00.000Z');
      // Every cell is 15 real minutes after the one before.
      for (let i = 1; i < day.cells.length; i++) {
        expect(day.cells[i].startsAt.toMillis() - day.cells[i - 1].startsAt.toMillis()).toBe(15 * 60_000);
      }
    });

    it('the Sundays either side of each change hold 3 hours of cells', () => {
      for (const date of ['2026-03-22', '2026-04-12', '2026-10-18', '2026-11-01']) {
        expect(daySchedule(nightCentre, date).cells).toHaveLength(12);
      }
    });

    it('slots of the spring day run through the missing hour in real time', () => {
      const day = daySchedule(nightCentre, '2026-03-29');
      const slots = slotsOfDay(nightCentre, day, 30, nothingBooked);
      expect(isoStarts(slots)).toEqual([
        '2026-03-29T01:00:00.000+01:00',
        '2026-03-29T01:15:00.000+01:00',
        '2026-03-29T01:30:00.000+01:00',
        '2026-03-29T01:45:00.000+01:00',
        '2026-03-29T03:00:00.000+02:00',
        '2026-03-29T03:15:00.000+02:00',
        '2026-03-29T03:30:00.000+02:00',
      ]);
      expect(slots[3].endsAt.toISO()).toBe('2026-03-29T03:15:00.000+02:00');
    });
  });
});

describe('closures', () => {
  it('closes every day of a whole-day closure, from and to inclusive, with its reason', () => {
    const calendar = rules({
      closures: [
        {
          fromDate: '2027-01-12',
          toDate: '2027-01-14',
          startTime: null,
          endTime: null,
          reason: 'Renovering',
        },
      ],
    });
    const days = availability(calendar, {
      from: '2027-01-11',
      to: '2027-01-15',
      durationMinutes: 15,
      now: local('2027-01-08T12:00'),
      booked: nothingBooked,
    });
    expect(days.map((day) => [day.date, day.slots.length, day.closedReason])).toEqual([
      ['2027-01-11', 12, undefined],
      ['2027-01-12', 0, 'Renovering'],
      ['2027-01-13', 0, 'Renovering'],
      ['2027-01-14', 0, 'Renovering'],
      ['2027-01-15', 12, undefined],
    ]);
    expect(daySchedule(calendar, '2027-01-13')).toEqual({
      date: '2027-01-13',
      cells: [],
      closedReason: 'Renovering',
      closedTexts: { da: 'Renovering', en: 'Renovering' },
    });
  });

  it('removes exactly the 15-minute slots inside a 10:00-11:00 partial closure and gives no closed reason', () => {
    const calendar = rules({
      closures: [
        {
          fromDate: '2027-01-11',
          toDate: '2027-01-11',
          startTime: '10:00',
          endTime: '11:00',
          reason: 'Personalemøde',
        },
      ],
    });
    const day = dayOf(calendar, '2027-01-11');
    expect(localTimes(day.slots)).toEqual([
      '09:00',
      '09:15',
      '09:30',
      '09:45',
      '11:00',
      '11:15',
      '11:30',
      '11:45',
    ]);
    expect(day.closedReason).toBeUndefined();
    expect(day).not.toHaveProperty('closedReason');
    // The next day is untouched.
    expect(dayOf(calendar, '2027-01-12').slots).toHaveLength(12);
  });

  it('removes a 30-minute slot starting 09:45 (it runs into 10:00) and one starting 10:45', () => {
    const calendar = rules({
      closures: [
        {
          fromDate: '2027-01-11',
          toDate: '2027-01-11',
          startTime: '10:00',
          endTime: '11:00',
          reason: 'Personalemøde',
        },
      ],
    });
    const day = dayOf(calendar, '2027-01-11', { durationMinutes: 30 });
    expect(localTimes(day.slots)).toEqual(['09:00', '09:15', '09:30', '11:00', '11:15', '11:30']);
    for (const slot of day.slots) {
      const overlaps = slot.startsAt < local('2027-01-11T11:00') && slot.endsAt > local('2027-01-11T10:00');
      expect(overlaps).toBe(false);
    }
  });
});

describe('holidays', () => {
  it.each([
    ['2026-12-25', 'Juledag'],
    ['2027-01-01', 'Nytårsdag'],
    ['2027-03-25', 'Skærtorsdag'],
    ['2027-03-26', 'Langfredag'],
    ['2027-03-29', 'Anden påskedag'],
    ['2027-05-06', 'Kristi Himmelfartsdag'],
    ['2027-05-17', 'Anden Pinsedag'],
  ])('%s is closed by default as %s', (date, name) => {
    const day = dayOf(rules(), date);
    expect(day.slots).toEqual([]);
    expect(day.closedReason).toBe(name);
  });

  it('opens Friday 2027-04-23, formerly Store Bededag', () => {
    const day = dayOf(rules(), '2027-04-23');
    expect(day.closedReason).toBeUndefined();
    expect(day.slots).toHaveLength(12);
    expect(day.slots[0].startsAt.toISO()).toBe('2027-04-23T09:00:00.000+02:00');
  });

  it.each([
    ['2027-12-24', 'Juleaftensdag', { openOnChristmasEve: true }],
    ['2027-12-31', 'Nytårsaftensdag', { openOnNewYearsEve: true }],
    ['2026-06-05', 'Grundlovsdag', { openOnConstitutionDay: true }],
  ])('%s is closed by default as %s and open when the centre sets its flag', (date, name, flag) => {
    const closed = dayOf(rules(), date);
    expect(closed.slots).toEqual([]);
    expect(closed.closedReason).toBe(name);

    const open = dayOf(rules(flag), date);
    expect(open.closedReason).toBeUndefined();
    expect(open.slots).toHaveLength(12);
    expect(open.slots[0].startsAt.toFormat('yyyy-MM-dd HH:mm')).toBe(`${date} 09:00`);
  });

  it('each flag opens only its own day', () => {
    const calendar = rules({ openOnChristmasEve: true });
    expect(dayOf(calendar, '2027-12-24').slots).toHaveLength(12);
    expect(dayOf(calendar, '2027-12-31').closedReason).toBe('Nytårsaftensdag');
    expect(dayOf(calendar, '2027-06-04').slots).toHaveLength(12);
  });
});

describe('booking horizon and minimum notice', () => {
  const now = local('2027-01-11T09:10');

  it('starts today at the first grid slot at least minNoticeHours after now (09:10 + 2h -> 11:15)', () => {
    const day = dayOf(rules({ minNoticeHours: 2 }), '2027-01-11', { now });
    expect(localTimes(day.slots)).toEqual(['11:15', '11:30', '11:45']);
    expect(day.slots[0].startsAt.toISO()).toBe('2027-01-11T11:15:00.000+01:00');
    expect(day.slots.every((slot) => slot.startsAt >= now.plus({ hours: 2 }))).toBe(true);
  });

  it('keeps a slot that starts exactly at now + notice', () => {
    const day = dayOf(rules({ minNoticeHours: 2 }), '2027-01-11', { now: local('2027-01-11T09:15') });
    expect(localTimes(day.slots)).toEqual(['11:15', '11:30', '11:45']);
  });

  it('books up to today + bookingHorizonDays inclusive and nothing after; nothing before today', () => {
    const calendar = rules({ minNoticeHours: 2, bookingHorizonDays: 14 });
    const days = availability(calendar, {
      from: '2027-01-08',
      to: '2027-01-26',
      durationMinutes: 15,
      now,
      booked: nothingBooked,
    });
    const byDate = new Map(days.map((day) => [day.date, day]));

    expect(byDate.get('2027-01-08')?.slots).toEqual([]); // Friday before today
    expect(byDate.get('2027-01-08')?.closedReason).toBeUndefined();
    expect(localTimes(byDate.get('2027-01-11')?.slots ?? [])).toEqual(['11:15', '11:30', '11:45']);
    expect(byDate.get('2027-01-12')?.slots).toHaveLength(12);
    expect(byDate.get('2027-01-25')?.slots).toHaveLength(12); // today + 14, a Monday
    expect(byDate.get('2027-01-26')?.slots).toEqual([]); // today + 15, a Tuesday
    expect(byDate.get('2027-01-26')?.closedReason).toBeUndefined();
  });

  it('reads "today" in the centre time zone even when now is given in UTC', () => {
    // 2027-01-10T23:30Z is already 00:30 on Monday 2027-01-11 in Copenhagen.
    const utcNow = DateTime.fromISO('2027-01-10T23:30:00Z', { zone: 'utc' });
    const calendar = rules({ bookingHorizonDays: 14 });
    expect(dayOf(calendar, '2027-01-25', { now: utcNow }).slots).toHaveLength(12);
    expect(dayOf(calendar, '2027-01-26', { now: utcNow }).slots).toEqual([]);
  });
});

describe('eachDate', () => {
  it('covers a year boundary inclusively', () => {
    expect(eachDate('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });

  it('covers month boundaries inclusively, with and without 29 February', () => {
    expect(eachDate('2027-01-30', '2027-02-01')).toEqual(['2027-01-30', '2027-01-31', '2027-02-01']);
    expect(eachDate('2027-02-27', '2027-03-01')).toEqual(['2027-02-27', '2027-02-28', '2027-03-01']);
    expect(eachDate('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });

  it('gives each date once across the daylight-saving changes', () => {
    expect(eachDate('2026-03-28', '2026-03-30')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(eachDate('2026-10-24', '2026-10-26')).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
  });

  it('gives one date when from equals to, and none when from is after to', () => {
    expect(eachDate('2027-01-11', '2027-01-11')).toEqual(['2027-01-11']);
    expect(eachDate('2027-01-12', '2027-01-11')).toEqual([]);
  });

  it('spans a whole year', () => {
    const dates = eachDate('2027-01-01', '2027-12-31');
    expect(dates).toHaveLength(365);
    expect(dates[0]).toBe('2027-01-01');
    expect(dates[364]).toBe('2027-12-31');
  });
});
