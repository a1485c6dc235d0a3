import { ApplicantFacts, WitnessPolicyFacts, WitnessReasonCode, witnessAdvice } from './witness-advice.js';

/** A Danish applicant who raises no flag; each test overrides only what it is about. */
function applicant(overrides: Partial<ApplicantFacts> = {}): ApplicantFacts {
  return {
    nationality: 'DK',
    countryOfResidence: 'DK',
    hasCprNumber: true,
    documents: ['DK_DRIVING_LICENCE'],
    language: 'da',
    previousCheckFailed: false,
    ...overrides,
  };
}

function policy(overrides: Partial<WitnessPolicyFacts> = {}): WitnessPolicyFacts {
  return { policy: 'recommend', recentArrivalMonths: 24, appointmentDate: '2027-01-12', ...overrides };
}

const codesOf = (facts: ApplicantFacts, policyFacts: WitnessPolicyFacts = policy()): WitnessReasonCode[] =>
  witnessAdvice(facts, policyFacts).reasons.map((r) => r.code);

/** One override per reason that raises exactly that reason and no other. */
const SINGLE_REASONS: [WitnessReasonCode, Partial<ApplicantFacts>][] = [
  ['FOREIGN_NATIONAL', { nationality: 'SE' }],
  ['LIVES_ABROAD', { countryOfResidence: 'SE' }],
  ['NO_CPR_NUMBER', { hasCprNumber: false }],
  ['RECENT_ARRIVAL', { arrivedInDenmarkOn: '2026-06-01' }],
  ['FOREIGN_ID_DOCUMENT', { documents: ['FOREIGN_PASSPORT', 'HEALTH_INSURANCE_CARD'] }],
  ['PREVIOUS_IDENTITY_CHECK_FAILED', { previousCheckFailed: true }],
];

describe('witnessAdvice: baseline', () => {
  it('a Danish applicant living in Denmark with a CPR number and a Danish driving licence raises nothing', () => {
    expect(witnessAdvice(applicant(), policy())).toEqual({
      recommended: false,
      required: false,
      reasons: [],
    });
  });

  it('nor under a centre policy of require', () => {
    expect(witnessAdvice(applicant(), policy({ policy: 'require' }))).toEqual({
      recommended: false,
      required: false,
      reasons: [],
    });
  });

  it.each([['en' as const], ['da' as const]])('nor in language %s', (language) => {
    expect(witnessAdvice(applicant({ language }), policy()).reasons).toEqual([]);
  });
});

describe('witnessAdvice: each reason alone', () => {
  it.each(SINGLE_REASONS)('%s under policy recommend', (code, overrides) => {
    const advice = witnessAdvice(applicant(overrides), policy({ policy: 'recommend' }));
    expect(advice.recommended).toBe(true);
    expect(advice.reasons.map((r) => r.code)).toEqual([code]);
    expect(advice.required).toBe(code === 'PREVIOUS_IDENTITY_CHECK_FAILED');
  });

  it.each(SINGLE_REASONS)('%s under policy require', (code, overrides) => {
    const advice = witnessAdvice(applicant(overrides), policy({ policy: 'require' }));
    expect(advice.recommended).toBe(true);
    expect(advice.reasons.map((r) => r.code)).toEqual([code]);
    expect(advice.required).toBe(true);
  });
});

describe('witnessAdvice: nationality and residence', () => {
  it.each([['DK'], ['dk'], ['Dk'], ['GL'], ['gl'], ['FO'], ['fo']])(
    'nationality %s counts as Danish',
    (nationality) => {
      expect(codesOf(applicant({ nationality }))).toEqual([]);
    },
  );

  it.each([['SE'], ['DE'], ['US'], ['se'], ['IS'], ['NO']])('nationality %s is foreign', (nationality) => {
    expect(codesOf(applicant({ nationality }))).toEqual(['FOREIGN_NATIONAL']);
  });

  it.each([['DK'], ['dk']])('residence %s is Denmark', (countryOfResidence) => {
    expect(codesOf(applicant({ countryOfResidence }))).toEqual([]);
  });

  it.each([['SE'], ['DE'], ['de']])('residence %s is abroad', (countryOfResidence) => {
    expect(codesOf(applicant({ countryOfResidence }))).toEqual(['LIVES_ABROAD']);
  });
});

describe('witnessAdvice: RECENT_ARRIVAL', () => {
  it.each<[string, number, boolean]>([
    // default window of 24 months before 2027-01-12: the threshold is 2025-01-12
    ['2025-01-11', 24, false],
    ['2025-01-12', 24, false],
    ['2025-01-13', 24, true],
    ['2026-06-01', 24, true],
    ['2027-01-12', 24, true],
    ['2010-05-01', 24, false],
    // a 6-month window: the threshold is 2026-07-12
    ['2025-01-13', 6, false],
    ['2026-07-12', 6, false],
    ['2026-07-13', 6, true],
    ['2026-12-01', 6, true],
  ])(
    'arrived %s, window %i months, appointment 2027-01-12 → recent %s',
    (arrivedInDenmarkOn, months, recent) => {
      const codes = codesOf(applicant({ arrivedInDenmarkOn }), policy({ recentArrivalMonths: months }));
      expect(codes).toEqual(recent ? ['RECENT_ARRIVAL'] : []);
    },
  );

  it('no arrival date is no reason', () => {
    expect(codesOf(applicant({ arrivedInDenmarkOn: undefined }))).toEqual([]);
  });
});

