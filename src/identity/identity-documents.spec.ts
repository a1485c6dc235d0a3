import {
  DOCUMENT_TYPES,
  DocumentType,
  evaluateDocuments,
  Language,
  MissingCode,
  primaryDocument,
  withDocumentTexts,
} from './identity-documents.js';

const codes = (documents: readonly DocumentType[], options: { acceptForeignDrivingLicence?: boolean } = {}) =>
  evaluateDocuments(documents, 'en', options).missing.map((m) => m.code);

const ENOUGH_ALONE: DocumentType[] = [
  'DK_DRIVING_LICENCE',
  'DK_PASSPORT_WITH_CPR',
  'RESIDENCE_PERMIT_WITH_CPR',
  'MFA_ID_CARD',
];
const NEEDS_SECOND: DocumentType[] = [
  'FOREIGN_PASSPORT',
  'FOREIGN_NATIONAL_ID_CARD',
  'RESIDENCE_PERMIT_WITHOUT_CPR',
  'MUNICIPAL_ID_CARD',
  'DK_PASSPORT_WITHOUT_CPR',
];

describe('evaluateDocuments: each document alone', () => {
  it('the table below covers all 15 document types', () => {
    expect(DOCUMENT_TYPES).toHaveLength(15);
  });

  it.each<[DocumentType, boolean, MissingCode[]]>([
    ['DK_DRIVING_LICENCE', true, []],
    ['DK_PASSPORT_WITH_CPR', true, []],
    ['RESIDENCE_PERMIT_WITH_CPR', true, []],
    ['MFA_ID_CARD', true, []],
    ['FOREIGN_PASSPORT', false, ['SECOND_DOCUMENT']],
    ['FOREIGN_NATIONAL_ID_CARD', false, ['SECOND_DOCUMENT']],
    ['RESIDENCE_PERMIT_WITHOUT_CPR', false, ['SECOND_DOCUMENT']],
    ['MUNICIPAL_ID_CARD', false, ['SECOND_DOCUMENT']],
    ['DK_PASSPORT_WITHOUT_CPR', false, ['SECOND_DOCUMENT']],
    ['FOREIGN_DRIVING_LICENCE', false, ['PHOTO_ID_OR_TWO_DOCUMENTS']],
    ['HEALTH_INSURANCE_CARD', false, ['ANOTHER_NO_PHOTO_DOCUMENT']],
    ['RESIDENCE_CERTIFICATE', false, ['ANOTHER_NO_PHOTO_DOCUMENT']],
    ['BIRTH_OR_NAME_CERTIFICATE', false, ['ANOTHER_NO_PHOTO_DOCUMENT', 'DOCUMENT_WITH_CPR']],
    ['TAX_STATEMENT', false, ['ANOTHER_NO_PHOTO_DOCUMENT', 'CERTIFICATE_OR_HEALTH_CARD']],
    ['BENEFIT_PAYMENT_PROOF', false, ['ANOTHER_NO_PHOTO_DOCUMENT', 'CERTIFICATE_OR_HEALTH_CARD']],
  ])('%s → sufficient %s, missing %j', (document, sufficient, missing) => {
    const advice = evaluateDocuments([document], 'en');
    expect(advice.sufficient).toBe(sufficient);
    expect(advice.missing.map((m) => m.code)).toEqual(missing);
  });

  it('every document type appears in the table above', () => {
    const tabled = new Set<DocumentType>([
      ...ENOUGH_ALONE,
      ...NEEDS_SECOND,
      'FOREIGN_DRIVING_LICENCE',
      'HEALTH_INSURANCE_CARD',
      'RESIDENCE_CERTIFICATE',
      'BIRTH_OR_NAME_CERTIFICATE',
      'TAX_STATEMENT',
      'BENEFIT_PAYMENT_PROOF',
    ]);
    expect([...tabled].sort()).toEqual([...DOCUMENT_TYPES].sort());
  });
});

