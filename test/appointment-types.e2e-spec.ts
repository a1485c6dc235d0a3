import { DataSource } from 'typeorm';
import { newBookingBody, newCentre, weekdays } from './support/factories.js';
import { bearer, loginAs, startTestApp, TestApp } from './support/test-app.js';

// Monday 4 January 2027; bookings on Tuesday the 5th.
const at = (time: string) => `2027-01-05T${time}:00+01:00`;

interface Created {
  id: string;
  reference: string;
  manageToken: string;
  startsAt: string;
  endsAt: string;
  status: string;
  cancelledBy: string | null;
  appointmentType: { code: string; durationMinutes: number };
}

describe('Changing appointment types under booked times', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-01-04T08:00:00+01:00' });
    admin = (await loginAs(t, 'admin')).token;
  });
  afterAll(() => t.close());

  const putTypes = (centreId: string, types: object[], confirm = false) =>
    t
      .http()
      .put(`/api/admin/centres/${centreId}/appointment-types${confirm ? '?confirm=true' : ''}`)
      .set(bearer(admin))
      .send(types);
  const book = async (centreId: string, time: string, appointmentType = 'MITID_NEW') =>
    (
      await t
        .http()
        .post('/api/bookings')
        .send(newBookingBody(centreId, at(time), { appointmentType }))
        .expect(201)
    ).body as Created;
  const view = async (booking: Created) =>
    (
      await t
        .http()
        .get(`/api/bookings/${booking.reference}`)
        .set('X-Manage-Token', booking.manageToken)
        .expect(200)
    ).body as Created;

  const NEW = { code: 'MITID_NEW', name: 'Ny MitID', durationMinutes: 15 };
  const LOST = { code: 'MITID_LOST', name: 'Mistet MitID', durationMinutes: 30 };

  it('removing a type with future bookings is 409 listing them; confirmed, they are cancelled by the centre with an e-mail', async () => {
    const centre = await newCentre(t, admin, { types: [NEW, LOST], weekly: weekdays('09:00', '12:00', 3) });
    const lost1 = await book(centre.id, '09:00', 'MITID_LOST');
    const lost2 = await book(centre.id, '10:00', 'MITID_LOST');
    const kept = await book(centre.id, '09:00');

    const refused = await putTypes(centre.id, [NEW]).expect(409);
    expect(
      (refused.body as { affectedBookings: { reference: string }[] }).affectedBookings.map(
        (b) => b.reference,
      ),
    ).toEqual([lost1.reference, lost2.reference]);
    // nothing changed: the type is still offered and still bookable
    await book(centre.id, '11:00', 'MITID_LOST');

    await putTypes(centre.id, [NEW], true).expect(200);
    for (const booking of [lost1, lost2]) {
      expect(await view(booking)).toMatchObject({ status: 'cancelled', cancelledBy: 'centre' });
    }
    expect(await view(kept)).toMatchObject({ status: 'booked' });
    const rows = await t.app
      .get(DataSource)
      .query<{ reference: string; cancel_reason_code: string; mails: number }[]>(
        `SELECT b.reference, b.cancel_reason_code, (SELECT count(*)::int FROM outbox_message o
           WHERE o.booking_id = b.id AND o.kind = 'cancelled_by_centre') AS mails
         FROM booking b WHERE b.reference = ANY($1) ORDER BY b.starts_at`,
        [[lost1.reference, lost2.reference]],
      );
    expect(rows).toEqual([
      { reference: lost1.reference, cancel_reason_code: 'appointment_type_withdrawn', mails: 1 },
      { reference: lost2.reference, cancel_reason_code: 'appointment_type_withdrawn', mails: 1 },
    ]);
    // their desks are free again
    const cells = await t.app
      .get(DataSource)
      .query<{ booked: number }[]>(
        `SELECT booked FROM slot_capacity WHERE centre_id = $1 AND starts_at = $2`,
        [centre.id, new Date(at('10:00'))],
      );
    expect(cells.map((cell) => cell.booked)).toEqual([0]);
  });

  it('a type without future bookings is removed at once', async () => {
    const centre = await newCentre(t, admin, { types: [NEW, LOST] });
    await book(centre.id, '09:00');
    await putTypes(centre.id, [NEW]).expect(200);
  });

  it('a duration change applies to new bookings only: a booking keeps its own start, end and duration', async () => {
    const centre = await newCentre(t, admin, { types: [NEW], weekly: weekdays('09:00', '12:00', 3) });
    const before = await book(centre.id, '09:00');
    await putTypes(centre.id, [{ ...NEW, durationMinutes: 30 }]).expect(200);
    expect(await view(before)).toMatchObject({
      startsAt: at('09:00'),
      endsAt: at('09:15'),
      appointmentType: { code: 'MITID_NEW', durationMinutes: 15 },
    });
    const clerk = (await loginAs(t, 'staff', [centre.id])).token;
    const desk = (await t.http().get(`/api/staff/appointments/${before.id}`).set(bearer(clerk)).expect(200))
      .body as Created;
    expect(desk).toMatchObject({ endsAt: at('09:15'), appointmentType: { durationMinutes: 15 } });
    const moved = (
      await t
        .http()
        .post(`/api/bookings/${before.reference}/reschedule`)
        .set('X-Manage-Token', before.manageToken)
        .send({ startsAt: at('10:00') })
        .expect(200)
    ).body as Created;
    expect(moved).toMatchObject({ endsAt: at('10:15'), appointmentType: { durationMinutes: 15 } });
    const after = await book(centre.id, '11:00');
    expect(after).toMatchObject({ endsAt: at('11:30'), appointmentType: { durationMinutes: 30 } });
  });
});
