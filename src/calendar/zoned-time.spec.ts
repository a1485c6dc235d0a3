import { DateTime } from 'luxon';
import { formatInZone, localDate } from './zoned-time.js';

const ZONES = ['Europe/Copenhagen', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];

/** Every quarter hour around the daylight-saving changes of 2026, plus instants spread over 1900–2199. */
function instants(): number[] {
  const out: number[] = [];
  for (const day of ['2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01', '2026-04-05', '2026-10-04']) {
    const start = DateTime.fromISO(day, { zone: 'utc' }).minus({ days: 1 }).toMillis();
    for (let i = 0; i < 3 * 96; i++) out.push(start + i * 15 * 60_000);
  }
  let seed = 7;
  const from = Date.UTC(1900, 0, 1);
  const span = Date.UTC(2199, 11, 31) - from;
  for (let i = 0; i < 5_000; i++) {
    seed = (seed * 48271) % 2147483647;
    out.push(from + Math.floor((seed / 2147483647) * span));
  }
  return out;
}

describe('zoned time', () => {
  const all = instants();

  it.each(ZONES)('takes the local date in %s as Luxon does', (zone) => {
    for (const millis of all) {
      expect(localDate(zone, millis)).toBe(DateTime.fromMillis(millis, { zone }).toISODate());
    }
  });

  it.each(ZONES)('writes an instant in %s with the offset Luxon gives it', (zone) => {
    for (const millis of all) {
      // The contract writes a zero offset as +00:00 where Luxon writes Z.
      const luxon = DateTime.fromMillis(millis, { zone }).toISO({ suppressMilliseconds: true })!;
      expect(formatInZone(zone, new Date(millis))).toBe(luxon.replace(/Z$/, '+00:00'));
    }
  });

  it('counts local dates forward from an instant', () => {
    const lateEvening = Date.UTC(2026, 9, 24, 22, 30); // 00:30 on 25 October in Copenhagen
    expect(localDate('Europe/Copenhagen', lateEvening)).toBe('2026-10-25');
    expect(localDate('Europe/Copenhagen', lateEvening, 60)).toBe('2026-12-24');
  });

  it('shows both hours of the night the clocks go back, each with its own offset', () => {
    expect(formatInZone('Europe/Copenhagen', new Date(Date.UTC(2026, 9, 25, 0, 30)))).toBe(
      '2026-10-25T02:30:00+02:00',
    );
    expect(formatInZone('Europe/Copenhagen', new Date(Date.UTC(2026, 9, 25, 1, 30)))).toBe(
      '2026-10-25T02:30:00+01:00',
    );
  });
});
