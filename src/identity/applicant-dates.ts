import type { FieldIssue } from '../common/domain-error.js';
import { ageOn } from './cpr-number.js';

/** MitID can be had from this age on (mitid.dk, "About MitID"). */
export const MITID_MIN_AGE = 13;

export interface ApplicantDates {
  /** From the CPR number, when there is one. */
  birthDate?: string;
  arrivedInDenmarkOn?: string;
  /** The centre's local date when the booking is made or moved. */
  today: string;
  appointmentDate: string;
}

/** The dates that no real applicant can have, each named by its field; all dates are YYYY-MM-DD. */
export function impossibleApplicant(dates: ApplicantDates): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { birthDate, arrivedInDenmarkOn, today, appointmentDate } = dates;
  if (birthDate !== undefined && birthDate > today) {
    issues.push({
      field: 'applicant.cprNumber',
      message: `its birth date ${birthDate} is after today; it cannot be a real person's`,
    });
  } else if (birthDate !== undefined && ageOn(birthDate, appointmentDate) < MITID_MIN_AGE) {
    issues.push({
      field: 'applicant.cprNumber',
      message: `the applicant must be at least ${MITID_MIN_AGE} years old on the appointment date to get MitID`,
    });
  }
  if (arrivedInDenmarkOn !== undefined && arrivedInDenmarkOn > today) {
    issues.push({ field: 'applicant.arrivedInDenmarkOn', message: 'cannot be in the future' });
  } else if (arrivedInDenmarkOn !== undefined && birthDate !== undefined && arrivedInDenmarkOn < birthDate) {
    issues.push({ field: 'applicant.arrivedInDenmarkOn', message: 'cannot be before the birth date' });
  }
  return issues;
}
