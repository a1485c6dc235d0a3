import { decideIdentity, IdentityDecisionInput, WitnessAtDesk } from './identity-decision.js';

const licence = [{ type: 'DK_DRIVING_LICENCE' as const, valid: true }];
const goodWitness: WitnessAtDesk = {
  present: true,
  idDocumentType: 'DK_PASSPORT_WITH_CPR',
  mitidHeldLongEnough: true,
};
const decide = (input: Partial<IdentityDecisionInput>) =>
  decideIdentity({ documents: licence, controlQuestions: 'passed', witnessMitidMinDays: 30, ...input });
const codes = (input: Partial<IdentityDecisionInput>) => decide(input).problems.map((p) => p.code);

describe('decideIdentity', () => {
  it.each([
    ['documents + questions passed', {}, true],
    [
      'documents + verified witness, questions not asked',
      { controlQuestions: 'not_asked', witness: goodWitness },
      true,
    ],
    [
      'documents + verified witness after failed questions',
      { controlQuestions: 'failed', witness: goodWitness },
      true,
    ],
    ['documents, questions failed, no witness', { controlQuestions: 'failed' }, false],
    [
      'documents, register data insufficient, no witness',
      { controlQuestions: 'insufficient_register_data' },
      false,
    ],
    ['documents, questions not asked, no witness', { controlQuestions: 'not_asked' }, false],
    [
      'questions passed but documents expired',
      { documents: [{ type: 'DK_DRIVING_LICENCE', valid: false }] },
      false,
    ],
    [
      'witness verified but documents insufficient',
      { documents: [{ type: 'FOREIGN_PASSPORT', valid: true }], witness: goodWitness },
      false,
    ],
  ] as [string, Partial<IdentityDecisionInput>, boolean][])(
    '%s → established %s',
    (_name, input, established) => {
      expect(decide(input).identityEstablished).toBe(established);
    },
  );

  it.each([
    ['not present', { ...goodWitness, present: false }, ['WITNESS_NOT_PRESENT']],
    ['no photo ID shown', { ...goodWitness, idDocumentType: undefined }, ['WITNESS_NO_PHOTO_ID']],
    [
      'a health card is no photo ID',
      { ...goodWitness, idDocumentType: 'HEALTH_INSURANCE_CARD' as const },
      ['WITNESS_NO_PHOTO_ID'],
    ],
    ['MitID too new', { ...goodWitness, mitidHeldLongEnough: false }, ['WITNESS_MITID_TOO_NEW']],
    ...(
      [
        'FOREIGN_PASSPORT',
        'FOREIGN_NATIONAL_ID_CARD',
        'RESIDENCE_PERMIT_WITHOUT_CPR',
        'MUNICIPAL_ID_CARD',
        'DK_PASSPORT_WITHOUT_CPR',
      ] as const
    ).flatMap(
      (idDocumentType) =>
        [
          [
            `with ${idDocumentType} and no document with the CPR number`,
            { ...goodWitness, idDocumentType },
            ['WITNESS_NO_CPR_DOCUMENT'],
          ],
          [
            `with ${idDocumentType} and a second document that shows no CPR number`,
            { ...goodWitness, idDocumentType, cprDocumentType: 'BIRTH_OR_NAME_CERTIFICATE' as const },
            ['WITNESS_NO_CPR_DOCUMENT'],
          ],
        ] as [string, WitnessAtDesk, string[]][],
    ),
  ])('a witness %s is not verified', (_name, witness, problems) => {
    const decision = decide({ controlQuestions: 'not_asked', witness });
    expect(decision.witnessVerified).toBe(false);
    expect(decision.identityEstablished).toBe(false);
    expect(decision.problems.map((p) => p.code)).toEqual([...problems, 'NO_QUESTIONS_AND_NO_WITNESS']);
  });

  it.each(
    (['FOREIGN_PASSPORT', 'DK_PASSPORT_WITHOUT_CPR', 'MUNICIPAL_ID_CARD'] as const).flatMap(
      (idDocumentType) =>
        (
          [
            'HEALTH_INSURANCE_CARD',
            'RESIDENCE_CERTIFICATE',
            'TAX_STATEMENT',
            'BENEFIT_PAYMENT_PROOF',
          ] as const
        ).map((cprDocumentType) => [idDocumentType, cprDocumentType] as const),
    ),
  )(
    'a witness with %s and %s, which shows the CPR number, is verified',
    (idDocumentType, cprDocumentType) => {
      const decision = decide({
        controlQuestions: 'not_asked',
        witness: { ...goodWitness, idDocumentType, cprDocumentType },
      });
      expect(decision.witnessVerified).toBe(true);
      expect(decision.problems).toEqual([]);
    },
  );

  it.each([
    'DK_DRIVING_LICENCE',
    'DK_PASSPORT_WITH_CPR',
    'RESIDENCE_PERMIT_WITH_CPR',
    'MFA_ID_CARD',
  ] as const)(
    'a witness whose photo ID %s shows the CPR number needs no second document',
    (idDocumentType) => {
      expect(
        decide({ controlQuestions: 'not_asked', witness: { ...goodWitness, idDocumentType } })
          .witnessVerified,
      ).toBe(true);
    },
  );

  it('names the missing CPR document in both languages', () => {
    const [problem] = decide({
      controlQuestions: 'passed',
      witness: { ...goodWitness, idDocumentType: 'FOREIGN_PASSPORT' },
      language: 'en',
    }).problems;
    expect(problem).toEqual({
      code: 'WITNESS_NO_CPR_DOCUMENT',
      text: problem.textEn,
      textDa: expect.stringContaining('viser ikke CPR-nummer') as string,
      textEn: expect.stringContaining('shows no CPR number') as string,
    });
  });

  it('marks the person for a witness next time only after failed or impossible questions without a witness', () => {
    expect(decide({ controlQuestions: 'failed' }).witnessRequiredNextTime).toBe(true);
    expect(decide({ controlQuestions: 'insufficient_register_data' }).witnessRequiredNextTime).toBe(true);
    expect(decide({ controlQuestions: 'failed', witness: goodWitness }).witnessRequiredNextTime).toBe(false);
    expect(decide({ controlQuestions: 'not_asked' }).witnessRequiredNextTime).toBe(false);
    expect(decide({}).witnessRequiredNextTime).toBe(false);
  });

  it('accepts a foreign driving licence only when staff mark it valid, with its second document', () => {
    const licenceAndCard = [
      { type: 'FOREIGN_DRIVING_LICENCE' as const, valid: true },
      { type: 'HEALTH_INSURANCE_CARD' as const, valid: true },
    ];
    expect(decide({ documents: licenceAndCard }).documentsSufficient).toBe(true);
    expect(decide({ documents: [licenceAndCard[0]] }).documentsSufficient).toBe(false);
  });

  it('names each problem in Danish and English, with the configured MitID age', () => {
    const [problem] = decide({
      controlQuestions: 'not_asked',
      witness: { ...goodWitness, mitidHeldLongEnough: false },
      witnessMitidMinDays: 10,
    }).problems;
    expect(problem.text).toContain('10 dage');
    expect(problem.textEn).toContain('10 days');
    expect(codes({ documents: [], controlQuestions: 'failed' })).toEqual([
      'DOCUMENTS_INSUFFICIENT',
      'CONTROL_QUESTIONS_FAILED',
    ]);
  });
});

