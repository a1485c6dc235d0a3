import { bearer, loginAs, startTestApp, TestApp } from './support/test-app.js';
import { newCentre } from './support/factories.js';

interface Day {
  date: string;
  slots: { startsAt: string; endsAt: string; remaining: number }[];
  closedReason?: string;
  closedReasonTexts?: { text: string; textDa: string; textEn: string };
}

describe('Calendars and availability over HTTP', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-01-04T08:00:00+01:00' });
    admin = (await loginAs(t, 'admin')).token;
  });
  afterAll(() => t.close());

  it('an administrator builds a calendar and a citizen reads it as free times', async () => {
    const created = await t
      .http()
      .post('/api/admin/centres')
      .set(bearer(admin))
      .send({
        name: 'Borgerservice Aarhus',
        address: 'Hack Kampmanns Plads 2, 8000 Aarhus C',
        municipality: 'Aarhus',
        slotMinutes: 10,
        bookingHorizonDays: 60,
        minNoticeHours: 2,
        witnessPolicy: 'require',
      })
      .expect(201);
    const centre = created.body as { id: string; timeZone: string; witnessPolicy: string; active: boolean };
    expect(centre).toMatchObject({ timeZone: 'Europe/Copenhagen', witnessPolicy: 'require', active: true });

    await t
      .http()
      .put(`/api/admin/centres/${centre.id}/appointment-types`)
      .set(bearer(admin))
      .send([
        { code: 'MITID_NEW', name: 'Ny MitID', durationMinutes: 20 },
        { code: 'MITID_HIGH', name: 'MitID høj sikring', durationMinutes: 40 },
      ])
      .expect(200);
    const hours = await t
      .http()
      .put(`/api/admin/centres/${centre.id}/opening-hours`)
      .set(bearer(admin))
      .send({
        weekly: [
          { weekday: 1, opens: '09:00', closes: '12:00', desks: 3 },
          { weekday: 1, opens: '13:00', closes: '15:00', desks: 1 },
          { weekday: 2, opens: '09:00', closes: '12:00', desks: 3 },
        ],
      })
      .expect(200);
    expect((hours.body as { openingHours: unknown[] }).openingHours).toHaveLength(3);
    const closure = await t
      .http()
      .post(`/api/admin/centres/${centre.id}/closures`)
      .set(bearer(admin))
      .send({ from: '2027-01-12', to: '2027-01-12', reason: 'Personaledag' })
      .expect(201);
    expect(closure.body).toMatchObject({
      from: '2027-01-12',
      to: '2027-01-12',
      startTime: null,
      reason: 'Personaledag',
    });
    await t
      .http()
      .post(`/api/admin/centres/${centre.id}/closures`)
      .set(bearer(admin))
      .send({ from: '2027-01-18', to: '2027-01-18', startTime: '09:00', endTime: '11:00', reason: 'Møde' })
      .expect(201);

    const listed = await t.http().get('/api/centres').expect(200);
    expect(listed.body).toContainEqual({
      id: centre.id,
      name: 'Borgerservice Aarhus',
      address: 'Hack Kampmanns Plads 2, 8000 Aarhus C',
      municipality: 'Aarhus',
      timeZone: 'Europe/Copenhagen',
      appointmentTypes: [
        { code: 'MITID_NEW', name: 'Ny MitID', nameEn: null, durationMinutes: 20, highAssurance: false },
        {
          code: 'MITID_HIGH',
          name: 'MitID høj sikring',
          nameEn: null,
          durationMinutes: 40,
          highAssurance: false,
        },
      ],
    });

    const response = await t
      .http()
      .get(`/api/centres/${centre.id}/availability`)
      .query({ from: '2027-01-04', to: '2027-01-19', type: 'MITID_NEW' })
      .expect(200);
    const body = response.body as {
      centreId: string;
      timeZone: string;
      appointmentType: object;
      days: Day[];
    };
    // a front end's extra query parameter (a cache-buster) is ignored, not refused
    const busted = await t
      .http()
      .get(`/api/centres/${centre.id}/availability`)
      .query({ from: '2027-01-04', to: '2027-01-19', type: 'MITID_NEW', _: '1700000000' })
      .expect(200);
    expect(busted.body).toEqual(response.body);
    expect(body.centreId).toBe(centre.id);
    expect(body.timeZone).toBe('Europe/Copenhagen');
    expect(body.appointmentType).toEqual({
      code: 'MITID_NEW',
      name: 'Ny MitID',
      durationMinutes: 20,
      highAssurance: false,
    });
    expect(body.days.map((day) => day.date)).toHaveLength(16);
    const day = (date: string) => body.days.find((d) => d.date === date)!;

    // Monday 4 January, now 08:00 with 2 hours' notice: from 10:00, 20-minute slots on the 10-minute grid.
    expect(day('2027-01-04').slots[0]).toEqual({
      startsAt: '2027-01-04T10:00:00+01:00',
      endsAt: '2027-01-04T10:20:00+01:00',
      remaining: 3,
    });
    expect(
      day('2027-01-04')
        .slots.filter((s) => s.startsAt.includes('T13:'))
        .every((s) => s.remaining === 1),
    ).toBe(true);
    expect(day('2027-01-11').slots).toHaveLength(17 + 11);
    // a weekday without opening hours says so, as a closed day does, in the language asked for and both
    expect(day('2027-01-06')).toEqual({
      date: '2027-01-06',
      slots: [],
      closedReason: 'Centret har ikke åbent på denne ugedag',
      closedReasonTexts: {
        text: 'Centret har ikke åbent på denne ugedag',
        textDa: 'Centret har ikke åbent på denne ugedag',
        textEn: 'The centre is not open on this weekday',
      },
    });
    expect(day('2027-01-12')).toEqual({
      date: '2027-01-12',
      slots: [],
      closedReason: 'Personaledag',
      closedReasonTexts: { text: 'Personaledag', textDa: 'Personaledag', textEn: 'Personaledag' },
    });
    expect(day('2027-01-18').slots[0].startsAt).toBe('2027-01-18T11:00:00+01:00');
    expect(day('2027-01-18').closedReason).toBeUndefined();
  });

  it('shows Danish public holidays closed and the former Store Bededag open', async () => {
    const centre = await newCentre(t, admin, {
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        opens: '10:00',
        closes: '11:00',
        desks: 1,
      })),
      bookingHorizonDays: 366,
    });
    const days = async (from: string, to: string) =>
      (
        (
          await t
            .http()
            .get(`/api/centres/${centre.id}/availability`)
            .query({ from, to, type: 'MITID_NEW' })
            .expect(200)
        ).body as { days: Day[] }
      ).days;
    const april = await days('2027-03-24', '2027-04-23');
    const closed = april.filter((d) => d.slots.length === 0).map((d) => [d.date, d.closedReason]);
    expect(closed).toEqual([
      ['2027-03-25', 'Skærtorsdag'],
      ['2027-03-26', 'Langfredag'],
      ['2027-03-28', 'Påskedag'],
      ['2027-03-29', 'Anden påskedag'],
    ]);
    expect(april.find((d) => d.date === '2027-04-23')!.slots).toHaveLength(4);
    // holidays' names in both languages, the text in the language asked for
    const english = (
      (
        await t
          .http()
          .get(`/api/centres/${centre.id}/availability`)
          .query({ from: '2027-03-28', to: '2027-03-28', type: 'MITID_NEW', lang: 'en' })
          .expect(200)
      ).body as { days: Day[] }
    ).days[0];
    expect(english).toEqual({
      date: '2027-03-28',
      slots: [],
      closedReason: 'Påskedag',
      closedReasonTexts: { text: 'Easter Sunday', textDa: 'Påskedag', textEn: 'Easter Sunday' },
    });
    expect(april.find((d) => d.date === '2027-03-25')!.closedReasonTexts).toEqual({
      text: 'Skærtorsdag',
      textDa: 'Skærtorsdag',
      textEn: 'Maundy Thursday',
    });
    t.clock.set('2026-12-01T08:00:00+01:00');
    const christmas = await days('2026-12-24', '2027-01-01');
    expect(christmas.filter((d) => d.slots.length === 0).map((d) => d.date)).toEqual([
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-31',
      '2027-01-01',
    ]);

    await t
      .http()
      .patch(`/api/admin/centres/${centre.id}`)
      .set(bearer(admin))
      .send({ openOnChristmasEve: true })
      .expect(200);
    const reopened = await days('2026-12-24', '2026-12-24');
    expect(reopened[0]).toMatchObject({
      date: '2026-12-24',
      slots: [{ startsAt: '2026-12-24T10:00:00+01:00' }, {}, {}, {}],
    });
    t.clock.set('2027-01-04T08:00:00+01:00');
    const past = await days('2026-12-24', '2026-12-24');
    expect(past[0].slots).toEqual([]);
  });

  it('keeps local opening times across the daylight-saving change', async () => {
    t.clock.set('2027-03-20T08:00:00+01:00');
    try {
      const centre = await newCentre(t, admin, {
        weekly: [{ weekday: 6, opens: '10:00', closes: '10:30', desks: 2 }],
      });
      const response = await t
        .http()
        .get(`/api/centres/${centre.id}/availability`)
        .query({ from: '2027-03-27', to: '2027-04-03', type: 'MITID_NEW' })
        .expect(200);
      const saturdays = (response.body as { days: Day[] }).days.filter((d) => d.slots.length);
      expect(saturdays.map((d) => d.slots[0].startsAt)).toEqual([
        '2027-03-27T10:00:00+01:00',
        '2027-04-03T10:00:00+02:00',
      ]);
    } finally {
      t.clock.set('2027-01-04T08:00:00+01:00');
    }
  });

  it('refuses calendars that do not fit the slot grid, naming the field', async () => {
    const centre = await newCentre(t, admin);
    const types = await t
      .http()
      .put(`/api/admin/centres/${centre.id}/appointment-types`)
      .set(bearer(admin))
      .send([{ code: 'MITID_NEW', name: 'x', durationMinutes: 20 }])
      .expect(422);
    expect((types.body as { details: unknown[] }).details).toEqual([
      { field: '[0].durationMinutes', message: 'must be a multiple of slotMinutes (15)' },
    ]);
    const hours = await t
      .http()
      .put(`/api/admin/centres/${centre.id}/opening-hours`)
      .set(bearer(admin))
      .send({
        weekly: [
          { weekday: 1, opens: '09:00', closes: '12:00', desks: 2 },
          { weekday: 1, opens: '11:00', closes: '13:10', desks: 2 },
        ],
      })
      .expect(422);
    expect((hours.body as { details: { field: string }[] }).details.map((d) => d.field).sort()).toEqual([
      'weekly[1]',
      'weekly[1].closes',
    ]);
    const grid = await t
      .http()
      .patch(`/api/admin/centres/${centre.id}`)
      .set(bearer(admin))
      .send({ slotMinutes: 20 })
      .expect(422);
    expect((grid.body as { details: { field: string }[] }).details[0].field).toBe('slotMinutes');
  });

  it('hides an inactive centre from citizens', async () => {
    const centre = await newCentre(t, admin);
    await t
      .http()
      .patch(`/api/admin/centres/${centre.id}`)
      .set(bearer(admin))
      .send({ active: false })
      .expect(200);
    const listed = await t.http().get('/api/centres').expect(200);
    expect((listed.body as { id: string }[]).map((c) => c.id)).not.toContain(centre.id);
    await t
      .http()
      .get(`/api/centres/${centre.id}/availability`)
      .query({ from: '2027-01-04', to: '2027-01-05', type: 'MITID_NEW' })
      .expect(404);
  });
});
