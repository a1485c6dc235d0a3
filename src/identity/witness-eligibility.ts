import { ageOn } from './cpr-number.js';

/** A witness may act at most this many times in any window of this many days, across every centre. */
export const WITNESS_MAX_ACTS = 3;
export const WITNESS_WINDOW_DAYS = 120;
export const WITNESS_MIN_AGE = 18;

/**
 * Why this person cannot be the applicant's witness on the appointment date, in the order a desk meets them:
 * the same person as the applicant, or under 18 that day. Empty: eligible (acts and MitID are checked at the desk).
 */
export function witnessIneligibility(
  witness: { birthDate: string; isApplicant: boolean },
  appointmentDate: string,
): string[] {
  const reasons: string[] = [];
  if (witness.isApplicant) reasons.push('the witness cannot be the applicant');
  if (ageOn(witness.birthDate, appointmentDate) < WITNESS_MIN_AGE) {
    reasons.push(`the witness must be at least ${WITNESS_MIN_AGE} years old on the appointment date`);
  }
  return reasons;
}
