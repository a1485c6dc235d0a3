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
    types?: {
      code: string;
      name: string;
      nameEn?: string;
      durationMinutes: number;
      highAssurance?: boolean;
    }[];
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

let personSeq = 0;

/** A valid CPR number for a Danish adult born in 1990, different on every call (modulus 11 not required). */
export function newCprNumber(): string {
  personSeq += 1;
  const day = String((personSeq % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(personSeq / 28) % 12) + 1).padStart(2, '0');
  const serial = String(1000 + (Math.floor(personSeq / 336) % 3000)).padStart(4, '0');
  return `${day}${month}90-${serial}`;
}

export interface BookingBody {
  centreId: string;
  appointmentType: string;
  startsAt: string;
  applicant: Record<string, unknown>;
  documents: { type: string }[];
  witness?: Record<string, unknown>;
}

/** A booking body for a Danish applicant with a driving licence; override what the test is about. */
export function newBookingBody(
  centreId: string,
  startsAt: string,
  overrides: {
    applicant?: Record<string, unknown>;
    documents?: { type: string }[];
    witness?: Record<string, unknown>;
    appointmentType?: string;
  } = {},
): BookingBody {
  const n = ++personSeq;
  return {
    centreId,
    appointmentType: overrides.appointmentType ?? 'MITID_NEW',
    startsAt,
    applicant: {
      fullName: `Test Person ${n}`,
      email: `person${n}@example.dk`,
      phone: '+4512345678',
      cprNumber: newCprNumber(),
      nationality: 'DK',
      countryOfResidence: 'DK',
      language: 'da',
      ...overrides.applicant,
    },
    documents: overrides.documents ?? [{ type: 'DK_DRIVING_LICENCE' }],
    ...(overrides.witness ? { witness: overrides.witness } : {}),
  };
}
