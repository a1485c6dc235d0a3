import { da } from '../base/texts/da.js';
import { formValues, issueErrors, readCentreForm, readClockTime } from './admin-calendar-form.js';
import { readClosure, readHours, readTypes, typeRowsFrom } from './admin-calendar-rows.js';

const t = da.admin.calendar;

describe('the calendar forms', () => {
  it.each([
    ['9:00', '09:00'],
    ['09.30', '09:30'],
    ['1400', '14:00'],
    [' 23:59 ', '23:59'],
    ['24:00', undefined],
    ['9', undefined],
    ['09:60', undefined],
    ['kl. 9', undefined],
  ])('reads the clock time %p as %p', (typed, time) => {
    expect(readClockTime(typed)).toBe(time);
  });

  it('keeps only text fields of a body, trimmed, without the token and the confirmation', () => {
    expect(formValues({ name: ' Vejle ', _csrf: 'x', confirm: 'yes', list: ['a', 'b'] })).toEqual({
      name: 'Vejle',
      list: 'a',
    });
    expect(formValues({ name: 5 } as unknown as Record<string, string>)).toEqual({});
    expect(formValues(undefined)).toEqual({});
  });

  it('reads a centre, with the field errors of what is missing or out of range', () => {
    const base = {
      name: 'Borgerservice Vejle',
      address: 'Torvet 1',
      municipality: 'Vejle',
      timeZone: '',
      witnessPolicy: 'recommend',
      slotMinutes: '15',
      bookingHorizonDays: '60',
      minNoticeHours: '2',
      openOnNewYearsEve: 'yes',
    };
    expect(readCentreForm(base, t, false).dto).toMatchObject({
      timeZone: 'Europe/Copenhagen',
      cancellationCutoffHours: 0,
      openOnNewYearsEve: true,
      openOnChristmasEve: false,
    });
    expect(readCentreForm(base, t, true).dto).toMatchObject({ active: false, contactEmail: null });
    const { dto, errors } = readCentreForm(
      {
        ...base,
        name: '',
        slotMinutes: '7',
        minNoticeHours: '-1',
        contactEmail: 'nope',
        timeZone: 'Nowhere/City',
      },
      t,
      false,
    );
    expect(dto).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual([
      'contactEmail',
      'minNoticeHours',
      'name',
      'slotMinutes',
      'timeZone',
    ]);
  });

  it('skips empty new types and removed ones, and needs one type at least', () => {
    const rows = typeRowsFrom({
      typeRows: '3',
      'type-0-existing': 'yes',
      'type-0-code': 'MITID_NEW',
      'type-0-nameDa': 'Ny MitID',
      'type-0-duration': '15',
      'type-0-remove': 'yes',
      'type-2-code': 'high',
      'type-2-nameDa': 'Høj',
      'type-2-duration': '30',
      'type-2-high': 'yes',
    });
    const read = readTypes(rows, t);
    expect(read.types).toEqual([
      { code: 'HIGH', name: 'Høj', nameEn: null, durationMinutes: 30, highAssurance: true },
    ]);
    expect(read.rowOf).toEqual([2]);
    expect(readTypes(rows.slice(0, 2), t).errors).toEqual({ 'type-0-remove': t.errors.noTypes });
  });

  it('reads the intervals of the week and says which field of a half-filled one is missing', () => {
    const days = [
      { weekday: 1, rows: [{ key: 'h-1-0', n: 1, opens: '9:00', closes: '12:00', desks: '2' }] },
      { weekday: 2, rows: [{ key: 'h-2-0', n: 1, opens: '13:00', closes: '', desks: '0' }] },
      { weekday: 3, rows: [{ key: 'h-3-0', n: 1, opens: '', closes: '', desks: '' }] },
    ];
    const read = readHours(days, t);
    expect(read.errors).toEqual({
      'h-2-0-closes': t.errors.intervalIncomplete,
      'h-2-0-desks': t.errors.desksInvalid,
    });
    expect(readHours(days.slice(0, 1), t)).toMatchObject({
      weekly: [{ weekday: 1, opens: '09:00', closes: '12:00', desks: 2 }],
      rowOf: ['h-1-0'],
    });
  });

  it('reads a closure of one day when the to date is left empty', () => {
    expect(readClosure({ from: '05.01.2027', to: '', reason: 'Kursus' }, t).dto).toEqual({
      from: '2027-01-05',
      to: '2027-01-05',
      reason: 'Kursus',
    });
    expect(Object.keys(readClosure({ from: '2027-02-30', startTime: '25:00' }, t).errors)).toEqual([
      'from',
      'startTime',
      'reason',
    ]);
  });

  it('puts the service’s issues on the form’s fields in the page’s words, and an unplaced one on the fallback', () => {
    const fieldOf = (field: string) => (field === 'weekly[0].opens' ? 'h-1-0-opens' : undefined);
    expect(
      issueErrors(
        [{ field: 'weekly[0].opens', message: 'must be on the 15-minute slot grid' }],
        fieldOf,
        'x',
        t,
        15,
      ),
    ).toEqual({ 'h-1-0-opens': 'Tiden skal passe med tidsintervallet på 15 minutter' });
    expect(issueErrors([{ field: 'elsewhere', message: 'odd' }], fieldOf, 'x', t, 15)).toEqual({
      x: 'Kunne ikke gemmes: odd',
    });
  });
});
