import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { newCentre } from '../../test/support/factories.js';
import { loginAs, startTestApp, TestApp } from '../../test/support/test-app.js';
import type { CalendarRules, Cell } from '../calendar/index.js';
import { CapacityError } from './capacity.error.js';
import { CapacityLedger } from './capacity-ledger.js';

// Monday 2027-01-11 in Copenhagen: 09:00 and 09:15 local
const at = (time: string) => DateTime.fromISO(`2027-01-11T${time}:00+01:00`, { setZone: true });
const cells = (desks: number, ...times: string[]): Cell[] =>
  times.map((time) => ({ startsAt: at(time), desks }));

const rules = (desks: number, closes = '10:00'): CalendarRules => ({
  timeZone: 'Europe/Copenhagen',
  slotMinutes: 15,
  bookingHorizonDays: 60,
  minNoticeHours: 0,
  weekly: [{ weekday: 1, opens: '09:00', closes, desks }],
  closures: [],
  openOnConstitutionDay: false,
  openOnChristmasEve: false,
  openOnNewYearsEve: false,
});

describe('the capacity ledger, on a real database', () => {
  let t: TestApp;
  let ledger: CapacityLedger;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    ledger = t.app.get(CapacityLedger);
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const centre = async () => (await newCentre(t, (await loginAs(t, 'admin')).token)).id;
  const booked = async (centreId: string) =>
    db.query<{ starts_at: Date; desks: number; booked: number }[]>(
      'SELECT starts_at, desks, booked FROM slot_capacity WHERE centre_id = $1 ORDER BY starts_at',
      [centreId],
    );

  it('takes one desk in every cell, and refuses the whole booking when one cell is full', async () => {
    const id = await centre();
    await db.transaction((m) => ledger.take(m, id, cells(2, '09:15', '09:00'), 1));
    await db.transaction((m) => ledger.take(m, id, cells(2, '09:15'), 1));
    await expect(
      db.transaction((m) => ledger.take(m, id, cells(2, '09:00', '09:15'), 1)),
    ).rejects.toBeInstanceOf(CapacityError);
    expect((await booked(id)).map((row) => [row.desks, row.booked])).toEqual([
      [2, 1],
      [2, 2],
    ]);
  });

  it('gives desks back, and never below zero', async () => {
    const id = await centre();
    const starts = await db.transaction((m) => ledger.take(m, id, cells(1, '09:00'), 1));
    await db.transaction((m) => ledger.release(m, id, starts, 1));
    expect((await booked(id))[0].booked).toBe(0);
    await expect(db.transaction((m) => ledger.release(m, id, starts, 1))).rejects.toMatchObject({
      driverError: { code: '23514' },
    });
  });

  it('recounts desks to a new calendar, never below what is booked, and drops cells with neither desk nor booking', async () => {
    const id = await centre();
    await db.transaction((m) => ledger.take(m, id, cells(3, '09:00'), 1));
    await db.transaction((m) => ledger.take(m, id, cells(3, '09:00'), 1));
    const starts = await db.transaction((m) => ledger.take(m, id, cells(3, '09:15'), 1));
    await db.transaction((m) => ledger.release(m, id, starts, 1));
    const future = await db.transaction((m) => ledger.futureCells(m, id, new Date(0)));
    await db.transaction((m) => ledger.recount(m, id, rules(1, '09:15'), future));
    expect((await booked(id)).map((row) => [row.desks, row.booked])).toEqual([[2, 2]]);
    expect(await db.transaction((m) => ledger.bookedCellsAfter(m, id, new Date(0)))).toBe(1);
  });

  it('never gives more desks than a cell has when bookings race', async () => {
    const id = await centre();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        db.transaction((m) => ledger.take(m, id, cells(3, '09:00', '09:15'), 1)),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    expect(
      results
        .filter((result) => result.status === 'rejected')
        .every((r) => r.reason instanceof CapacityError),
    ).toBe(true);
    expect((await booked(id)).map((row) => row.booked)).toEqual([3, 3]);
  });
});
