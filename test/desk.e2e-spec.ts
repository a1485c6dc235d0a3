import { DateTime } from 'luxon';
import request from 'supertest';
import { NoShowSweepService } from '../src/scheduling/no-show-sweep.service.js';
import { newBookingBody, newCentre, newCprNumber } from './support/factories.js';
import { bearer, loginAs, startTestApp, TestApp } from './support/test-app.js';

interface Appointment {
  id: string;
  reference: string;
  status: string;
  startsAt: string;
  applicant: { fullName: string; cprNumberMasked: string | null };
  witnessAdvice: { recommended: boolean; required: boolean; reasons: { code: string }[] };
  identityCheck: { identityEstablished: boolean } | null;
  outcome: string | null;
}

interface Decision {
  identityEstablished: boolean;
  documentsSufficient: boolean;
  witnessVerified: boolean;
  problems: { code: string; text: string }[];
}

const MONDAY = '2027-01-11';
const at = (time: string, date = MONDAY) =>
  DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/Copenhagen' }).toISO({ suppressMilliseconds: true })!;
const passport = [{ type: 'DK_DRIVING_LICENCE', valid: true }];

describe('The desk: check-in, identity decision and outcomes', () => {
  let t: TestApp;
  let admin: string;
  let centreId: string;
  let otherCentreId: string;
  let clerk: string;
  let clerk2: string;
  let otherClerk: string;

  beforeAll(async () => {
    t = await startTestApp({ now: `${MONDAY}T07:00:00+01:00` });
    admin = (await loginAs(t, 'admin')).token;
    const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '15:00', desks: 4 }));
    centreId = (await newCentre(t, admin, { weekly, bookingHorizonDays: 366 })).id;
    otherCentreId = (await newCentre(t, admin, { weekly, bookingHorizonDays: 366, name: 'Anden' })).id;
    clerk = (await loginAs(t, 'staff', [centreId])).token;
    clerk2 = (await loginAs(t, 'staff', [centreId])).token;
    otherClerk = (await loginAs(t, 'staff', [otherCentreId])).token;
  });
  afterAll(() => {
    t.expectNoCprLeaks();
    return t.close();
  });

  const book = async (
    startsAt: string,
    overrides: Parameters<typeof newBookingBody>[2] = {},
    centre = centreId,
  ) => {
    const response = await t
      .http()
      .post('/api/bookings')
      .send(newBookingBody(centre, startsAt, overrides));
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status: 201 });
    return response.body as { id: string; reference: string; manageToken: string };
  };
  const as = (token: string) => ({
    checkIn: (id: string) => t.http().post(`/api/staff/appointments/${id}/check-in`).set(bearer(token)),
    check: (id: string, body: object) =>
      t.http().put(`/api/staff/appointments/${id}/identity-check`).set(bearer(token)).send(body),
    complete: (id: string, body: object) =>
      t.http().post(`/api/staff/appointments/${id}/complete`).set(bearer(token)).send(body),
    noShow: (id: string) => t.http().post(`/api/staff/appointments/${id}/no-show`).set(bearer(token)),
    get: (id: string) => t.http().get(`/api/staff/appointments/${id}`).set(bearer(token)),
  });

  it('lists the day in time order, masked, with the advice that makes a flagged applicant stand out', async () => {
    const later = await book(at('10:00'));
    const earlier = await book(at('09:30'), {
      applicant: { nationality: 'PL', countryOfResidence: 'DK', cprNumber: undefined },
      documents: [{ type: 'FOREIGN_PASSPORT' }, { type: 'HEALTH_INSURANCE_CARD' }],
    });
    const response = await t
      .http()
      .get(`/api/staff/centres/${centreId}/appointments`)
      .query({ date: MONDAY })
      .set(bearer(clerk))
      .expect(200);
    const list = response.body as Appointment[];
    const ids = list.map((a) => a.id);
    expect(ids.indexOf(earlier.id)).toBeLessThan(ids.indexOf(later.id));
    const flagged = list.find((a) => a.id === earlier.id)!;
    expect(flagged.witnessAdvice.recommended).toBe(true);
    expect(flagged.witnessAdvice.reasons.map((r) => r.code)).toEqual([
      'FOREIGN_NATIONAL',
      'NO_CPR_NUMBER',
      'FOREIGN_ID_DOCUMENT',
    ]);
    expect(flagged.applicant.cprNumberMasked).toBeNull();
    expect(list.find((a) => a.id === later.id)!.applicant.cprNumberMasked).toMatch(/^\d{6}-XXXX$/);
    await t
      .http()
      .get(`/api/staff/centres/${centreId}/appointments`)
      .query({ date: MONDAY })
      .set(bearer(otherClerk))
      .expect(403);
    await t
      .http()
      .get(`/api/staff/centres/${centreId}/appointments`)
      .query({ date: '2027-02-30' })
      .set(bearer(clerk))
      .expect(422);
  });

  it('walks an appointment through check-in, identity check and completion, refusing every step out of order', async () => {
    const { id } = await book(at('11:00'));
    const desk = as(clerk);
    await desk.check(id, { documents: passport, controlQuestions: 'passed' }).expect(409);
    await desk.complete(id, { outcome: 'mitid_issued' }).expect(409);
    expect((await desk.checkIn(id).expect(200)).body).toMatchObject({ status: 'checked_in' });
    const twice = await desk.checkIn(id).expect(409);
    expect((twice.body as { message: string }).message).toBe(
      'The appointment is already checked in and cannot be checked in',
    );
    await desk.noShow(id).expect(409);
    await desk.complete(id, { outcome: 'mitid_issued' }).expect(409); // no identity check yet

    const weak = await desk
      .check(id, { documents: [{ type: 'FOREIGN_PASSPORT', valid: true }], controlQuestions: 'passed' })
      .expect(200);
    expect(weak.body).toMatchObject({
      identityEstablished: false,
      documentsSufficient: false,
      witnessVerified: false,
    });
    expect((weak.body as Decision).problems).toEqual([
      {
        code: 'DOCUMENTS_INSUFFICIENT',
        text: 'De viste gyldige dokumenter er ikke nok til at fastslå identiteten.',
        textDa: 'De viste gyldige dokumenter er ikke nok til at fastslå identiteten.',
        textEn: 'The valid documents shown are not enough to establish identity.',
      },
    ]);
    const refused = await desk.complete(id, { outcome: 'mitid_issued' }).expect(409);
    expect((refused.body as { message: string }).message).toMatch(/identity/);

    const expired = await desk.check(id, {
      documents: [{ type: 'DK_DRIVING_LICENCE', valid: false }],
      controlQuestions: 'passed',
    });
    expect(expired.body).toMatchObject({ identityEstablished: false, documentsSufficient: false });

    const good = await desk.check(id, { documents: passport, controlQuestions: 'passed' }).expect(200);
    expect(good.body).toEqual({
      identityEstablished: true,
      documentsSufficient: true,
      witnessVerified: false,
      problems: [],
    });
    const done = await desk.complete(id, { outcome: 'mitid_issued' }).expect(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      outcome: 'mitid_issued',
      identityCheck: { identityEstablished: true },
    });
    await desk.complete(id, { outcome: 'refused', reason: 'again' }).expect(409);
    await desk.check(id, { documents: passport, controlQuestions: 'passed' }).expect(409);
  });

  it('needs a reason to refuse, and records other outcomes without established identity', async () => {
    const desk = as(clerk);
    const refused = await book(at('11:15'));
    await desk.checkIn(refused.id).expect(200);
    const missing = await desk.complete(refused.id, { outcome: 'refused' }).expect(422);
    expect((missing.body as { details: { field: string }[] }).details[0].field).toBe('reason');
    await desk.complete(refused.id, { outcome: 'refused', reason: 'Forfalsket pas' }).expect(200);

    const pCode = await book(at('11:30'), {
      applicant: { cprNumber: undefined, nationality: 'DE', countryOfResidence: 'DE' },
      documents: [{ type: 'FOREIGN_PASSPORT' }],
    });
    await desk.checkIn(pCode.id).expect(200);
    await desk
      .check(pCode.id, {
        documents: [{ type: 'FOREIGN_PASSPORT', valid: true }],
        controlQuestions: 'not_asked',
      })
      .expect(200);
    await desk.complete(pCode.id, { outcome: 'p_code_issued' }).expect(200);
  });

  it('records a P code only after a valid passport or national ID card, and for a CPR holder only with identity established', async () => {
    const desk = as(clerk);
    const message = async (id: string) =>
      ((await desk.complete(id, { outcome: 'p_code_issued' }).expect(409)).body as { message: string })
        .message;
    const abroad = await book(at('12:15', '2027-01-15'), {
      applicant: { cprNumber: undefined, nationality: 'DE', countryOfResidence: 'DE', language: 'en' },
      documents: [{ type: 'FOREIGN_NATIONAL_ID_CARD' }],
    });
    t.clock.set(at('07:00', '2027-01-15'));
    try {
      await desk.checkIn(abroad.id).expect(200);
      expect(await message(abroad.id)).toMatch(/before an identity check/);
      const expired = await desk
        .check(abroad.id, {
          documents: [{ type: 'FOREIGN_NATIONAL_ID_CARD', valid: false }],
          controlQuestions: 'not_asked',
        })
        .expect(200);
      // the problems in the applicant's language (English here), both beside it
      const [insufficient] = (
        expired.body as { problems: { code: string; text: string; textDa: string; textEn: string }[] }
      ).problems;
      expect(insufficient.code).toBe('DOCUMENTS_INSUFFICIENT');
      expect(insufficient.text).toBe(insufficient.textEn);
      expect(insufficient.textEn).toMatch(/^The applicant has no CPR number and comes for a P code/);
      expect(insufficient.textDa).toMatch(/^Ansøgeren har intet CPR-nummer/);
      expect(await message(abroad.id)).toMatch(/no valid passport or national ID card/);
      await desk
        .check(abroad.id, {
          documents: [{ type: 'FOREIGN_DRIVING_LICENCE', valid: true }],
          controlQuestions: 'not_asked',
        })
        .expect(200);
      expect(await message(abroad.id)).toMatch(/no valid passport or national ID card/);
      expect((await desk.get(abroad.id).expect(200)).body).toMatchObject({
        status: 'checked_in',
        outcome: null,
      });
      await desk
        .check(abroad.id, {
          documents: [{ type: 'FOREIGN_NATIONAL_ID_CARD', valid: true }],
          controlQuestions: 'not_asked',
        })
        .expect(200);
      expect((await desk.complete(abroad.id, { outcome: 'p_code_issued' }).expect(200)).body).toMatchObject({
        status: 'completed',
        outcome: 'p_code_issued',
      });

      const resident = await book(at('12:30', '2027-01-15'), {
        applicant: { nationality: 'PL' },
        documents: [{ type: 'FOREIGN_PASSPORT' }, { type: 'HEALTH_INSURANCE_CARD' }],
      });
      await desk.checkIn(resident.id).expect(200);
      await desk
        .check(resident.id, {
          documents: [{ type: 'FOREIGN_PASSPORT', valid: true }],
          controlQuestions: 'failed',
        })
        .expect(200);
      expect(await message(resident.id)).toMatch(/has a CPR number .* not established identity/);
      await desk
        .check(resident.id, {
          documents: [
            { type: 'FOREIGN_PASSPORT', valid: true },
            { type: 'HEALTH_INSURANCE_CARD', valid: true },
          ],
          controlQuestions: 'passed',
        })
        .expect(200);
      await desk.complete(resident.id, { outcome: 'p_code_issued' }).expect(200);
    } finally {
      t.clock.set(`${MONDAY}T07:00:00+01:00`);
    }
  });

  it('takes early arrivals that day, refuses check-in before the day and once it is over, and marks no-shows only while booked', async () => {
    const desk = as(clerk);
    const tomorrow = await book(at('09:00', '2027-01-12'));
    const early = await desk.checkIn(tomorrow.id).expect(409);
    expect((early.body as { message: string }).message).toBe(
      'This appointment is on 2027-01-12; check-in opens on that day (early arrivals that day are welcome)',
    );
    expect((await desk.get(tomorrow.id).expect(200)).body).toMatchObject({ status: 'booked' });
    try {
      t.clock.set(at('07:30', '2027-01-12'));
      await desk.checkIn(tomorrow.id).expect(200);
      t.clock.set(at('09:20', '2027-01-12'));
      await desk.noShow(tomorrow.id).expect(409);
    } finally {
      t.clock.set(`${MONDAY}T07:00:00+01:00`);
    }
    const today = await book(at('12:00'));
    t.clock.set(at('00:00', '2027-01-12'));
    try {
      await desk.checkIn(today.id).expect(409);
      expect((await desk.noShow(today.id).expect(200)).body).toMatchObject({ status: 'no_show' });
      const again = await desk.noShow(today.id).expect(409);
      expect((again.body as { message: string }).message).toBe(
        'The appointment was marked as a no-show and cannot be marked as a no-show',
      );
      const late = await desk.checkIn(today.id).expect(409);
      expect((late.body as { message: string }).message).toBe(
        'The appointment was marked as a no-show and cannot be checked in',
      );
    } finally {
      t.clock.set(`${MONDAY}T07:00:00+01:00`);
    }
  });

  it('records a no-show only once the start plus the grace period has passed', async () => {
    const desk = as(clerk);
    const tomorrow = await book(at('09:15', '2027-01-12'));
    const refused = await desk.noShow(tomorrow.id).expect(409);
    expect((refused.body as { message: string }).message).toMatch(/15 minutes after the appointment's start/);
    const later = await book(at('13:30', '2027-01-14'));
    try {
      t.clock.set(at('13:44:59', '2027-01-14'));
      await desk.noShow(later.id).expect(409);
      expect((await desk.get(later.id).expect(200)).body).toMatchObject({ status: 'booked' });
      t.clock.set(at('13:45', '2027-01-14'));
      expect((await desk.noShow(later.id).expect(200)).body).toMatchObject({ status: 'no_show' });
      t.clock.set(at('09:30', '2027-01-12'));
      expect((await desk.noShow(tomorrow.id).expect(200)).body).toMatchObject({ status: 'no_show' });
    } finally {
      t.clock.set(`${MONDAY}T07:00:00+01:00`);
    }
  });

  it('refuses a witness under 18 or who is the applicant', async () => {
    const body = newBookingBody(centreId, at('13:00'));
    const { id } = (await t.http().post('/api/bookings').send(body).expect(201)).body as { id: string };
    const desk = as(clerk);
    await desk.checkIn(id).expect(200);
    const witness = { present: true, idDocumentType: 'DK_DRIVING_LICENCE', mitidOver30Days: true };
    const child = await desk.check(id, {
      documents: passport,
      controlQuestions: 'not_asked',
      witness: { ...witness, cprNumber: '120109-4000' },
    });
    expect(child.status).toBe(422);
    expect((child.body as { details: { field: string }[] }).details[0].field).toBe('witness.cprNumber');
    const self = await desk.check(id, {
      documents: passport,
      controlQuestions: 'not_asked',
      witness: { ...witness, cprNumber: body.applicant.cprNumber },
    });
    expect(self.status).toBe(422);
    const present = await desk.check(id, {
      documents: passport,
      controlQuestions: 'not_asked',
      witness: { ...witness, cprNumber: newCprNumber() },
    });
    expect(present.body).toMatchObject({ identityEstablished: true, witnessVerified: true });
    const noMitid = await desk.check(id, {
      documents: passport,
      controlQuestions: 'not_asked',
      witness: { ...witness, mitidOver30Days: false, cprNumber: newCprNumber() },
    });
    expect(noMitid.body).toMatchObject({ identityEstablished: false, witnessVerified: false });
    expect((noMitid.body as Decision).problems.map((p) => p.code)).toEqual([
      'WITNESS_MITID_TOO_NEW',
      'NO_QUESTIONS_AND_NO_WITNESS',
    ]);
  });

  it('verifies a witness whose photo ID shows no CPR number only with a second document that does', async () => {
    const { id } = (
      await t
        .http()
        .post('/api/bookings')
        .send(newBookingBody(centreId, at('13:15')))
        .expect(201)
    ).body as { id: string };
    const desk = as(clerk);
    await desk.checkIn(id).expect(200);
    const witness = { present: true, idDocumentType: 'FOREIGN_PASSPORT', mitidOver30Days: true };
    const check = (extra: Record<string, unknown>) =>
      desk.check(id, {
        documents: passport,
        controlQuestions: 'not_asked',
        witness: { ...witness, cprNumber: newCprNumber(), ...extra },
      });
    const without = await check({});
    expect(without.body).toMatchObject({ identityEstablished: false, witnessVerified: false });
    expect((without.body as Decision).problems.map((p) => p.code)).toEqual([
      'WITNESS_NO_CPR_DOCUMENT',
      'NO_QUESTIONS_AND_NO_WITNESS',
    ]);
    const unknown = await check({ cprDocumentType: 'LIBRARY_CARD' });
    expect(unknown.status).toBe(422);
    expect((unknown.body as { details: { field: string }[] }).details[0].field).toBe(
      'witness.cprDocumentType',
    );
    const withCard = await check({ cprDocumentType: 'HEALTH_INSURANCE_CARD' });
    expect(withCard.body).toMatchObject({ identityEstablished: true, witnessVerified: true, problems: [] });
  });

  it('lets a person witness three times in 120 days across centres, refuses the fourth, and accepts again later', async () => {
    const witnessCpr = newCprNumber();
    const witnessCheck = async (centre: string, token: string, date: string) => {
      const { id } = await book(at('14:00', date), {}, centre);
      await as(token).checkIn(id).expect(200);
      return as(token).check(id, {
        documents: passport,
        controlQuestions: 'not_asked',
        witness: {
          cprNumber: witnessCpr,
          present: true,
          idDocumentType: 'DK_PASSPORT_WITH_CPR',
          mitidOver30Days: true,
        },
      });
    };
    const onDay = (date: string) => t.clock.set(at('13:50', date));
    try {
      onDay('2027-01-11');
      expect((await witnessCheck(centreId, clerk, '2027-01-11')).status).toBe(200);
      onDay('2027-01-12');
      expect((await witnessCheck(otherCentreId, otherClerk, '2027-01-12')).status).toBe(200);
      onDay('2027-02-01');
      expect((await witnessCheck(centreId, clerk, '2027-02-01')).status).toBe(200);
      onDay('2027-03-01');
      const fourth = await witnessCheck(otherCentreId, otherClerk, '2027-03-01');
      expect(fourth.status).toBe(409);
      expect((fourth.body as { message: string }).message).toMatch(/3 times in the last 120 days/);
      // by 2027-05-13 the acts of 11 and 12 January are more than 120 days old: only 1 February still counts
      onDay('2027-05-13');
      expect((await witnessCheck(otherCentreId, otherClerk, '2027-05-13')).status).toBe(200);
      onDay('2027-05-14');
      expect((await witnessCheck(centreId, clerk, '2027-05-14')).status).toBe(200);
      onDay('2027-05-18');
      expect((await witnessCheck(centreId, clerk, '2027-05-18')).status).toBe(409);
    } finally {
      t.clock.set(`${MONDAY}T07:00:00+01:00`);
    }
  });

  it('two clerks completing the same appointment at once: one succeeds, the other gets 409', async () => {
    for (let round = 0; round < 3; round++) {
      const { id } = await book(at(`14:${15 + round * 15}`));
      await as(clerk).checkIn(id).expect(200);
      await as(clerk).check(id, { documents: passport, controlQuestions: 'passed' }).expect(200);
      const url = await t.url();
      const [first, second] = await Promise.all([
        as(clerk).complete(id, { outcome: 'mitid_issued' }),
        request(url)
          .post(`/api/staff/appointments/${id}/complete`)
          .set(bearer(clerk2))
          .send({ outcome: 'refused', reason: 'x' }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
    }
  });

  it('after a failed check without a witness, the same person is told a witness is required next time', async () => {
    const body = newBookingBody(centreId, at('09:45'), { applicant: { nationality: 'DK' } });
    const first = (await t.http().post('/api/bookings').send(body).expect(201)).body as { id: string };
    await as(clerk).checkIn(first.id).expect(200);
    const failed = await as(clerk)
      .check(first.id, { documents: passport, controlQuestions: 'failed' })
      .expect(200);
    expect(failed.body).toMatchObject({ identityEstablished: false });
    await as(clerk).complete(first.id, { outcome: 'rebook_with_witness' }).expect(200);

    // required is enforced: without a witness the booking is refused, naming the field and saying why
    const without = await t
      .http()
      .post('/api/bookings')
      .send({ ...newBookingBody(centreId, at('10:00', '2027-01-13')), applicant: body.applicant })
      .expect(422);
    const [issue] = (without.body as { details: { field: string; message: string }[] }).details;
    expect(issue.field).toBe('witness');
    expect(issue.message).toMatch(
      /^a witness is required for this applicant\. Your identity could not be confirmed at an earlier visit/,
    );
    const again = await t
      .http()
      .post('/api/bookings')
      .send({
        ...newBookingBody(centreId, at('10:00', '2027-01-13')),
        applicant: body.applicant,
        witness: { fullName: 'Vidne Vidnesen', cprNumber: newCprNumber() },
      })
      .expect(201);
    const advice = (again.body as { witnessAdvice: Appointment['witnessAdvice'] }).witnessAdvice;
    expect(advice).toMatchObject({ recommended: true, required: true });
    expect(advice.reasons.map((r) => r.code)).toContain('PREVIOUS_IDENTITY_CHECK_FAILED');
  });

  it('keeps an audit trail of who did what, readable by administrators', async () => {
    const { id } = await book(at('10:15'));
    await as(clerk).checkIn(id).expect(200);
    await as(clerk).get(id).expect(200);
    const trail = await t.http().get(`/api/admin/bookings/${id}/audit`).set(bearer(admin)).expect(200);
    expect((trail.body as { action: string }[]).map((r) => r.action)).toEqual([
      'appointment.checked_in',
      'appointment.viewed',
    ]);
    await t.http().get(`/api/admin/bookings/${id}/audit`).set(bearer(clerk)).expect(403);
  });

  it('counts the centre statistics', async () => {
    const response = await t
      .http()
      .get(`/api/admin/centres/${centreId}/statistics`)
      .query({ from: '2027-01-11', to: '2027-01-11' })
      .set(bearer(admin))
      .expect(200);
    const stats = response.body as {
      booked: number;
      noShows: number;
      completed: { total: number; byOutcome: Record<string, number> };
      flaggedShare: number;
      withWitnessShare: number;
    };
    expect(stats.noShows).toBe(1);
    const { refused, mitid_issued, p_code_issued, rebook_with_witness } = stats.completed.byOutcome;
    // the walk-through issues MitID once, one refusal needs its reason, and three races end one way or the other
    expect({ decided: refused + mitid_issued, p_code_issued, rebook_with_witness }).toEqual({
      decided: 5,
      p_code_issued: 1,
      rebook_with_witness: 1,
    });
    expect(stats.completed.total).toBe(7);
    expect(stats.flaggedShare).toBeGreaterThan(0);
    expect(stats.withWitnessShare).toBeGreaterThan(0);
  });

  it('marks bookings left unattended on an earlier day as no-shows, and only those', async () => {
    const yesterday = await book(at('14:30', '2027-01-12'));
    const today = await book(at('14:30', '2027-01-13'));
    const sweep = t.app.get(NoShowSweepService);
    try {
      t.clock.set(at('23:59', '2027-01-12'));
      await sweep.run(); // earlier tests' Monday leftovers go; the 12th is still today
      expect((await as(admin).get(yesterday.id).expect(200)).body).toMatchObject({ status: 'booked' });
      t.clock.set(at('08:00', '2027-01-13'));
      expect(await sweep.run()).toBeGreaterThanOrEqual(1); // with another test's booking of the 12th
      expect(await sweep.run()).toBe(0);
      expect((await as(admin).get(yesterday.id).expect(200)).body).toMatchObject({ status: 'no_show' });
      expect((await as(admin).get(today.id).expect(200)).body).toMatchObject({ status: 'booked' });
    } finally {
      t.clock.set(`${MONDAY}T07:00:00+01:00`);
    }
  });
});