describe('evaluateDocuments: photo ID that needs a second document', () => {
  it.each(NEEDS_SECOND.map((document) => [document]))(
    '%s + HEALTH_INSURANCE_CARD → sufficient',
    (document) => {
      expect(evaluateDocuments([document, 'HEALTH_INSURANCE_CARD'], 'en')).toEqual({
        sufficient: true,
        missing: [],
      });
    },
  );

  it.each(NEEDS_SECOND.map((document) => [document]))(
    '%s + RESIDENCE_CERTIFICATE → sufficient',
    (document) => {
      expect(evaluateDocuments([document, 'RESIDENCE_CERTIFICATE'], 'en')).toEqual({
        sufficient: true,
        missing: [],
      });
    },
  );

  it.each(NEEDS_SECOND.map((document) => [document]))(
    'HEALTH_INSURANCE_CARD listed before %s → sufficient',
    (document) => {
      expect(evaluateDocuments(['HEALTH_INSURANCE_CARD', document], 'en').sufficient).toBe(true);
    },
  );

  it.each(NEEDS_SECOND.map((document) => [document]))(
    '%s + TAX_STATEMENT only → SECOND_DOCUMENT',
    (document) => {
      const advice = evaluateDocuments([document, 'TAX_STATEMENT'], 'en');
      expect(advice.sufficient).toBe(false);
      expect(advice.missing.map((m) => m.code)).toEqual(['SECOND_DOCUMENT']);
    },
  );

  it.each<[DocumentType[]]>([
    [['FOREIGN_PASSPORT', 'FOREIGN_NATIONAL_ID_CARD']],
    [['FOREIGN_PASSPORT', 'MUNICIPAL_ID_CARD']],
    [['DK_PASSPORT_WITHOUT_CPR', 'RESIDENCE_PERMIT_WITHOUT_CPR']],
  ])(
    'two photo IDs that each need a second document are not a second document for each other: %j',
    (documents) => {
      expect(codes(documents)).toEqual(['SECOND_DOCUMENT']);
    },
  );

  it.each(ENOUGH_ALONE.map((document) => [document]))(
    '%s stays sufficient next to anything else',
    (document) => {
      expect(evaluateDocuments([document, 'FOREIGN_PASSPORT', 'TAX_STATEMENT'], 'en').sufficient).toBe(true);
      expect(evaluateDocuments(['BIRTH_OR_NAME_CERTIFICATE', document], 'en').sufficient).toBe(true);
    },
  );
});

describe('evaluateDocuments: no photo ID', () => {
  it.each<[DocumentType[], boolean, MissingCode[]]>([
    [['BIRTH_OR_NAME_CERTIFICATE', 'TAX_STATEMENT'], true, []],
    [['BIRTH_OR_NAME_CERTIFICATE', 'BENEFIT_PAYMENT_PROOF'], true, []],
    [['BIRTH_OR_NAME_CERTIFICATE', 'HEALTH_INSURANCE_CARD'], true, []],
    [['BIRTH_OR_NAME_CERTIFICATE', 'RESIDENCE_CERTIFICATE'], true, []],
    [['HEALTH_INSURANCE_CARD', 'BENEFIT_PAYMENT_PROOF'], true, []],
    [['HEALTH_INSURANCE_CARD', 'TAX_STATEMENT'], true, []],
    [['HEALTH_INSURANCE_CARD', 'RESIDENCE_CERTIFICATE'], true, []],
    [['RESIDENCE_CERTIFICATE', 'TAX_STATEMENT'], true, []],
    [['TAX_STATEMENT', 'BENEFIT_PAYMENT_PROOF'], false, ['CERTIFICATE_OR_HEALTH_CARD']],
    [['BIRTH_OR_NAME_CERTIFICATE'], false, ['ANOTHER_NO_PHOTO_DOCUMENT', 'DOCUMENT_WITH_CPR']],
    [[], false, ['PHOTO_ID_OR_TWO_DOCUMENTS']],
    [['HEALTH_INSURANCE_CARD', 'HEALTH_INSURANCE_CARD'], false, ['ANOTHER_NO_PHOTO_DOCUMENT']],
    [
      ['BIRTH_OR_NAME_CERTIFICATE', 'BIRTH_OR_NAME_CERTIFICATE'],
      false,
      ['ANOTHER_NO_PHOTO_DOCUMENT', 'DOCUMENT_WITH_CPR'],
    ],
    [
      ['TAX_STATEMENT', 'TAX_STATEMENT', 'TAX_STATEMENT'],
      false,
      ['ANOTHER_NO_PHOTO_DOCUMENT', 'CERTIFICATE_OR_HEALTH_CARD'],
    ],
  ])('%j → sufficient %s, missing %j', (documents, sufficient, missing) => {
    const advice = evaluateDocuments(documents, 'en');
    expect(advice.sufficient).toBe(sufficient);
    expect(advice.missing.map((m) => m.code)).toEqual(missing);
  });

  it('the same document listed twice is not two documents', () => {
    expect(evaluateDocuments(['HEALTH_INSURANCE_CARD', 'HEALTH_INSURANCE_CARD'], 'en').sufficient).toBe(
      false,
    );
  });
});

