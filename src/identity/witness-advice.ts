import { DateTime } from 'luxon';
import { DOCUMENT_RULES, DocumentType, Language, primaryDocument } from './identity-documents.js';

export type WitnessReasonCode =
  | 'FOREIGN_NATIONAL'
  | 'LIVES_ABROAD'
  | 'NO_CPR_NUMBER'
  | 'RECENT_ARRIVAL'
  | 'FOREIGN_ID_DOCUMENT'
  | 'PREVIOUS_IDENTITY_CHECK_FAILED';

export interface WitnessReason {
  code: WitnessReasonCode;
  /** In the applicant's language. */
  text: string;
  textDa: string;
  textEn: string;
}

export interface WitnessAdvice {
  recommended: boolean;
  required: boolean;
  reasons: WitnessReason[];
}

export interface ApplicantFacts {
  /** ISO 3166-1 alpha-2. */
  nationality: string;
  countryOfResidence: string;
  hasCprNumber: boolean;
  arrivedInDenmarkOn?: string;
  documents: readonly DocumentType[];
  language: Language;
  /** An earlier identity check of this person ended failed/insufficient without a verified witness. */
  previousCheckFailed: boolean;
}

export interface WitnessPolicyFacts {
  policy: 'recommend' | 'require';
  recentArrivalMonths: number;
  /** The local date of the appointment. */
  appointmentDate: string;
}

/** Greenland and the Faroe Islands are part of the Realm: their citizens are Danish nationals. */
const DANISH = new Set(['DK', 'GL', 'FO']);

const TEXTS: Record<WitnessReasonCode, { da: string; en: string }> = {
  FOREIGN_NATIONAL: {
    da: 'Du er ikke dansk statsborger. CPR-registeret har måske for få oplysninger om dig til kontrolspørgsmål, så tag et vidne med.',
    en: 'You are not a Danish national. The CPR register may hold too little about you for control questions, so bring a witness.',
  },
  LIVES_ABROAD: {
    da: 'Du bor uden for Danmark. CPR-registeret har måske for få oplysninger om dig til kontrolspørgsmål, så tag et vidne med.',
    en: 'You live outside Denmark. The CPR register may hold too little about you for control questions, so bring a witness.',
  },
  NO_CPR_NUMBER: {
    da: 'Du har ikke et CPR-nummer. Du kan få en P-kode i stedet, men de fleste selvbetjeningsløsninger kræver et CPR-nummer.',
    en: 'You have no CPR number. You can get a P code instead, but most self-service solutions require a CPR number.',
  },
  RECENT_ARRIVAL: {
    da: 'Du er flyttet til Danmark for nylig. CPR-registeret har måske for få oplysninger om dig til kontrolspørgsmål, så tag et vidne med.',
    en: 'You moved to Denmark recently. The CPR register may hold too little about you for control questions, so bring a witness.',
  },
  FOREIGN_ID_DOCUMENT: {
    da: 'Dit primære ID-dokument er udenlandsk. Tag et vidne med, hvis kontrolspørgsmålene ikke kan bruges.',
    en: 'Your primary ID document is foreign. Bring a witness in case control questions cannot be used.',
  },
  PREVIOUS_IDENTITY_CHECK_FAILED: {
    da: 'Din identitet kunne ikke bekræftes ved et tidligere besøg. Du skal have et vidne med.',
    en: 'Your identity could not be confirmed at an earlier visit. You must bring a witness.',
  },
};

function reason(code: WitnessReasonCode, language: Language): WitnessReason {
  const text = TEXTS[code];
  return { code, text: text[language], textDa: text.da, textEn: text.en };
}

/** The foreigner flag: any reason recommends a witness; a failed earlier check, or a `require` centre, requires one. */
export function witnessAdvice(applicant: ApplicantFacts, policy: WitnessPolicyFacts): WitnessAdvice {
  const codes: WitnessReasonCode[] = [];
  if (!DANISH.has(applicant.nationality.toUpperCase())) codes.push('FOREIGN_NATIONAL');
  if (applicant.countryOfResidence.toUpperCase() !== 'DK') codes.push('LIVES_ABROAD');
  if (!applicant.hasCprNumber) codes.push('NO_CPR_NUMBER');
  if (applicant.arrivedInDenmarkOn) {
    const threshold = DateTime.fromISO(policy.appointmentDate)
      .minus({ months: policy.recentArrivalMonths })
      .toISODate()!;
    if (applicant.arrivedInDenmarkOn > threshold) codes.push('RECENT_ARRIVAL');
  }
  const primary = primaryDocument(applicant.documents);
  if (primary && (DOCUMENT_RULES.foreign as readonly DocumentType[]).includes(primary))
    codes.push('FOREIGN_ID_DOCUMENT');
  if (applicant.previousCheckFailed) codes.push('PREVIOUS_IDENTITY_CHECK_FAILED');
  const flagged = codes.length > 0;
  return {
    recommended: flagged,
    required: applicant.previousCheckFailed || (flagged && policy.policy === 'require'),
    reasons: codes.map((code) => reason(code, applicant.language)),
  };
}
