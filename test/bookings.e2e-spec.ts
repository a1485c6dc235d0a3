import { DataSource } from 'typeorm';
import { CancelReasonCodes1764547200000 } from '../migrations/1764547200000-CancelReasonCodes.js';
import { newBookingBody, newCentre, newCprNumber } from './support/factories.js';
import { bearer, loginAs, startTestApp, TestApp } from './support/test-app.js';

interface Created {
  id: string;
  reference: string;
  manageToken: string;
  status: string;
  startsAt: string;
  endsAt: string;
  centre: { id: string; name: string; address: string };
  witnessAdvice: { recommended: boolean; required: boolean; reasons: { code: string; text: string }[] };
  documentAdvice: {
    sufficient: boolean;
    missing: { code: string; text: string; textDa: string; textEn: string }[];
  };
  applicant: Record<string, unknown>;
  witness: Record<string, unknown> | null;
}

interface ErrorBody {
  statusCode: number;
  details: { field: string; message: string }[];
}

const MONDAY_9 = '2027-01-11T09:00:00+01:00';

describe('Citizen bookings', () => {
  let t: TestApp;
  let admin: string;
  let centreId: string;

  const book = async (
    body: ReturnType<typeof newBookingBody>,
    expected: number,
    headers: Record<string, string> = {},
  ) => {
    const response = await t.http().post('/api/bookings').set(headers).send(body);
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status: expected });
    return response;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-01-04T08:00:00+01:00' });
    admin = (await loginAs(t, 'admin')).token;
    centreId = (await newCentre(t, admin, { cancellationCutoffHours: 2 })).id;
  });
  afterAll(() => t.close());

  it('books a free time, shows it masked to the token holder, and counts it in availability', async () => {
    const body = newBookingBody(centreId, MONDAY_9);
    const created = (await book(body, 201)).body as Created;
    expect(created).toMatchObject({
      status: 'booked',
      startsAt: MONDAY_9,
      endsAt: '2027-01-11T09:15:00+01:00',
      centre: { id: centreId, name: 'Borgerservice Testby', address: 'Torvet 1, 9999 Testby' },
      witnessAdvice: { recommended: false, required: false, reasons: [] },
      documentAdvice: { sufficient: true, missing: [] },
    });
    expect(created.reference).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(created.manageToken.length).toBeGreaterThanOrEqual(40);
    const cpr = String(body.applicant.cprNumber);
    expect(created.applicant.cprNumberMasked).toBe(`${cpr.slice(0, 6)}-XXXX`);

    const fetched = await t
      .http()
      .get(`/api/bookings/${created.reference}`)
      .set('X-Manage-Token', created.manageToken)
      .expect(200);
    expect(fetched.body).toMatchObject({ reference: created.reference, status: 'booked' });
    expect(JSON.stringify(fetched.body)).not.toContain(cpr.slice(7));

    const availability = await t
      .http()
      .get(`/api/centres/${centreId}/availability`)
      .query({ from: '2027-01-11', to: '2027-01-11', type: 'MITID_NEW' })
      .expect(200);
    const slot = (availability.body as { days: { slots: { startsAt: string; remaining: number }[] }[] })
      .days[0].slots[0];
    expect(slot).toEqual({ startsAt: MONDAY_9, endsAt: '2027-01-11T09:15:00+01:00', remaining: 1 });
  });

  it('answers 404 for a wrong or missing token exactly as for an unknown reference', async () => {
    const created = (await book(newBookingBody(centreId, '2027-01-11T09:15:00+01:00'), 201)).body as Created;
    const wrong = await t
      .http()
      .get(`/api/bookings/${created.reference}`)
      .set('X-Manage-Token', 'x'.repeat(43))
      .expect(404);
    const missing = await t.http().get(`/api/bookings/${created.reference}`).expect(404);
    const unknown = await t
      .http()
      .get('/api/bookings/ABCD-EFGH')
      .set('X-Manage-Token', created.manageToken)
      .expect(404);
    expect(wrong.body).toEqual(unknown.body);
    expect(missing.body).toEqual(unknown.body);
    await t
      .http()
      .post(`/api/bookings/${created.reference}/cancel`)
      .set('X-Manage-Token', 'nope')
      .expect(404);
  });

  it('refuses a second active booking for the same person, by CPR number or by e-mail without one', async () => {
    const first = newBookingBody(centreId, '2027-01-11T09:30:00+01:00');
    await book(first, 201);
    const again = newBookingBody(centreId, '2027-01-11T09:45:00+01:00', {
      applicant: { cprNumber: first.applicant.cprNumber },
    });
    await book(again, 409);
    const noCpr = newBookingBody(centreId, '2027-01-11T10:00:00+01:00', {
      applicant: { cprNumber: undefined },
    });
    await book(noCpr, 201);
    const sameEmail = newBookingBody(centreId, '2027-01-11T10:15:00+01:00', {
      applicant: { cprNumber: undefined, email: String(noCpr.applicant.email).toUpperCase() },
    });
    await book(sameEmail, 409);
  });

  it('flags a foreigner without CPR number and advises on documents in their language', async () => {
    const body = newBookingBody(centreId, '2027-01-11T10:30:00+01:00', {
      applicant: { cprNumber: undefined, nationality: 'DE', countryOfResidence: 'DE', language: 'en' },
      documents: [{ type: 'FOREIGN_PASSPORT' }],
    });
    const created = (await book(body, 201)).body as Created;
    expect(created.witnessAdvice.recommended).toBe(true);
    expect(created.witnessAdvice.required).toBe(false);
    expect(created.witnessAdvice.reasons.map((r) => r.code)).toEqual([
      'FOREIGN_NATIONAL',
      'LIVES_ABROAD',
      'NO_CPR_NUMBER',
      'FOREIGN_ID_DOCUMENT',
    ]);
    // without a CPR number the route is the P code: their passport is what they need, not a health card
    expect(created.documentAdvice).toEqual({ sufficient: true, missing: [] });
    const other = newBookingBody(centreId, '2027-01-11T10:45:00+01:00', {
      applicant: { cprNumber: undefined, nationality: 'DE', countryOfResidence: 'DE', language: 'en' },
      documents: [{ type: 'FOREIGN_DRIVING_LICENCE' }],
    });
    const advised = ((await book(other, 201)).body as Created).documentAdvice;
    expect(advised.sufficient).toBe(false);
    expect(advised.missing).toHaveLength(1);
    expect(advised.missing[0].text).toMatch(
      /^Without a CPR number you get a P code: bring a valid passport or national ID card\./,
    );
    expect(advised.missing[0].text).toMatch(
      /MitID app .* instead of a CPR number.*most self-service solutions require a CPR number/,
    );
    expect(advised.missing[0].text).not.toMatch(/health insurance card|residence certificate/);
    // one shape for texts: in the applicant's language, and both beside it
    expect(advised.missing[0]).toEqual({
      code: 'PASSPORT_OR_NATIONAL_ID_CARD',
      text: advised.missing[0].textEn,
      textDa: expect.stringMatching(/^Uden CPR-nummer får du en P-kode/) as unknown,
      textEn: expect.stringMatching(/^Without a CPR number you get a P code/) as unknown,
    });
  });

  it('requires a witness for a flagged applicant at a centre whose policy is require', async () => {
    const strict = (await newCentre(t, admin, { witnessPolicy: 'require', name: 'Streng' })).id;
    const foreign = { nationality: 'SE', countryOfResidence: 'DK' };
    const refused = await book(newBookingBody(strict, MONDAY_9, { applicant: foreign }), 422);
    expect((refused.body as ErrorBody).details[0].field).toBe('witness');
    const witness = { fullName: 'Vidne Vidnesen', cprNumber: newCprNumber() };
    await book(newBookingBody(strict, MONDAY_9, { applicant: foreign, witness }), 201);
    await book(newBookingBody(strict, '2027-01-11T09:15:00+01:00'), 201); // a Dane raises no reason
  });

  it('requires the witness again when a booking without one is moved after its centre began to require one', async () => {
    const centre = (await newCentre(t, admin, { name: 'Skifter' })).id;
    const created = (
      await book(
        newBookingBody(centre, '2027-01-12T09:00:00+01:00', { applicant: { nationality: 'SE' } }),
        201,
      )
    ).body as Created;
    expect(created.witnessAdvice).toMatchObject({ recommended: true, required: false });
    await t
      .http()
      .patch(`/api/admin/centres/${centre}`)
      .set(bearer(admin))
      .send({ witnessPolicy: 'require' })
      .expect(200);
    const token = { 'X-Manage-Token': created.manageToken };
    const move = () =>
      t
        .http()
        .post(`/api/bookings/${created.reference}/reschedule`)
        .set(token)
        .send({ startsAt: '2027-01-12T10:00:00+01:00' });
    const refused = await move().expect(422);
    expect((refused.body as ErrorBody).details).toEqual([
      {
        field: 'witness',
        message: expect.stringMatching(
          /^a witness is required at this centre for this applicant\./,
        ) as unknown,
      },
    ]);
    const kept = (await t.http().get(`/api/bookings/${created.reference}`).set(token).expect(200))
      .body as Created;
    expect(kept.startsAt).toBe('2027-01-12T09:00:00+01:00');
    await t
      .http()
      .put(`/api/bookings/${created.reference}/witness`)
      .set(token)
      .send({ fullName: 'Vidne', cprNumber: newCprNumber() })
      .expect(200);
    const moved = (await move().expect(200)).body as Created;
    expect(moved).toMatchObject({ startsAt: '2027-01-12T10:00:00+01:00', witnessAdvice: { required: true } });
  });

  it('refuses a witness under 18 on the appointment date, or who is the applicant', async () => {
    const body = newBookingBody(centreId, '2027-01-11T11:00:00+01:00');
    const child = await book({ ...body, witness: { fullName: 'Barn', cprNumber: '120109-4000' } }, 422);
    expect((child.body as ErrorBody).details).toEqual([
      {
        field: 'witness.cprNumber',
        message: 'the witness must be at least 18 years old on the appointment date',
      },
    ]);
    const self = await book(
      { ...body, witness: { fullName: 'Mig selv', cprNumber: body.applicant.cprNumber } },
      422,
    );
    expect((self.body as ErrorBody).details[0].message).toBe('the witness cannot be the applicant');
    // 18 on 2027-01-11 exactly: born 2009-01-11
    await book({ ...body, witness: { fullName: 'Netop 18', cprNumber: '110109-4000' } }, 201);
  });

  it('adds a witness later, reschedules and cancels with the manage token', async () => {
    const created = (await book(newBookingBody(centreId, '2027-01-12T09:00:00+01:00'), 201)).body as Created;
    const token = { 'X-Manage-Token': created.manageToken };
    const witnessCpr = newCprNumber();
    const withWitness = await t
      .http()
      .put(`/api/bookings/${created.reference}/witness`)
      .set(token)
      .send({ fullName: 'Vidne', cprNumber: witnessCpr, phone: '+4511223344' })
      .expect(200);
    expect((withWitness.body as Created).witness).toEqual({
      fullName: 'Vidne',
      cprNumberMasked: `${witnessCpr.slice(0, 6)}-XXXX`,
      phone: '********44',
    });
    const moved = await t
      .http()
      .post(`/api/bookings/${created.reference}/reschedule`)
      .set(token)
      .send({ startsAt: '2027-01-12T10:00:00+01:00' })
      .expect(200);
    expect(moved.body).toMatchObject({
      startsAt: '2027-01-12T10:00:00+01:00',
      endsAt: '2027-01-12T10:15:00+01:00',
    });
    const day = async () =>
      (
        (
          await t
            .http()
            .get(`/api/centres/${centreId}/availability`)
            .query({ from: '2027-01-12', to: '2027-01-12', type: 'MITID_NEW' })
        ).body as { days: { slots: { startsAt: string; remaining: number }[] }[] }
      ).days[0].slots;
    expect((await day()).find((s) => s.startsAt === '2027-01-12T09:00:00+01:00')!.remaining).toBe(2);
    expect((await day()).find((s) => s.startsAt === '2027-01-12T10:00:00+01:00')!.remaining).toBe(1);

    const cancelled = await t.http().post(`/api/bookings/${created.reference}/cancel`).set(token).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledBy: 'citizen' });
    expect((await day()).find((s) => s.startsAt === '2027-01-12T10:00:00+01:00')!.remaining).toBe(2);
    await t.http().post(`/api/bookings/${created.reference}/cancel`).set(token).expect(409);
    await t
      .http()
      .post(`/api/bookings/${created.reference}/reschedule`)
      .set(token)
      .send({ startsAt: MONDAY_9 })
      .expect(409);
  });

  it('refuses applicants who cannot exist or are too young for MitID, naming the field', async () => {
    const refused = async (applicant: Record<string, unknown>, startsAt = '2027-01-13T11:00:00+01:00') => {
      const response = await book(newBookingBody(centreId, startsAt, { applicant }), 422);
      return (response.body as ErrorBody).details;
    };
    // 7th digit 4 and year 27: born 5 January 2027, after the booking is made on the 4th
    expect(await refused({ cprNumber: '050127-4000' })).toEqual([
      {
        field: 'applicant.cprNumber',
        message: "its birth date 2027-01-05 is after today; it cannot be a real person's",
      },
    ]);
    // born 14 January 2014: 12 on the 13th
    expect(await refused({ cprNumber: '140114-4000' })).toEqual([
      {
        field: 'applicant.cprNumber',
        message: 'the applicant must be at least 13 years old on the appointment date to get MitID',
      },
    ]);
    expect(await refused({ arrivedInDenmarkOn: '2027-01-05' })).toEqual([
      { field: 'applicant.arrivedInDenmarkOn', message: 'cannot be in the future' },
    ]);
    expect(await refused({ cprNumber: '010190-4000', arrivedInDenmarkOn: '1989-12-31' })).toEqual([
      { field: 'applicant.arrivedInDenmarkOn', message: 'cannot be before the birth date' },
    ]);
    await book(
      newBookingBody(centreId, '2027-01-13T11:00:00+01:00', {
        applicant: { arrivedInDenmarkOn: '2027-01-04' },
      }),
      201,
    );

    // 13 on the 13th: bookable that day, not the day before
    const teen = (
      await book(
        newBookingBody(centreId, '2027-01-13T11:15:00+01:00', { applicant: { cprNumber: '130114-4000' } }),
        201,
      )
    ).body as Created;
    const moved = await t
      .http()
      .post(`/api/bookings/${teen.reference}/reschedule`)
      .set({ 'X-Manage-Token': teen.manageToken })
      .send({ startsAt: '2027-01-12T11:15:00+01:00' })
      .expect(422);
    expect((moved.body as ErrorBody).details).toEqual([
      {
        field: 'applicant.cprNumber',
        message: 'the applicant must be at least 13 years old on the appointment date to get MitID',
      },
    ]);
  });

  it('refuses to move a booking whose appointment type the centre no longer offers, with 409 saying so', async () => {
    const centre = (await newCentre(t, admin, { name: 'Typeskifte' })).id;
    const created = (await book(newBookingBody(centre, '2027-01-12T09:00:00+01:00'), 201)).body as Created;
    // Removing the type through the API now lists the booking (409) or cancels it; a booking left from before
    // that guard is retired in the database itself.
    await t
      .http()
      .put(`/api/admin/centres/${centre}/appointment-types`)
      .set(bearer(admin))
      .send([{ code: 'MITID_RENEW', name: 'Renew MitID', durationMinutes: 15 }])
      .expect(409);
    await t.app
      .get(DataSource)
      .query(`UPDATE appointment_type SET active = false WHERE centre_id = $1 AND code = 'MITID_NEW'`, [
        centre,
      ]);
    const token = { 'X-Manage-Token': created.manageToken };
    const moved = await t
      .http()
      .post(`/api/bookings/${created.reference}/reschedule`)
      .set(token)
      .send({ startsAt: '2027-01-12T10:00:00+01:00' })
      .expect(409);
    expect((moved.body as { message: string }).message).toBe(
      'This booking is for New MitID, which the centre no longer offers; it can be cancelled, and a new time booked for another type',
    );
    const kept = (await t.http().get(`/api/bookings/${created.reference}`).set(token).expect(200))
      .body as Created;
    expect(kept).toMatchObject({ status: 'booked', startsAt: '2027-01-12T09:00:00+01:00' });
  });

  it('only books times that availability offers', async () => {
    await t
      .http()
      .patch(`/api/admin/centres/${centreId}`)
      .set(bearer(admin))
      .send({ minNoticeHours: 2 })
      .expect(200);
    const cases: [string, string][] = [
      ['2027-01-11T09:05:00+01:00', 'off the grid'],
      ['2027-01-11T12:00:00+01:00', 'after closing'],
      ['2027-01-09T09:00:00+01:00', 'a Saturday'],
      ['2027-01-04T09:00:00+01:00', 'inside the minimum notice (now is 08:00)'],
      ['2026-12-28T09:00:00+01:00', 'in the past'],
      ['2027-03-25T09:00:00+01:00', 'Maundy Thursday'],
      ['2027-04-05T09:00:00+02:00', 'beyond the 60-day horizon'],
    ];
    for (const [startsAt] of cases) {
      const refused = await book(newBookingBody(centreId, startsAt), 422);
      expect((refused.body as ErrorBody).details[0].field).toBe('startsAt');
    }
    // the same instant written in UTC is the same time
    await book(newBookingBody(centreId, '2027-01-13T08:00:00Z'), 201);
    await book(newBookingBody(centreId, '2027-01-04T10:00:00+01:00'), 201); // exactly two hours ahead
    await t
      .http()
      .patch(`/api/admin/centres/${centreId}`)
      .set(bearer(admin))
      .send({ minNoticeHours: 0 })
      .expect(200);
  });

  it('refuses changes after the cancellation cut-off', async () => {
    const created = (await book(newBookingBody(centreId, '2027-01-04T11:00:00+01:00'), 201)).body as Created;
    t.clock.set('2027-01-04T09:30:00+01:00');
    try {
      await t
        .http()
        .post(`/api/bookings/${created.reference}/cancel`)
        .set('X-Manage-Token', created.manageToken)
        .expect(409);
    } finally {
      t.clock.set('2027-01-04T08:00:00+01:00');
    }
  });

  it('never shows a full CPR number in a response body or a log line', () => {
    t.expectNoCprLeaks();
  });

  describe('calendar changes that take capacity from booked times', () => {
    /** PATCHes a centre as the administrator; the ids of the bookings a 409 names. */
    const patchCentre = async (id: string, body: object, status: number, confirm = false) => {
      const response = await t
        .http()
        .patch(`/api/admin/centres/${id}${confirm ? '?confirm=true' : ''}`)
        .set(bearer(admin))
        .send(body)
        .expect(status);
      return ((response.body as { affectedBookings?: { id: string }[] }).affectedBookings ?? []).map(
        (b) => b.id,
      );
    };
    /** The booking as its holder sees it. */
    const viewOf = async (booking: Created) =>
      (
        await t
          .http()
          .get(`/api/bookings/${booking.reference}`)
          .set('X-Manage-Token', booking.manageToken)
          .expect(200)
      ).body as { status: string; cancelledBy?: string };
    const statusOf = async (booking: Created) => (await viewOf(booking)).status;

    it('refuses with the affected bookings, and when confirmed cancels them by the centre', async () => {
      const id = (await newCentre(t, admin, { name: 'Ændringer' })).id;
      const first = (await book(newBookingBody(id, '2027-01-18T09:00:00+01:00'), 201)).body as Created;
      const second = (await book(newBookingBody(id, '2027-01-18T09:00:00+01:00'), 201)).body as Created;
      const other = (await book(newBookingBody(id, '2027-01-18T10:00:00+01:00'), 201)).body as Created;
      const oneDesk = {
        weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '12:00', desks: 1 })),
      };

      const refused = await t
        .http()
        .put(`/api/admin/centres/${id}/opening-hours`)
        .set(bearer(admin))
        .send(oneDesk)
        .expect(409);
      expect(refused.body).toMatchObject({
        statusCode: 409,
        affectedBookings: [
          { id: second.id, reference: second.reference, startsAt: '2027-01-18T09:00:00+01:00' },
        ],
      });
      const unchanged = await t.http().get(`/api/admin/centres/${id}`).set(bearer(admin)).expect(200);
      expect((unchanged.body as { openingHours: { desks: number }[] }).openingHours[0].desks).toBe(2);

      await t
        .http()
        .put(`/api/admin/centres/${id}/opening-hours?confirm=true`)
        .set(bearer(admin))
        .send(oneDesk)
        .expect(200);
      expect(await viewOf(second)).toMatchObject({ status: 'cancelled', cancelledBy: 'centre' });
      expect(await viewOf(first)).toMatchObject({ status: 'booked' });
      const slots = (
        (
          await t
            .http()
            .get(`/api/centres/${id}/availability`)
            .query({ from: '2027-01-18', to: '2027-01-18', type: 'MITID_NEW' })
        ).body as { days: { slots: { startsAt: string; remaining: number }[] }[] }
      ).days[0].slots;
      expect(slots.find((slot) => slot.startsAt === '2027-01-18T09:00:00+01:00')!.remaining).toBe(0);
      expect(slots.find((slot) => slot.startsAt === '2027-01-18T09:15:00+01:00')!.remaining).toBe(1);
      await book(newBookingBody(id, '2027-01-18T09:00:00+01:00'), 409);

      const closure = {
        from: '2027-01-18',
        to: '2027-01-18',
        startTime: '10:00',
        endTime: '11:00',
        reason: 'Strømsvigt',
      };
      const closureRefused = await t
        .http()
        .post(`/api/admin/centres/${id}/closures`)
        .set(bearer(admin))
        .send(closure)
        .expect(409);
      expect(
        (closureRefused.body as { affectedBookings: { id: string }[] }).affectedBookings.map((b) => b.id),
      ).toEqual([other.id]);
      await t
        .http()
        .post(`/api/admin/centres/${id}/closures?confirm=true`)
        .set(bearer(admin))
        .send(closure)
        .expect(201);
      expect(await viewOf(other)).toMatchObject({ status: 'cancelled', cancelledBy: 'centre' });

      // The system's reason is kept as a code, an administrator's as typed; the migration moves old English rows.
      const reasons = () =>
        t.app
          .get(DataSource)
          .query<{ id: string; code: string | null; reason: string | null }[]>(
            'SELECT id, cancel_reason_code AS code, cancel_reason AS reason FROM booking WHERE id = ANY($1) ORDER BY id',
            [[second.id, other.id]],
          );
      const expected = [
        { id: second.id, code: 'opening_hours_changed', reason: null },
        { id: other.id, code: null, reason: 'Strømsvigt' },
      ].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(await reasons()).toEqual(expected);
      const runner = t.app.get(DataSource).createQueryRunner();
      try {
        await new CancelReasonCodes1764547200000().down(runner);
        const english = (await runner.query('SELECT cancel_reason AS reason FROM booking WHERE id = $1', [
          second.id,
        ])) as { reason: string }[];
        expect(english).toEqual([{ reason: 'The centre has changed its opening hours' }]);
        await new CancelReasonCodes1764547200000().up(runner);
      } finally {
        await runner.release();
      }
      expect(await reasons()).toEqual(expected);

      const grid = await t
        .http()
        .patch(`/api/admin/centres/${id}`)
        .set(bearer(admin))
        .send({ slotMinutes: 5 })
        .expect(409);
      expect((grid.body as ErrorBody).details[0].field).toBe('slotMinutes');
    });

    it('guards a booked 24 December when the centre decides to close that day', async () => {
      const id = (await newCentre(t, admin, { name: 'Jul', openOnChristmasEve: true })).id;
      t.clock.set('2026-12-01T08:00:00+01:00');
      try {
        const christmasEve = (await book(newBookingBody(id, '2026-12-24T09:00:00+01:00'), 201))
          .body as Created;
        const refused = await t
          .http()
          .patch(`/api/admin/centres/${id}`)
          .set(bearer(admin))
          .send({ openOnChristmasEve: false })
          .expect(409);
        expect(
          (refused.body as { affectedBookings: { id: string }[] }).affectedBookings.map((b) => b.id),
        ).toEqual([christmasEve.id]);
        await t
          .http()
          .patch(`/api/admin/centres/${id}?confirm=true`)
          .set(bearer(admin))
          .send({ openOnChristmasEve: false })
          .expect(200);
        const cancelled = await t
          .http()
          .get(`/api/bookings/${christmasEve.reference}`)
          .set('X-Manage-Token', christmasEve.manageToken);
        expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledBy: 'centre' });
        await t
          .http()
          .patch(`/api/admin/centres/${id}`)
          .set(bearer(admin))
          .send({ name: 'Jul og nytår' })
          .expect(200);
      } finally {
        t.clock.set('2027-01-04T08:00:00+01:00');
      }
    });

    it('guards booked times when a centre is deactivated, and cancels them with notice when confirmed', async () => {
      const id = (await newCentre(t, admin, { name: 'Lukker' })).id;
      const booked = (await book(newBookingBody(id, '2027-01-19T09:00:00+01:00'), 201)).body as Created;
      expect(await patchCentre(id, { active: false }, 409)).toEqual([booked.id]);
      const stillActive = (await t.http().get('/api/centres').expect(200)).body as { id: string }[];
      expect(stillActive.map((c) => c.id)).toContain(id);

      await patchCentre(id, { active: false }, 200, true);
      expect(await viewOf(booked)).toMatchObject({ status: 'cancelled', cancelledBy: 'centre' });
      const listed = (await t.http().get('/api/centres').expect(200)).body as { id: string }[];
      expect(listed.map((c) => c.id)).not.toContain(id);
      const mails = await t.app
        .get(DataSource)
        .query<{ kind: string }[]>(
          'SELECT kind FROM outbox_message WHERE booking_id = $1 ORDER BY created_at',
          [booked.id],
        );
      expect(mails.map((mail) => mail.kind)).toEqual(['confirmation', 'cancelled_by_centre']);

      // active again, it takes bookings again
      await patchCentre(id, { active: true }, 200);
      const again = (await book(newBookingBody(id, '2027-01-19T09:00:00+01:00'), 201)).body as Created;

      // a centre left inactive with live bookings (as before this rule) is cleaned up by deactivating it again
      await t.app.get(DataSource).query('UPDATE centre SET active = false WHERE id = $1', [id]);
      expect(await patchCentre(id, { active: false }, 409)).toEqual([again.id]);
    });

    it('deactivates a centre and changes its grid in one confirmed request', async () => {
      const id = (await newCentre(t, admin, { name: 'Lukker og skifter' })).id;
      const booked = (await book(newBookingBody(id, '2027-01-20T09:00:00+01:00'), 201)).body as Created;
      expect(await patchCentre(id, { active: false, slotMinutes: 5 }, 409)).toEqual([booked.id]);
      await patchCentre(id, { active: false, slotMinutes: 5 }, 200, true);
      expect(await statusOf(booked)).toBe('cancelled');
    });

    it('leaves an appointment under way in place when its centre is deactivated', async () => {
      const id = (await newCentre(t, admin, { name: 'Lukker midt i' })).id;
      const underWay = (await book(newBookingBody(id, '2027-01-19T09:00:00+01:00'), 201)).body as Created;
      const later = (await book(newBookingBody(id, '2027-01-19T10:00:00+01:00'), 201)).body as Created;
      t.clock.set('2027-01-19T09:05:00+01:00');
      try {
        expect(await patchCentre(id, { active: false }, 409)).toEqual([later.id]);
        await patchCentre(id, { active: false }, 200, true);
        expect([await statusOf(underWay), await statusOf(later)]).toEqual(['booked', 'cancelled']);
      } finally {
        t.clock.set('2027-01-04T08:00:00+01:00');
      }
    });

    it('changes freely when no booked time is touched', async () => {
      const id = (await newCentre(t, admin, { name: 'Fri' })).id;
      await book(newBookingBody(id, '2027-01-18T09:00:00+01:00'), 201);
      const more = {
        weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '14:00', desks: 5 })),
      };
      await t.http().put(`/api/admin/centres/${id}/opening-hours`).set(bearer(admin)).send(more).expect(200);
      await t
        .http()
        .post(`/api/admin/centres/${id}/closures`)
        .set(bearer(admin))
        .send({ from: '2027-01-19', to: '2027-01-20', reason: 'Flytning' })
        .expect(201);
    });
  });
});