describe('witnessAdvice: FOREIGN_ID_DOCUMENT follows the primary (first photo) document', () => {
  it.each<[ApplicantFacts['documents'], boolean]>([
    [['FOREIGN_PASSPORT'], true],
    [['HEALTH_INSURANCE_CARD', 'FOREIGN_PASSPORT'], true],
    [['FOREIGN_NATIONAL_ID_CARD', 'RESIDENCE_CERTIFICATE'], true],
    [['RESIDENCE_CERTIFICATE', 'FOREIGN_NATIONAL_ID_CARD'], true],
    [['FOREIGN_DRIVING_LICENCE', 'HEALTH_INSURANCE_CARD'], true],
    [['DK_DRIVING_LICENCE', 'FOREIGN_PASSPORT'], false],
    [['HEALTH_INSURANCE_CARD', 'DK_DRIVING_LICENCE', 'FOREIGN_PASSPORT'], false],
    [['MUNICIPAL_ID_CARD', 'HEALTH_INSURANCE_CARD'], false],
    [['DK_PASSPORT_WITHOUT_CPR', 'HEALTH_INSURANCE_CARD'], false],
    [['BIRTH_OR_NAME_CERTIFICATE', 'TAX_STATEMENT'], false],
    [[], false],
  ])('%j → FOREIGN_ID_DOCUMENT %s', (documents, foreign) => {
    expect(codesOf(applicant({ documents }))).toEqual(foreign ? ['FOREIGN_ID_DOCUMENT'] : []);
  });
});

describe('witnessAdvice: combined reasons, in the module order', () => {
  it.each<[string, Partial<ApplicantFacts>, WitnessReasonCode[]]>([
    [
      'foreign national living abroad without CPR number with a foreign passport',
      { nationality: 'US', countryOfResidence: 'US', hasCprNumber: false, documents: ['FOREIGN_PASSPORT'] },
      ['FOREIGN_NATIONAL', 'LIVES_ABROAD', 'NO_CPR_NUMBER', 'FOREIGN_ID_DOCUMENT'],
    ],
    [
      'all six',
      {
        nationality: 'US',
        countryOfResidence: 'US',
        hasCprNumber: false,
        arrivedInDenmarkOn: '2026-10-01',
        documents: ['HEALTH_INSURANCE_CARD', 'FOREIGN_PASSPORT'],
        previousCheckFailed: true,
      },
      [
        'FOREIGN_NATIONAL',
        'LIVES_ABROAD',
        'NO_CPR_NUMBER',
        'RECENT_ARRIVAL',
        'FOREIGN_ID_DOCUMENT',
        'PREVIOUS_IDENTITY_CHECK_FAILED',
      ],
    ],
    [
      'recently arrived foreign national with a foreign ID card',
      {
        nationality: 'PL',
        arrivedInDenmarkOn: '2026-03-01',
        documents: ['FOREIGN_NATIONAL_ID_CARD', 'HEALTH_INSURANCE_CARD'],
      },
      ['FOREIGN_NATIONAL', 'RECENT_ARRIVAL', 'FOREIGN_ID_DOCUMENT'],
    ],
  ])('%s', (_label, overrides, codes) => {
    const recommend = witnessAdvice(applicant(overrides), policy());
    expect(recommend.recommended).toBe(true);
    expect(recommend.reasons.map((r) => r.code)).toEqual(codes);
    expect(recommend.required).toBe(codes.includes('PREVIOUS_IDENTITY_CHECK_FAILED'));
    const require = witnessAdvice(applicant(overrides), policy({ policy: 'require' }));
    expect(require.reasons.map((r) => r.code)).toEqual(codes);
    expect(require.required).toBe(true);
  });
});

describe('witnessAdvice: texts', () => {
  it.each(SINGLE_REASONS)('%s has a Danish and an English sentence that differ', (code, overrides) => {
    const [reason] = witnessAdvice(applicant(overrides), policy()).reasons;
    expect(reason.code).toBe(code);
    expect(reason.textDa.trim()).not.toBe('');
    expect(reason.textEn.trim()).not.toBe('');
    expect(reason.textDa).not.toBe(reason.textEn);
  });

  it.each(SINGLE_REASONS)('%s: text is in the applicant language (da)', (_code, overrides) => {
    const [reason] = witnessAdvice(applicant({ ...overrides, language: 'da' }), policy()).reasons;
    expect(reason.text).toBe(reason.textDa);
  });

  it.each(SINGLE_REASONS)('%s: text is in the applicant language (en)', (_code, overrides) => {
    const [reason] = witnessAdvice(applicant({ ...overrides, language: 'en' }), policy()).reasons;
    expect(reason.text).toBe(reason.textEn);
  });

  it.each(SINGLE_REASONS)(
    '%s: the same Danish and English sentences whatever the applicant language',
    (_code, overrides) => {
      const [da] = witnessAdvice(applicant({ ...overrides, language: 'da' }), policy()).reasons;
      const [en] = witnessAdvice(applicant({ ...overrides, language: 'en' }), policy()).reasons;
      expect(da.textDa).toBe(en.textDa);
      expect(da.textEn).toBe(en.textEn);
    },
  );

  it('every reason has its own sentence', () => {
    const all = witnessAdvice(
      applicant({
        nationality: 'US',
        countryOfResidence: 'US',
        hasCprNumber: false,
        arrivedInDenmarkOn: '2026-10-01',
        documents: ['FOREIGN_PASSPORT'],
        previousCheckFailed: true,
      }),
      policy(),
    ).reasons;
    expect(new Set(all.map((r) => r.textDa)).size).toBe(6);
    expect(new Set(all.map((r) => r.textEn)).size).toBe(6);
  });
});