describe('decideIdentity without a CPR number (the P-code route)', () => {
  it.each<[string, IdentityDecisionInput['documents'], boolean]>([
    ['a valid foreign passport alone', [{ type: 'FOREIGN_PASSPORT', valid: true }], true],
    ['a valid national ID card alone', [{ type: 'FOREIGN_NATIONAL_ID_CARD', valid: true }], true],
    ['an expired passport', [{ type: 'FOREIGN_PASSPORT', valid: false }], false],
    ['a Danish driving licence', [{ type: 'DK_DRIVING_LICENCE', valid: true }], false],
    [
      'health card and residence certificate',
      [
        { type: 'HEALTH_INSURANCE_CARD', valid: true },
        { type: 'RESIDENCE_CERTIFICATE', valid: true },
      ],
      false,
    ],
  ])('%s → documents sufficient %s', (_label, documents, sufficient) => {
    const decision = decide({
      documents,
      hasCprNumber: false,
      controlQuestions: 'not_asked',
      witness: goodWitness,
    });
    expect(decision.documentsSufficient).toBe(sufficient);
    const problem = decision.problems.find((p) => p.code === 'DOCUMENTS_INSUFFICIENT');
    if (sufficient) expect(problem).toBeUndefined();
    else {
      expect(problem?.text).toMatch(/pas eller nationalt ID-kort/);
      expect(problem?.textEn).toMatch(
        /passport or national ID card.*P code.*most self-service solutions require a CPR number/,
      );
    }
  });
});

describe('decideIdentity: the texts of its problems', () => {
  it.each(['da', 'en'] as const)('in %s, with both beside it', (language) => {
    const { problems } = decide({ controlQuestions: 'failed', documents: [], language });
    expect(problems.length).toBeGreaterThan(1);
    for (const problem of problems) {
      expect(problem.textDa).not.toBe(problem.textEn);
      expect(problem.text).toBe(language === 'da' ? problem.textDa : problem.textEn);
    }
  });

  it('is Danish when no language is said, as before', () => {
    const [problem] = decide({ documents: [] }).problems;
    expect(problem.text).toBe(problem.textDa);
  });
});
