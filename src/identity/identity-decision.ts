import {
  DOCUMENT_RULES,
  DocumentType,
  evaluateDocuments,
  Language,
  P_CODE_EXPLAINED,
} from './identity-documents.js';

export const CONTROL_QUESTION_OUTCOMES = [
  'passed',
  'failed',
  'insufficient_register_data',
  'not_asked',
] as const;
export type ControlQuestions = (typeof CONTROL_QUESTION_OUTCOMES)[number];

export const IDENTITY_PROBLEM_CODES = [
  'DOCUMENTS_INSUFFICIENT',
  'CONTROL_QUESTIONS_FAILED',
  'REGISTER_DATA_INSUFFICIENT',
  'NO_QUESTIONS_AND_NO_WITNESS',
  'WITNESS_NOT_PRESENT',
  'WITNESS_NO_PHOTO_ID',
  'WITNESS_NO_CPR_DOCUMENT',
  'WITNESS_MITID_TOO_NEW',
] as const;
export type IdentityProblemCode = (typeof IDENTITY_PROBLEM_CODES)[number];

export interface IdentityProblem {
  code: IdentityProblemCode;
  /** In the applicant's language; both beside it (checks stored before they were kept have no textDa: text is Danish). */
  text: string;
  textDa?: string;
  textEn: string;
}

/** What staff saw of the witness at the desk; the hard refusals (age, applicant, acts) are checked before this. */
export interface WitnessAtDesk {
  present: boolean;
  /** The photo ID the witness showed, if any. */
  idDocumentType?: DocumentType;
  /** Beside a photo ID that shows no CPR number: the document the witness showed that does. */
  cprDocumentType?: DocumentType;
  /** Staff confirmed the witness has held MitID for more than the configured number of days. */
  mitidHeldLongEnough: boolean;
}

export interface IdentityDecisionInput {
  documents: { type: DocumentType; valid: boolean }[];
  controlQuestions: ControlQuestions;
  witness?: WitnessAtDesk;
  witnessMitidMinDays: number;
  /** false: the applicant has no CPR number and comes for a P code (passport or national ID card). */
  hasCprNumber?: boolean;
  /** The language of each problem's `text`; Danish unless said. */
  language?: Language;
}

export interface IdentityDecision {
  identityEstablished: boolean;
  documentsSufficient: boolean;
  witnessVerified: boolean;
  problems: IdentityProblem[];
  /** Questions failed or impossible and no verified witness: the person must come back with one. */
  witnessRequiredNextTime: boolean;
}

/** A witness's own photo ID: any document that is photo ID for an applicant (the disputed licence is not). */
const WITNESS_PHOTO_ID: DocumentType[] = [...DOCUMENT_RULES.alone, ...DOCUMENT_RULES.withSecond];
/** Photo ID that shows no CPR number: the witness's CPR number must be seen on a second document. */
const WITNESS_PHOTO_ID_WITHOUT_CPR: DocumentType[] = DOCUMENT_RULES.withSecond;
const SHOWS_CPR: DocumentType[] = DOCUMENT_RULES.showsCpr;

/** Without a CPR number the documents that count are a passport or national ID card, for the P code. */
const DOCUMENTS_INSUFFICIENT_WITHOUT_CPR = {
  da: `Ansøgeren har intet CPR-nummer og skal have en P-kode: det kræver et gyldigt pas eller nationalt ID-kort, og der er ikke vist noget. ${P_CODE_EXPLAINED.da}`,
  en: `The applicant has no CPR number and comes for a P code: that needs a valid passport or national ID card, and none was shown. ${P_CODE_EXPLAINED.en}`,
};

