export const DOCUMENT_TYPES = [
  'DK_DRIVING_LICENCE',
  'DK_PASSPORT_WITH_CPR',
  'DK_PASSPORT_WITHOUT_CPR',
  'RESIDENCE_PERMIT_WITH_CPR',
  'RESIDENCE_PERMIT_WITHOUT_CPR',
  'MFA_ID_CARD',
  'FOREIGN_PASSPORT',
  'FOREIGN_NATIONAL_ID_CARD',
  'FOREIGN_DRIVING_LICENCE',
  'MUNICIPAL_ID_CARD',
  'HEALTH_INSURANCE_CARD',
  'RESIDENCE_CERTIFICATE',
  'BIRTH_OR_NAME_CERTIFICATE',
  'TAX_STATEMENT',
  'BENEFIT_PAYMENT_PROOF',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export type Language = 'da' | 'en';

/**
 * The rules of mitid.dk/digst.dk as data. `alone`: photo ID that is enough by itself. `withSecond`: photo ID that
 * needs one of `second`. Without photo ID: two of `noPhotoId`, one of them in `noPhotoIdAnchor`, one showing a
 * CPR number. A foreign driving licence is disputed between sources: it counts as photo ID needing a second
 * document only when staff accept it at the desk.
 */
export const DOCUMENT_RULES = {
  alone: ['DK_DRIVING_LICENCE', 'DK_PASSPORT_WITH_CPR', 'RESIDENCE_PERMIT_WITH_CPR', 'MFA_ID_CARD'],
  withSecond: [
    'FOREIGN_PASSPORT',
    'FOREIGN_NATIONAL_ID_CARD',
    'RESIDENCE_PERMIT_WITHOUT_CPR',
    'MUNICIPAL_ID_CARD',
    'DK_PASSPORT_WITHOUT_CPR',
  ],
  second: ['HEALTH_INSURANCE_CARD', 'RESIDENCE_CERTIFICATE'],
  noPhotoId: [
    'BIRTH_OR_NAME_CERTIFICATE',
    'HEALTH_INSURANCE_CARD',
    'RESIDENCE_CERTIFICATE',
    'TAX_STATEMENT',
    'BENEFIT_PAYMENT_PROOF',
  ],
  noPhotoIdAnchor: ['BIRTH_OR_NAME_CERTIFICATE', 'HEALTH_INSURANCE_CARD', 'RESIDENCE_CERTIFICATE'],
  showsCpr: ['HEALTH_INSURANCE_CARD', 'RESIDENCE_CERTIFICATE', 'TAX_STATEMENT', 'BENEFIT_PAYMENT_PROOF'],
  foreign: ['FOREIGN_PASSPORT', 'FOREIGN_NATIONAL_ID_CARD', 'FOREIGN_DRIVING_LICENCE'],
  disputed: ['FOREIGN_DRIVING_LICENCE'],
  /** A P code is used with the MitID app and one of these: a passport or national ID card. */
  pCode: ['FOREIGN_PASSPORT', 'FOREIGN_NATIONAL_ID_CARD', 'DK_PASSPORT_WITH_CPR', 'DK_PASSPORT_WITHOUT_CPR'],
} satisfies Record<string, DocumentType[]>;

export type MissingCode =
  | 'PASSPORT_OR_NATIONAL_ID_CARD'
  | 'PHOTO_ID_OR_TWO_DOCUMENTS'
  | 'SECOND_DOCUMENT'
  | 'ANOTHER_NO_PHOTO_DOCUMENT'
  | 'CERTIFICATE_OR_HEALTH_CARD'
  | 'DOCUMENT_WITH_CPR';

export interface DocumentAdvice {
  sufficient: boolean;
  /** `text` in the applicant's language, beside it both. */
  missing: { code: MissingCode; text: string; textDa: string; textEn: string }[];
}

/** What the P code is for, said wherever an applicant without a CPR number is told what to bring. */
export const P_CODE_EXPLAINED: Record<Language, string> = {
  da: 'P-koden bruges i MitID-appen sammen med dit pas eller ID-kort i stedet for et CPR-nummer. Bemærk, at de fleste selvbetjeningsløsninger kræver et CPR-nummer.',
  en: 'The P code is used in the MitID app together with your passport or ID card instead of a CPR number. Note that most self-service solutions require a CPR number.',
};

const TEXTS: Record<MissingCode, Record<Language, string>> = {
  PASSPORT_OR_NATIONAL_ID_CARD: {
    da: `Uden CPR-nummer får du en P-kode: medbring et gyldigt pas eller nationalt ID-kort. ${P_CODE_EXPLAINED.da}`,
    en: `Without a CPR number you get a P code: bring a valid passport or national ID card. ${P_CODE_EXPLAINED.en}`,
  },
  PHOTO_ID_OR_TWO_DOCUMENTS: {
    da: 'Medbring gyldig billed-ID: dansk kørekort, dansk pas med CPR-nummer, opholdstilladelse med CPR-nummer eller Udenrigsministeriets ID-kort — eller udenlandsk pas/ID-kort sammen med sundhedskort eller bopælsattest.',
    en: 'Bring valid photo ID: a Danish driving licence, a Danish passport with CPR number, a residence permit with CPR number or a Ministry of Foreign Affairs ID card — or a foreign passport/ID card together with your health insurance card or a residence certificate.',
  },
  SECOND_DOCUMENT: {
    da: 'Medbring også dit sundhedskort (det gule kort) eller en bopælsattest.',
    en: 'Also bring your Danish health insurance card (yellow card) or a residence certificate (bopælsattest).',
  },
  ANOTHER_NO_PHOTO_DOCUMENT: {
    da: 'Uden billed-ID skal du medbringe mindst to dokumenter: personattest/dåbs- eller navneattest, sundhedskort, bopælsattest, årsopgørelse eller forskudsopgørelse, eller bevis for offentlig ydelse under tre måneder gammelt.',
    en: 'Without photo ID, bring at least two documents: a personal, baptism or name certificate, health insurance card, residence certificate, latest annual tax statement or preliminary assessment, or proof of a public benefit payment less than three months old.',
  },
  CERTIFICATE_OR_HEALTH_CARD: {
    da: 'Et af dokumenterne skal være en attest (person-, dåbs- eller navneattest), dit sundhedskort eller en bopælsattest.',
    en: 'One of the documents must be a certificate (personal, baptism or name), your health insurance card or a residence certificate.',
  },
  DOCUMENT_WITH_CPR: {
    da: 'Mindst ét af dokumenterne skal vise dit CPR-nummer.',
    en: 'At least one of the documents must show your CPR number.',
  },
};

function missingText(code: MissingCode, language: Language): DocumentAdvice['missing'][number] {
  return { code, text: TEXTS[code][language], textDa: TEXTS[code].da, textEn: TEXTS[code].en };
}

/** Advice as stored, with both languages' texts (advice stored before they were kept has only `text`). */
export function withDocumentTexts(advice: DocumentAdvice, language: Language): DocumentAdvice {
  return {
    sufficient: advice.sufficient,
    missing: advice.missing.map(({ code, text }) => ({ ...missingText(code, language), text })),
  };
}

const includes = (list: readonly DocumentType[], type: DocumentType) => list.includes(type);

/**
 * The one evaluator for identity documents: at booking over what the applicant will bring (advice), at
 * check-in over what staff saw and found valid (decision). An applicant without a CPR number (`hasCprNumber:
 * false`) comes for a P code and can hold no document with a CPR number: a passport or national ID card it is.
 */
export function evaluateDocuments(
  documents: readonly DocumentType[],
  language: Language,
  options: { acceptForeignDrivingLicence?: boolean; hasCprNumber?: boolean } = {},
): DocumentAdvice {
  const missing = (...codes: MissingCode[]): DocumentAdvice => ({
    sufficient: codes.length === 0,
    missing: codes.map((code) => missingText(code, language)),
  });
  const held = new Set(documents);
  const has = (list: readonly DocumentType[]) => [...held].some((type) => includes(list, type));
  if (options.hasCprNumber === false)
    return has(DOCUMENT_RULES.pCode) ? missing() : missing('PASSPORT_OR_NATIONAL_ID_CARD');
  if (has(DOCUMENT_RULES.alone)) return missing();

  const photoNeedingSecond = options.acceptForeignDrivingLicence
    ? [...DOCUMENT_RULES.withSecond, ...DOCUMENT_RULES.disputed]
    : DOCUMENT_RULES.withSecond;
  const withoutPhoto = noPhotoIdGaps(held);
  // Any one way of proving identity is enough: a photo ID with its second document, or the no-photo-ID set.
  if (withoutPhoto.length === 0) return missing();
  if (has(photoNeedingSecond)) return has(DOCUMENT_RULES.second) ? missing() : missing('SECOND_DOCUMENT');
  return missing(...withoutPhoto);
}

function noPhotoIdGaps(held: Set<DocumentType>): MissingCode[] {
  const supporting = [...held].filter((type) => includes(DOCUMENT_RULES.noPhotoId, type));
  if (supporting.length === 0) return ['PHOTO_ID_OR_TWO_DOCUMENTS'];
  const gaps: MissingCode[] = [];
  if (supporting.length < 2) gaps.push('ANOTHER_NO_PHOTO_DOCUMENT');
  if (!supporting.some((type) => includes(DOCUMENT_RULES.noPhotoIdAnchor, type)))
    gaps.push('CERTIFICATE_OR_HEALTH_CARD');
  if (!supporting.some((type) => includes(DOCUMENT_RULES.showsCpr, type))) gaps.push('DOCUMENT_WITH_CPR');
  return gaps;
}

/** The declared primary document: the first photo ID in the list, else the first document. */
export function primaryDocument(documents: readonly DocumentType[]): DocumentType | undefined {
  const photo = [...DOCUMENT_RULES.alone, ...DOCUMENT_RULES.withSecond, ...DOCUMENT_RULES.disputed];
  return documents.find((type) => includes(photo, type)) ?? documents[0];
}
