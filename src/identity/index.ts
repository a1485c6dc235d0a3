/** What the identity capability offers the others; everything else in this folder is its own. */
export { impossibleApplicant } from './applicant-dates.js';
export { maskCpr, parseCpr } from './cpr-number.js';
export type { CprNumber } from './cpr-number.js';
export { CONTROL_QUESTION_OUTCOMES, decideIdentity, IDENTITY_PROBLEM_CODES } from './identity-decision.js';
export type { ControlQuestions, IdentityProblem, IdentityProblemCode } from './identity-decision.js';
export {
  DOCUMENT_RULES,
  DOCUMENT_TYPES,
  evaluateDocuments,
  withDocumentTexts,
} from './identity-documents.js';
export type { DocumentAdvice, DocumentType, Language } from './identity-documents.js';
export { pCodeRefusal } from './p-code.js';
export { witnessAdvice } from './witness-advice.js';
export type { WitnessAdvice } from './witness-advice.js';
export { WITNESS_MAX_ACTS, WITNESS_WINDOW_DAYS, witnessIneligibility } from './witness-eligibility.js';
