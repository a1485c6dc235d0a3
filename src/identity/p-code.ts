import { DOCUMENT_RULES, DocumentType } from './identity-documents.js';

/** The latest identity check at the desk, as far as the P-code rule reads it. */
export interface CheckForPCode {
  documents: { type: DocumentType; valid: boolean }[];
  identityEstablished: boolean;
}

/**
 * Why a P code cannot be recorded as handed out, or null. It is used with a passport or national ID card, so one
 * must have been shown and found valid; an applicant with a CPR number must also have identity established as for
 * MitID itself.
 */
export function pCodeRefusal(hasCprNumber: boolean, check: CheckForPCode | undefined): string | null {
  if (!check) return 'A P code cannot be recorded as handed out before an identity check';
  const passportOrIdCard = check.documents.some(
    (document) => document.valid && (DOCUMENT_RULES.pCode as readonly DocumentType[]).includes(document.type),
  );
  if (!passportOrIdCard)
    return 'A P code cannot be recorded as handed out: the identity check recorded no valid passport or national ID card';
  if (hasCprNumber && !check.identityEstablished)
    return 'A P code cannot be recorded as handed out: the applicant has a CPR number and the identity check has not established identity';
  return null;
}