describe('evaluateDocuments: the disputed foreign driving licence', () => {
  it.each<[DocumentType[], boolean | undefined, boolean, MissingCode[]]>([
    // by default the licence does not count; the health card alone is one no-photo document
    [['FOREIGN_DRIVING_LICENCE', 'HEALTH_INSURANCE_CARD'], undefined, false, ['ANOTHER_NO_PHOTO_DOCUMENT']],
    [['FOREIGN_DRIVING_LICENCE', 'HEALTH_INSURANCE_CARD'], false, false, ['ANOTHER_NO_PHOTO_DOCUMENT']],
    [['FOREIGN_DRIVING_LICENCE', 'HEALTH_INSURANCE_CARD'], true, true, []],
    [['FOREIGN_DRIVING_LICENCE', 'RESIDENCE_CERTIFICATE'], true, true, []],
    [['FOREIGN_DRIVING_LICENCE'], undefined, false, ['PHOTO_ID_OR_TWO_DOCUMENTS']],
    [['FOREIGN_DRIVING_LICENCE'], true, false, ['SECOND_DOCUMENT']],
    [['FOREIGN_DRIVING_LICENCE', 'TAX_STATEMENT'], true, false, ['SECOND_DOCUMENT']],
  ])(
    '%j with acceptForeignDrivingLicence %s → sufficient %s, missing %j',
    (documents, accept, sufficient, missing) => {
      const options = accept === undefined ? undefined : { acceptForeignDrivingLicence: accept };
      const advice = evaluateDocuments(documents, 'en', options);
      expect(advice.sufficient).toBe(sufficient);
      expect(advice.missing.map((m) => m.code)).toEqual(missing);
    },
  );
});

describe('evaluateDocuments: bringing one more document never makes a sufficient set insufficient', () => {
  // BIRTH_OR_NAME_CERTIFICATE + TAX_STATEMENT is sufficient on the no-photo route (docs/rules.md: two documents, one a
  // certificate, one showing the CPR number). Also bringing a photo ID that needs a second document must not undo that.
  it.each<[DocumentType[], { acceptForeignDrivingLicence?: boolean }]>([
    [['BIRTH_OR_NAME_CERTIFICATE', 'TAX_STATEMENT'], {}],
    [['BIRTH_OR_NAME_CERTIFICATE', 'TAX_STATEMENT', 'FOREIGN_DRIVING_LICENCE'], {}],
    [
      ['BIRTH_OR_NAME_CERTIFICATE', 'TAX_STATEMENT', 'FOREIGN_DRIVING_LICENCE'],
      { acceptForeignDrivingLicence: true },
    ],
    [['BIRTH_OR_NAME_CERTIFICATE', 'TAX_STATEMENT', 'FOREIGN_PASSPORT'], {}],
    [['BIRTH_OR_NAME_CERTIFICATE', 'BENEFIT_PAYMENT_PROOF', 'MUNICIPAL_ID_CARD'], {}],
    [['DK_PASSPORT_WITHOUT_CPR', 'BIRTH_OR_NAME_CERTIFICATE', 'TAX_STATEMENT'], {}],
  ])('%j with %j → sufficient', (documents, options) => {
    expect(evaluateDocuments(documents, 'en', options)).toEqual({ sufficient: true, missing: [] });
  });
});

