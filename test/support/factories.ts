import type { TestApp } from './test-app.js';
import { bearer } from './test-app.js';

export interface CentreInput {
  name?: string;
  slotMinutes?: number;
  bookingHorizonDays?: number;
  minNoticeHours?: number;
  witnessPolicy?: 'recommend' | 'require';
  [field: string]: unknown;
}

export const weekdays = (opens: string, closes: string, desks: number) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes, desks }));

/** A centre with valid defaults: 15-minute grid, Mon–Fri 09:00–12:00 with 2 desks, one 15-minute type. */
export async function newCentre(
  t: TestApp,
  adminToken: string,
  input: CentreInput & {
    weekly?: { weekday: number; opens: string; closes: string; desks: number }[];
    types?: { code: string; name: string; durationMinutes: number }[];
  } = {},
): Promise<{ id: string }> {
  const { weekly, types, ...fields } = input;
  const created = await t
    .http()
    .post('/api/admin/centres')
    .set(bearer(adminToken))
    .send({
      name: 'Borgerservice Testby',
      address: 'Torvet 1, 9999 Testby',
      municipality: 'Testby',
      slotMinutes: 15,
      bookingHorizonDays: 60,
      minNoticeHours: 0,
      ...fields,
    })
    .expect(201);
  const id = (created.body as { id: string }).id;
  await t
    .http()
    .put(`/api/admin/centres/${id}/appointment-types`)
    .set(bearer(adminToken))
    .send(types ?? [{ code: 'MITID_NEW', name: 'New MitID', durationMinutes: 15 }])
    .expect(200);
  await t
    .http()
    .put(`/api/admin/centres/${id}/opening-hours`)
    .set(bearer(adminToken))
    .send({ weekly: weekly ?? weekdays('09:00', '12:00', 2) })
    .expect(200);
  return { id };
}
