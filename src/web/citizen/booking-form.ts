import { DOCUMENT_TYPES } from '../../identity/index.js';
import type { DocumentType, Language } from '../../identity/index.js';

/** A posted form as @fastify/formbody parses it: repeated names (checkboxes) arrive as arrays. */
export type FormBody = Record<string, string | string[] | undefined>;
export type Query = Record<string, string | string[] | undefined>;

export function field(form: FormBody | Query | undefined, name: string): string {
  const value = form?.[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

export function fields(form: FormBody | undefined, name: string): string[] {
  const value = form?.[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => v.trim());
}

/** What the citizen has entered so far, as the flow carries it (encrypted) from step to step. */
export interface FlowState {
  centreId: string;
  type: string;
  startsAt: string;
  applicant?: ApplicantForm;
  documents?: DocumentType[];
  documentsChecked?: boolean;
  witness?: WitnessForm | null;
}

/** The applicant as typed, so that a form with an error shows back every value entered. */
export interface ApplicantForm {
  fullName: string;
  email: string;
  phone: string;
  cprNumber: string;
  noCpr: boolean;
  nationality: string;
  countryOfResidence: string;
  arrivalDay: string;
  arrivalMonth: string;
  arrivalYear: string;
  language: Language;
}

export interface WitnessForm {
  fullName: string;
  cprNumber: string;
  phone: string;
}

export function applicantFrom(form: FormBody, fallbackLanguage: Language): ApplicantForm {
  const language = field(form, 'language');
  return {
    fullName: field(form, 'fullName'),
    email: field(form, 'email'),
    phone: field(form, 'phone'),
    cprNumber: field(form, 'cprNumber'),
    noCpr: field(form, 'noCpr') === 'yes',
    nationality: field(form, 'nationality').toUpperCase(),
    countryOfResidence: field(form, 'countryOfResidence').toUpperCase(),
    arrivalDay: field(form, 'arrivalDay'),
    arrivalMonth: field(form, 'arrivalMonth'),
    arrivalYear: field(form, 'arrivalYear'),
    language: language === 'en' || language === 'da' ? language : fallbackLanguage,
  };
}

export function witnessFrom(form: FormBody): WitnessForm {
  return {
    fullName: field(form, 'witnessFullName'),
    cprNumber: field(form, 'witnessCprNumber'),
    phone: field(form, 'witnessPhone'),
  };
}

export const isBlankWitness = (witness: WitnessForm) =>
  !witness.fullName && !witness.cprNumber && !witness.phone;

export function documentsFrom(form: FormBody): DocumentType[] {
  const chosen = new Set(fields(form, 'documents'));
  return DOCUMENT_TYPES.filter((type) => chosen.has(type));
}

/** The arrival date of the three-field date group as YYYY-MM-DD; '' when left empty, 'invalid' when half-filled. */
export function arrivalDate(applicant: ApplicantForm): string {
  const { arrivalDay: d, arrivalMonth: m, arrivalYear: y } = applicant;
  if (!d && !m && !y) return '';
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return 'invalid';
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** The API's applicant, from what was typed. */
export function applicantBody(applicant: ApplicantForm) {
  const arrived = arrivalDate(applicant);
  return {
    fullName: applicant.fullName,
    email: applicant.email,
    ...(applicant.phone ? { phone: applicant.phone } : {}),
    ...(applicant.noCpr ? {} : { cprNumber: applicant.cprNumber }),
    nationality: applicant.nationality,
    countryOfResidence: applicant.countryOfResidence,
    ...(arrived ? { arrivedInDenmarkOn: arrived } : {}),
    language: applicant.language,
  };
}

export function witnessBody(witness: WitnessForm) {
  return {
    fullName: witness.fullName,
    cprNumber: witness.cprNumber,
    ...(witness.phone ? { phone: witness.phone } : {}),
  };
}