describe('evaluateDocuments: texts', () => {
  const producing: [MissingCode, DocumentType[]][] = [
    ['PHOTO_ID_OR_TWO_DOCUMENTS', []],
    ['SECOND_DOCUMENT', ['FOREIGN_PASSPORT']],
    ['ANOTHER_NO_PHOTO_DOCUMENT', ['HEALTH_INSURANCE_CARD']],
    ['CERTIFICATE_OR_HEALTH_CARD', ['TAX_STATEMENT', 'BENEFIT_PAYMENT_PROOF']],
    ['DOCUMENT_WITH_CPR', ['BIRTH_OR_NAME_CERTIFICATE']],
  ];

  const textOf = (code: MissingCode, documents: DocumentType[], language: Language): string => {
    const entry = evaluateDocuments(documents, language).missing.find((m) => m.code === code);
    if (!entry) throw new Error(`${code} not produced by ${JSON.stringify(documents)}`);
    return entry.text;
  };

  it.each(producing)('%s has a Danish and an English text that differ', (code, documents) => {
    const da = textOf(code, documents, 'da');
    const en = textOf(code, documents, 'en');
    expect(da.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(da).not.toBe(en);
  });

  it.each(producing)('%s: the language changes the text only, not the codes', (_code, documents) => {
    const da = evaluateDocuments(documents, 'da');
    const en = evaluateDocuments(documents, 'en');
    expect(da.sufficient).toBe(en.sufficient);
    expect(da.missing.map((m) => m.code)).toEqual(en.missing.map((m) => m.code));
  });

  it.each<[MissingCode, RegExp, RegExp]>([
    ['SECOND_DOCUMENT', /sundhedskort/, /health insurance card/],
    ['DOCUMENT_WITH_CPR', /CPR-nummer/, /CPR number/],
  ])('%s speaks Danish for da and English for en', (code, danish, english) => {
    const documents = producing.find(([c]) => c === code)![1];
    expect(textOf(code, documents, 'da')).toMatch(danish);
    expect(textOf(code, documents, 'en')).toMatch(english);
  });
});

describe('primaryDocument', () => {
  it.each<[DocumentType[], DocumentType | undefined]>([
    [['HEALTH_INSURANCE_CARD', 'FOREIGN_PASSPORT'], 'FOREIGN_PASSPORT'],
    [
      ['TAX_STATEMENT', 'BIRTH_OR_NAME_CERTIFICATE', 'DK_DRIVING_LICENCE', 'FOREIGN_PASSPORT'],
      'DK_DRIVING_LICENCE',
    ],
    [['DK_DRIVING_LICENCE', 'FOREIGN_PASSPORT'], 'DK_DRIVING_LICENCE'],
    [['FOREIGN_PASSPORT', 'DK_DRIVING_LICENCE'], 'FOREIGN_PASSPORT'],
    [['RESIDENCE_CERTIFICATE', 'MUNICIPAL_ID_CARD'], 'MUNICIPAL_ID_CARD'],
    [['HEALTH_INSURANCE_CARD', 'FOREIGN_DRIVING_LICENCE'], 'FOREIGN_DRIVING_LICENCE'],
    [['HEALTH_INSURANCE_CARD', 'TAX_STATEMENT'], 'HEALTH_INSURANCE_CARD'],
    [['TAX_STATEMENT'], 'TAX_STATEMENT'],
    [[], undefined],
  ])('%j → %s', (documents, primary) => {
    expect(primaryDocument(documents)).toBe(primary);
  });
});

describe('evaluateDocuments: an applicant without a CPR number comes for a P code', () => {
  const route = (documents: DocumentType[]) => evaluateDocuments(documents, 'en', { hasCprNumber: false });
  it.each<[DocumentType[], boolean]>([
    [['FOREIGN_PASSPORT'], true],
    [['FOREIGN_NATIONAL_ID_CARD'], true],
    [['DK_PASSPORT_WITHOUT_CPR'], true],
    [['DK_PASSPORT_WITH_CPR'], true],
    [['FOREIGN_PASSPORT', 'HEALTH_INSURANCE_CARD'], true],
    [['FOREIGN_DRIVING_LICENCE', 'FOREIGN_NATIONAL_ID_CARD'], true],
    [[], false],
    [['DK_DRIVING_LICENCE'], false],
    [['RESIDENCE_PERMIT_WITH_CPR'], false],
    [['RESIDENCE_PERMIT_WITHOUT_CPR'], false],
    [['MFA_ID_CARD'], false],
    [['MUNICIPAL_ID_CARD'], false],
    [['FOREIGN_DRIVING_LICENCE'], false],
    [['HEALTH_INSURANCE_CARD', 'RESIDENCE_CERTIFICATE'], false],
    [['BIRTH_OR_NAME_CERTIFICATE', 'TAX_STATEMENT', 'BENEFIT_PAYMENT_PROOF'], false],
  ])('%j → sufficient %s', (documents, sufficient) => {
    const advice = route(documents);
    expect(advice.sufficient).toBe(sufficient);
    expect(advice.missing.map((m) => m.code)).toEqual(sufficient ? [] : ['PASSPORT_OR_NATIONAL_ID_CARD']);
  });

  it('asks for a passport or national ID card, never a document with a CPR number, and explains the P code', () => {
    for (const language of ['da', 'en'] as const) {
      const [missing] = evaluateDocuments([], language, { hasCprNumber: false }).missing;
      expect(missing.text).not.toMatch(/sundhedskort|bopælsattest|health insurance|residence certificate/i);
      expect(missing.text).toMatch(
        language === 'da' ? /pas eller nationalt ID-kort/ : /passport or national ID card/,
      );
      expect(missing.text).toMatch(language === 'da' ? /MitID-appen/ : /MitID app/);
      expect(missing.text).toMatch(
        language === 'da'
          ? /de fleste selvbetjeningsløsninger kræver et CPR-nummer/
          : /most self-service solutions require a CPR number/,
      );
    }
  });

  it('is the rule for a CPR holder as before when hasCprNumber is true or not said', () => {
    for (const documents of [['FOREIGN_PASSPORT'], ['DK_DRIVING_LICENCE'], []] as DocumentType[][]) {
      expect(evaluateDocuments(documents, 'en', { hasCprNumber: true })).toEqual(
        evaluateDocuments(documents, 'en'),
      );
    }
    expect(codes(['FOREIGN_PASSPORT'])).toEqual(['SECOND_DOCUMENT']);
  });
});

describe('one shape for texts', () => {
  it('gives every missing document its text in the language asked for, and both', () => {
    for (const language of ['da', 'en'] as const) {
      for (const documents of [[], ['FOREIGN_PASSPORT'], ['TAX_STATEMENT']] as DocumentType[][]) {
        for (const missing of evaluateDocuments(documents, language).missing) {
          expect(missing.textDa).not.toBe(missing.textEn);
          expect(missing.text).toBe(language === 'da' ? missing.textDa : missing.textEn);
        }
      }
    }
  });

  it('adds both texts to advice stored with only its text, keeping the text', () => {
    const stored = { sufficient: false, missing: [{ code: 'SECOND_DOCUMENT', text: 'as stored' }] };
    expect(withDocumentTexts(stored as never, 'en')).toEqual({
      sufficient: false,
      missing: [
        {
          code: 'SECOND_DOCUMENT',
          text: 'as stored',
          textDa: 'Medbring også dit sundhedskort (det gule kort) eller en bopælsattest.',
          textEn:
            'Also bring your Danish health insurance card (yellow card) or a residence certificate (bopælsattest).',
        },
      ],
    });
  });
});