const TEXTS: Record<IdentityProblemCode, (days: number) => { da: string; en: string }> = {
  DOCUMENTS_INSUFFICIENT: () => ({
    da: 'De viste gyldige dokumenter er ikke nok til at fastslå identiteten.',
    en: 'The valid documents shown are not enough to establish identity.',
  }),
  CONTROL_QUESTIONS_FAILED: () => ({
    da: 'Kontrolspørgsmålene blev ikke besvaret korrekt, og der er intet godkendt vidne.',
    en: 'The control questions were not answered correctly and there is no verified witness.',
  }),
  REGISTER_DATA_INSUFFICIENT: () => ({
    da: 'CPR-registeret har for få oplysninger til kontrolspørgsmål, og der er intet godkendt vidne.',
    en: 'The CPR register holds too little for control questions and there is no verified witness.',
  }),
  NO_QUESTIONS_AND_NO_WITNESS: () => ({
    da: 'Der blev ikke stillet kontrolspørgsmål, og der er intet godkendt vidne.',
    en: 'No control questions were asked and there is no verified witness.',
  }),
  WITNESS_NOT_PRESENT: () => ({ da: 'Vidnet er ikke mødt op.', en: 'The witness is not present.' }),
  WITNESS_NO_PHOTO_ID: () => ({
    da: 'Vidnet har ikke vist gyldig billed-ID.',
    en: 'The witness has not shown valid photo ID.',
  }),
  WITNESS_NO_CPR_DOCUMENT: () => ({
    da: 'Vidnets billed-ID viser ikke CPR-nummer, og vidnet har ikke vist et dokument med CPR-nummer (sundhedskort, bopælsattest, årsopgørelse eller udbetalingsbevis).',
    en: "The witness's photo ID shows no CPR number, and the witness has not shown a document with it (health insurance card, residence certificate, tax statement or benefit payment proof).",
  }),
  WITNESS_MITID_TOO_NEW: (days) => ({
    da: `Vidnet skal have haft MitID i mere end ${days} dage.`,
    en: `The witness must have held MitID for more than ${days} days.`,
  }),
};

/**
 * The identity decision at the desk: documents judged by the same evaluator as at booking (over the documents
 * staff found valid), and identity only when they suffice AND (questions passed OR a witness verified present).
 */
export function decideIdentity(input: IdentityDecisionInput): IdentityDecision {
  const problems: IdentityProblemCode[] = [];
  const valid = input.documents.filter((document) => document.valid).map((document) => document.type);
  // A foreign driving licence is disputed between sources: marked valid, staff have accepted it.
  const documents = evaluateDocuments(valid, 'da', {
    acceptForeignDrivingLicence: valid.includes('FOREIGN_DRIVING_LICENCE'),
    hasCprNumber: input.hasCprNumber,
  });
  if (!documents.sufficient) problems.push('DOCUMENTS_INSUFFICIENT');

  const witness = input.witness;
  if (witness) {
    if (!witness.present) problems.push('WITNESS_NOT_PRESENT');
    if (!witness.idDocumentType || !WITNESS_PHOTO_ID.includes(witness.idDocumentType))
      problems.push('WITNESS_NO_PHOTO_ID');
    else if (
      WITNESS_PHOTO_ID_WITHOUT_CPR.includes(witness.idDocumentType) &&
      !(witness.cprDocumentType && SHOWS_CPR.includes(witness.cprDocumentType))
    )
      problems.push('WITNESS_NO_CPR_DOCUMENT');
    if (!witness.mitidHeldLongEnough) problems.push('WITNESS_MITID_TOO_NEW');
  }
  const witnessVerified =
    !!witness && witness.present && !problems.some((code) => code.startsWith('WITNESS_'));
  const questionsPassed = input.controlQuestions === 'passed';
  if (!questionsPassed && !witnessVerified) {
    problems.push(
      input.controlQuestions === 'failed'
        ? 'CONTROL_QUESTIONS_FAILED'
        : input.controlQuestions === 'insufficient_register_data'
          ? 'REGISTER_DATA_INSUFFICIENT'
          : 'NO_QUESTIONS_AND_NO_WITNESS',
    );
  }
  return {
    identityEstablished: documents.sufficient && (questionsPassed || witnessVerified),
    documentsSufficient: documents.sufficient,
    witnessVerified,
    problems: problems.map((code) => {
      const text =
        code === 'DOCUMENTS_INSUFFICIENT' && input.hasCprNumber === false
          ? DOCUMENTS_INSUFFICIENT_WITHOUT_CPR
          : TEXTS[code](input.witnessMitidMinDays);
      return { code, text: text[input.language ?? 'da'], textDa: text.da, textEn: text.en };
    }),
    witnessRequiredNextTime:
      (input.controlQuestions === 'failed' || input.controlQuestions === 'insufficient_register_data') &&
      !witnessVerified,
  };
}
