// The requests the app phases send: a booking into a slot set, and a 4-week availability query.
import { randomInt } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { AvailabilityBody, BenchCentre, SlotSet } from './calendar.js';
import { pickSlot } from './calendar.js';
import { errorMessage, http } from './http-client.js';
import type { Outcome } from './load-driver.js';
import { OK } from './load-driver.js';
import { options, TYPE } from './options.js';
import { bookingBody, nextPerson } from './people.js';

export function workload(centres: BenchCentre[], firstMonday: DateTime) {
  const randomCentre = () => centres[randomInt(centres.length)];
  const httpBooking = (set: SlotSet) => async (): Promise<Outcome> => {
    const centre = randomCentre();
    const result = await http(
      'POST',
      '/api/bookings',
      bookingBody(centre.id, pickSlot(centre, set), nextPerson()),
    );
    if (result.status === 201) return OK;
    if (result.status === 409) return { kind: 'conflict', note: errorMessage(result.text) };
    return { kind: 'other', note: `HTTP ${result.status} ${errorMessage(result.text)}` };
  };
  const weekStarts = options.weeks - 4 + 1;
  const availabilityQuery = async (): Promise<Outcome> => {
    const centre = randomCentre();
    const start = firstMonday.plus({ weeks: randomInt(weekStarts) });
    const query = `from=${start.toISODate()!}&to=${start.plus({ days: 27 }).toISODate()!}&type=${TYPE}`;
    const result = await http('GET', `/api/centres/${centre.id}/availability?${query}`);
    if (result.status !== 200)
      return {
        kind: result.status === 409 ? 'conflict' : 'other',
        note: `HTTP ${result.status} ${errorMessage(result.text)}`,
      };
    const days = (JSON.parse(result.text) as AvailabilityBody).days.length;
    return days === 28 ? OK : { kind: 'other', note: `${days} days instead of 28` };
  };
  // The citizen's step "choose a day and a time": one week of free times as an HTML page, no cookie needed.
  const timePage = async (): Promise<Outcome> => {
    const centre = randomCentre();
    const week = firstMonday.plus({ weeks: randomInt(options.weeks) }).toISODate()!;
    const result = await http('GET', `/book/time?centre=${centre.id}&type=${TYPE}&week=${week}`);
    if (result.status !== 200) return { kind: 'other', note: `HTTP ${result.status}` };
    return result.text.includes('type="radio"') ? OK : { kind: 'other', note: 'a week without free times' };
  };
  return { randomCentre, httpBooking, availabilityQuery, timePage };
}
