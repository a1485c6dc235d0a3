import { DateTime } from 'luxon';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { newBookingBody, newCentre, weekdays } from './support/factories.js';
import { bearer, loginAs, startTestApp, TestApp } from './support/test-app.js';

// Monday 4 January 2027; bookings on Tuesday the 5th.
const DAY = '2027-01-05';
const at = (time: string) => `${DAY}T${time}:00+01:00`;
const TYPES = [
  { code: 'MITID_NEW', name: 'New MitID', durationMinutes: 15 },
  { code: 'MITID_HIGH', name: 'MitID High', durationMinutes: 30, highAssurance: true },
];

interface Created {
  reference: string;
  manageToken: string;
}

describe('High assurance takes two staff', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-01-04T08:00:00+01:00' });
    admin = (await loginAs(t, 'admin')).token;
  });
  afterAll(() => t.close());

  const highAssuranceCentre = (desks: number) =>
    newCentre(t, admin, {
      offersHighAssurance: true,
      types: TYPES,
      weekly: weekdays('09:00', '12:00', desks),
    });

  const remaining = async (centreId: string, type: string, time: string) => {
    const response = await t
      .http()
      .get(`/api/centres/${centreId}/availability`)
      .query({ from: DAY, to: DAY, type })
      .expect(200);
    const slots = (response.body as { days: { slots: { startsAt: string; remaining: number }[] }[] }).days[0]
      .slots;
    return slots.find(
      (slot) => DateTime.fromISO(slot.startsAt).toMillis() === DateTime.fromISO(at(time)).toMillis(),
    )?.remaining;
  };

  /** slot_capacity.booked beside the desks the active bookings of each cell need. */
  const cells = (centreId: string) =>
    t.app.get(DataSource).query<{ starts_at: Date; booked: number; desks: number; needed: number }[]>(
      `SELECT c.starts_at, c.booked, c.desks, (SELECT coalesce(sum(b.desks_needed), 0)::int FROM booking b
         WHERE b.centre_id = c.centre_id AND b.status IN ('booked', 'checked_in') AND c.starts_at = ANY(b.cell_starts))
         AS needed
       FROM slot_capacity c WHERE c.centre_id = $1 ORDER BY c.starts_at`,
      [centreId],
    );

  it('a centre that does not offer high assurance refuses a high-assurance type, naming the field', async () => {
    const centre = await newCentre(t, admin);
    const refused = await t
      .http()
      .put(`/api/admin/centres/${centre.id}/appointment-types`)
      .set(bearer(admin))
      .send(TYPES)
      .expect(422);
    expect((refused.body as { details: { field: string }[] }).details).toEqual([
      { field: '[1].highAssurance', message: 'this centre does not offer high assurance' },
    ]);
    await t
      .http()
      .patch(`/api/admin/centres/${centre.id}`)
      .set(bearer(admin))
      .send({ offersHighAssurance: true })
      .expect(200);
    const accepted = await t
      .http()
      .put(`/api/admin/centres/${centre.id}/appointment-types`)
      .set(bearer(admin))
      .send(TYPES)
      .expect(200);
    expect((accepted.body as { appointmentTypes: unknown[] }).appointmentTypes).toEqual([
      { code: 'MITID_NEW', name: 'New MitID', nameEn: null, durationMinutes: 15, highAssurance: false },
      { code: 'MITID_HIGH', name: 'MitID High', nameEn: null, durationMinutes: 30, highAssurance: true },
    ]);
    // and it cannot stop offering high assurance while such a type is offered
    const stopping = await t
      .http()
      .patch(`/api/admin/centres/${centre.id}`)
      .set(bearer(admin))
      .send({ offersHighAssurance: false })
      .expect(422);
    expect((stopping.body as { details: { field: string }[] }).details.map((d) => d.field)).toEqual([
      'offersHighAssurance',
      'appointmentTypes[1].highAssurance',
    ]);
  });

  it('a high-assurance booking holds two desks in every cell, gives back two, and moves with two', async () => {
    const centre = await highAssuranceCentre(3);
    expect(await remaining(centre.id, 'MITID_HIGH', '09:00')).toBe(1);
    expect(await remaining(centre.id, 'MITID_NEW', '09:00')).toBe(3);
    const high = (
      await t
        .http()
        .post('/api/bookings')
        .send(newBookingBody(centre.id, at('09:00'), { appointmentType: 'MITID_HIGH' }))
        .expect(201)
    ).body as Created;
    // two of three desks taken at 09:00 and 09:15: one more one-desk booking, no second high-assurance one
    expect(await remaining(centre.id, 'MITID_NEW', '09:00')).toBe(1);
    expect(await remaining(centre.id, 'MITID_NEW', '09:15')).toBe(1);
    expect(await remaining(centre.id, 'MITID_HIGH', '09:00')).toBe(0);
    expect(await remaining(centre.id, 'MITID_HIGH', '09:15')).toBe(0);
    await t
      .http()
      .post('/api/bookings')
      .send(newBookingBody(centre.id, at('09:15')))
      .expect(201);
    await t
      .http()
      .post('/api/bookings')
      .send(newBookingBody(centre.id, at('09:00'), { appointmentType: 'MITID_HIGH' }))
      .expect(409);
    expect((await cells(centre.id)).map((c) => [c.booked, c.needed])).toEqual([
      [2, 2],
      [3, 3],
    ]);

    await t
      .http()
      .post(`/api/bookings/${high.reference}/reschedule`)
      .set('X-Manage-Token', high.manageToken)
      .send({ startsAt: at('10:00') })
      .expect(200);
    expect(await remaining(centre.id, 'MITID_NEW', '09:00')).toBe(3);
    expect(await remaining(centre.id, 'MITID_NEW', '10:00')).toBe(1);
    expect(await remaining(centre.id, 'MITID_NEW', '10:15')).toBe(1);

    await t
      .http()
      .post(`/api/bookings/${high.reference}/cancel`)
      .set('X-Manage-Token', high.manageToken)
      .expect(200);
    expect(await remaining(centre.id, 'MITID_NEW', '10:00')).toBe(3);
    expect(await remaining(centre.id, 'MITID_HIGH', '10:00')).toBe(1);
    const rows = await cells(centre.id);
    expect(rows.filter((c) => c.booked !== c.needed)).toEqual([]);
  });

  it('a calendar change counts a high-assurance booking as two desks', async () => {
    const centre = await highAssuranceCentre(3);
    await t
      .http()
      .post('/api/bookings')
      .send(newBookingBody(centre.id, at('09:00'), { appointmentType: 'MITID_HIGH' }))
      .expect(201);
    const later = (
      await t
        .http()
        .post('/api/bookings')
        .send(newBookingBody(centre.id, at('09:00')))
        .expect(201)
    ).body as Created;
    // two desks leave room for the high-assurance booking (made first) and none for the one after it
    const refused = await t
      .http()
      .put(`/api/admin/centres/${centre.id}/opening-hours`)
      .set(bearer(admin))
      .send({ weekly: weekdays('09:00', '12:00', 2) })
      .expect(409);
    expect(
      (refused.body as { affectedBookings: { reference: string }[] }).affectedBookings.map(
        (b) => b.reference,
      ),
    ).toEqual([later.reference]);
  });

  it('20 high-assurance and 20 one-desk bookings racing over overlapping times at 3 desks never overfill a cell', async () => {
    const centre = await highAssuranceCentre(3);
    const url = await t.url();
    const times = ['09:00', '09:15', '09:30'];
    const responses = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        request(url)
          .post('/api/bookings')
          .send(newBookingBody(centre.id, at(times[i % 2]), { appointmentType: 'MITID_HIGH' })),
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        request(url)
          .post('/api/bookings')
          .send(newBookingBody(centre.id, at(times[i % 3]))),
      ),
    ]);
    expect(responses.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.status)).toEqual([]);
    expect(responses.filter((r) => r.status === 201).length).toBeGreaterThan(0);
    const rows = await cells(centre.id);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((c) => c.booked !== c.needed || c.booked > c.desks || c.desks !== 3)).toEqual([]);
  });
});
