import type { CalendarRules } from '../calendar/calendar-rules.js';
import { bookingsLosingCapacity } from './capacity-check.js';

const rules = (overrides: Partial<CalendarRules> = {}): CalendarRules => ({
  timeZone: 'Europe/Copenhagen',
  slotMinutes: 15,
  bookingHorizonDays: 60,
  minNoticeHours: 0,
  weekly: [{ weekday: 1, opens: '09:00', closes: '10:00', desks: 2 }],
  closures: [],
  openOnConstitutionDay: false,
  openOnChristmasEve: false,
  openOnNewYearsEve: false,
  ...overrides,
});

// Monday 2027-01-11, 09:00 local = 08:00Z
const cell = (minute: number) => new Date(Date.UTC(2027, 0, 11, 8, minute));
const booking = (id: string, made: number, ...minutes: number[]) => ({
  id,
  cellStarts: minutes.map(cell),
  desksNeeded: 1,
  createdAt: new Date(Date.UTC(2027, 0, 1, 0, made)),
});
const highAssurance = (id: string, made: number, ...minutes: number[]) => ({
  ...booking(id, made, ...minutes),
  desksNeeded: 2,
});

describe('bookingsLosingCapacity', () => {
  const held = [booking('a', 1, 0), booking('b', 2, 0), booking('c', 3, 15, 30)];

  it('finds none while the calendar keeps room for everyone', () => {
    expect(bookingsLosingCapacity(rules(), held)).toEqual([]);
  });

  it('keeps the earliest-made bookings when desks are reduced', () => {
    const fewer = rules({ weekly: [{ weekday: 1, opens: '09:00', closes: '10:00', desks: 1 }] });
    expect(bookingsLosingCapacity(fewer, held)).toEqual(['b']);
  });

  it('loses every booking in a cell that is no longer open', () => {
    const shorter = rules({ weekly: [{ weekday: 1, opens: '09:00', closes: '09:30', desks: 2 }] });
    expect(bookingsLosingCapacity(shorter, held)).toEqual(['c']);
  });

  it('applies whole and partial closures', () => {
    const closure = { fromDate: '2027-01-11', toDate: '2027-01-11', reason: 'x' };
    expect(
      bookingsLosingCapacity(rules({ closures: [{ ...closure, startTime: null, endTime: null }] }), held),
    ).toEqual(['a', 'b', 'c']);
    expect(
      bookingsLosingCapacity(
        rules({ closures: [{ ...closure, startTime: '09:30', endTime: '10:00' }] }),
        held,
      ),
    ).toEqual(['c']);
  });

  it('does not let a booking that lost one cell push out later bookings from its other cells', () => {
    // 09:00 closes; 09:15 drops to one desk. A (09:00+09:15) loses at 09:00, so B (09:15) keeps the one desk.
    const calendar = rules({
      weekly: [{ weekday: 1, opens: '09:15', closes: '10:00', desks: 1 }],
    });
    expect(bookingsLosingCapacity(calendar, [booking('a', 1, 0, 15), booking('b', 2, 15)])).toEqual(['a']);
  });

  it('counts a high-assurance booking as two desks', () => {
    const three = rules({ weekly: [{ weekday: 1, opens: '09:00', closes: '10:00', desks: 3 }] });
    const two = rules({ weekly: [{ weekday: 1, opens: '09:00', closes: '10:00', desks: 2 }] });
    const mixed = [highAssurance('h', 1, 0, 15), booking('a', 2, 0), booking('b', 3, 15)];
    expect(bookingsLosingCapacity(three, mixed)).toEqual([]);
    expect(bookingsLosingCapacity(two, mixed)).toEqual(['a', 'b']);
    // made later, the high-assurance booking is the one without two desks left
    expect(bookingsLosingCapacity(two, [booking('a', 1, 0), highAssurance('h', 2, 0)])).toEqual(['h']);
  });
});
