import {
  applicantBody,
  applicantFrom,
  arrivalDate,
  documentsFrom,
  isBlankWitness,
  witnessBody,
  witnessFrom,
} from './booking-form.js';

const applicant = (fields: Record<string, string>) =>
  applicantFrom(
    { fullName: ' Ada ', email: 'ada@example.dk', nationality: 'fr', countryOfResidence: 'fr', ...fields },
    'en',
  );

describe('the booking form as the API reads it', () => {
  it.each([
    [{}, ''],
    [{ arrivalDay: '1', arrivalMonth: '9', arrivalYear: '2025' }, '2025-09-01'],
    [{ arrivalDay: '31', arrivalMonth: '12', arrivalYear: '2024' }, '2024-12-31'],
    [{ arrivalDay: '1', arrivalMonth: '', arrivalYear: '2025' }, 'invalid'],
    [{ arrivalDay: '1', arrivalMonth: '9', arrivalYear: '25' }, 'invalid'],
    [{ arrivalDay: 'x', arrivalMonth: '9', arrivalYear: '2025' }, 'invalid'],
    [{ arrivalYear: '2025' }, 'invalid'],
  ])('reads the arrival date group %p as %p', (fields, date) => {
    expect(arrivalDate(applicant(fields))).toBe(date);
  });

  it('sends no CPR number for "I have no CPR number", even when one was typed', () => {
    const body = applicantBody(applicant({ cprNumber: '010190-1234', noCpr: 'yes' }));
    expect(body).not.toHaveProperty('cprNumber');
    expect(applicantBody(applicant({ cprNumber: '010190-1234' }))).toMatchObject({
      cprNumber: '010190-1234',
    });
  });

  it('trims, upper-cases country codes, leaves empty optional fields out and falls back to the page language', () => {
    const body = applicantBody(applicant({ phone: '', language: 'xx' }));
    expect(body).toEqual({
      fullName: 'Ada',
      email: 'ada@example.dk',
      cprNumber: '',
      nationality: 'FR',
      countryOfResidence: 'FR',
      language: 'en',
    });
  });

  it('keeps only known document types, once each, in the rules’ order', () => {
    expect(
      documentsFrom({
        documents: ['HEALTH_INSURANCE_CARD', 'NOT_A_DOCUMENT', 'FOREIGN_PASSPORT', 'FOREIGN_PASSPORT'],
      }),
    ).toEqual(['FOREIGN_PASSPORT', 'HEALTH_INSURANCE_CARD']);
    expect(documentsFrom({ documents: 'DK_DRIVING_LICENCE' })).toEqual(['DK_DRIVING_LICENCE']);
    expect(documentsFrom({})).toEqual([]);
  });

  it('treats a witness with every field empty as none', () => {
    expect(isBlankWitness(witnessFrom({ witnessFullName: ' ', witnessCprNumber: '' }))).toBe(true);
    const witness = witnessFrom({ witnessFullName: 'Bo', witnessCprNumber: '020285-1234' });
    expect(isBlankWitness(witness)).toBe(false);
    expect(witnessBody(witness)).toEqual({ fullName: 'Bo', cprNumber: '020285-1234' });
  });
});
