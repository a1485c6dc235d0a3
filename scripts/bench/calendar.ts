// The bench calendar: centres set up through the admin API, and each centre's free slots dealt into sets per phase.
import { DateTime } from 'luxon';
import type pg from 'pg';
import { expectJson } from './http-client.js';
import { options, SKEW, SLOT_MINUTES, TYPE, ZONE } from './options.js';
import { eachLimited } from './support.js';

export type SlotSet = 'booking' | 'raw' | 'warmup' | 'load' | 'splitBooking' | 'splitRaw';
/** Open days are dealt round-robin to the sets, so every phase books its own slots with the same time profile. */
export const SETS: SlotSet[] = ['booking', 'raw', 'warmup', 'load', 'splitBooking', 'splitRaw'];

export interface BenchCentre {
  id: string;
  typeId: string;
  slots: Record<SlotSet, string[]>;
}

export interface AvailabilityBody {
  days: { date: string; closedReason?: string; slots: { startsAt: string; remaining: number }[] }[];
}

export function pickSlot(centre: BenchCentre, set: SlotSet): string {
  const slots = centre.slots[set];
  return slots[Math.min(slots.length - 1, Math.floor(slots.length * Math.random() ** SKEW))];
}

export interface Calendar {
  centres: BenchCentre[];
  firstMonday: DateTime;
  from: string;
  to: string;
  /** Of the first centre (all are alike). */
  openDays: number;
  slotsPerCentre: number;
  /** Closed days in the window, with the reason the availability answer gives. */
  closedDays: Map<string, string>;
}

/** Creates the centres through the admin API, with the appointment type and opening hours; their ids in order. */
export async function createCentres(adminToken: string): Promise<string[]> {
  const ids: string[] = new Array<string>(options.centres);
  const weekly = [1, 2, 3, 4, 5].map((weekday) => ({
    weekday,
    opens: '09:00',
    closes: '15:00',
    desks: options.desks,
  }));
  await eachLimited(
    Array.from({ length: options.centres }, (_, i) => i),
    4,
    async (i) => {
      const centre = await expectJson<{ id: string }>(
        'POST',
        '/api/admin/centres',
        201,
        {
          name: `Borgerservice Bench ${String(i + 1).padStart(3, '0')}`,
          address: `Benchvej ${i + 1}, 9999 Benchby`,
          municipality: 'Benchby',
          slotMinutes: SLOT_MINUTES,
          bookingHorizonDays: 70,
          minNoticeHours: 0,
        },
        adminToken,
      );
      await expectJson(
        'PUT',
        `/api/admin/centres/${centre.id}/appointment-types`,
        200,
        [{ code: TYPE, name: 'Ny MitID', durationMinutes: SLOT_MINUTES }],
        adminToken,
      );
      await expectJson('PUT', `/api/admin/centres/${centre.id}/opening-hours`, 200, { weekly }, adminToken);
      ids[i] = centre.id;
    },
  );
  return ids;
}

/** Reads each centre's free slots for the whole window from the availability API and deals them into the sets. */
export async function readCalendar(bench: pg.Pool, ids: string[]): Promise<Calendar> {
  const firstMonday = DateTime.now().setZone(ZONE).startOf('week').plus({ weeks: 1 });
  const from = firstMonday.toISODate()!;
  const to = firstMonday.plus({ days: options.weeks * 7 - 1 }).toISODate()!;
  const closedDays = new Map<string, string>();
  let openDays = 0;
  let slotsPerCentre = 0;
  const centres: BenchCentre[] = new Array<BenchCentre>(options.centres);
  const typeIds = new Map(
    (
      await bench.query<{ centre_id: string; id: string }>(
        'SELECT centre_id, id FROM appointment_type WHERE code = $1 AND active',
        [TYPE],
      )
    ).rows.map((row) => [row.centre_id, row.id]),
  );
  await eachLimited(ids, 4, async (id, i) => {
    const body = await expectJson<AvailabilityBody>(
      'GET',
      `/api/centres/${id}/availability?from=${from}&to=${to}&type=${TYPE}`,
      200,
    );
    const slots = Object.fromEntries(SETS.map((set) => [set, [] as string[]])) as Record<SlotSet, string[]>;
    const open = body.days.filter((day) => day.slots.length > 0);
    open.forEach((day, d) => slots[SETS[d % SETS.length]].push(...day.slots.map((slot) => slot.startsAt)));
    for (const day of body.days)
      if (day.closedReason && day.slots.length === 0) closedDays.set(day.date, day.closedReason);
    if (i === 0) {
      openDays = open.length;
      slotsPerCentre = open.reduce((sum, day) => sum + day.slots.length, 0);
    }
    const typeId = typeIds.get(id);
    if (!typeId) throw new Error(`no ${TYPE} appointment type found in the database for centre ${id}`);
    if (SETS.some((set) => slots[set].length === 0))
      throw new Error(`centre ${id} has too few open days for ${SETS.length} slot sets`);
    centres[i] = { id, typeId, slots };
  });
  return { centres, firstMonday, from, to, openDays, slotsPerCentre, closedDays };
}
