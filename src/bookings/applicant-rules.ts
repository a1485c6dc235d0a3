import { Injectable } from '@nestjs/common';
import { localDate } from '../calendar/index.js';
import { Clock } from '../common/clock.js';
import type { FieldIssue } from '../common/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import type { Centre } from '../centres/index.js';
import {
  CprNumber,
  WitnessAdvice,
  impossibleApplicant,
  parseCpr,
  witnessAdvice,
  witnessIneligibility,
} from '../identity/index.js';
import type { DocumentType, Language } from '../identity/index.js';
import type { Booking } from './booking.entity.js';
import { BookingError, BookingErrorCode } from './booking.error.js';

export function notBookable(field: string, message: string): BookingError {
  return new BookingError(BookingErrorCode.NotBookable, `${field}: ${message}`, [{ field, message }]);
}

function witnessInvalid(issues: FieldIssue[]): BookingError {
  return new BookingError(
    BookingErrorCode.WitnessInvalid,
    issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
    issues,
  );
}

/** What a booking's applicant says of themselves, as the foreigner flag reads it. */
export interface ApplicantFacts {
  nationality: string;
  countryOfResidence: string;
  hasCprNumber: boolean;
  arrivedInDenmarkOn: string | null | undefined;
  documents: DocumentType[];
  language: Language;
  previousCheckFailed: boolean;
}

/** The identity rules as a booking (new or moved) applies them to its applicant and witness. */
@Injectable()
export class ApplicantRules {
  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  cpr(text: string, field = 'applicant.cprNumber'): CprNumber {
    const parsed = parseCpr(text);
    if (!parsed.ok) throw notBookable(field, parsed.reason);
    return parsed.value;
  }

  /** A birth date after today, an applicant under MitID's age on the appointment date, an arrival not yet or before birth. */
  assertPossible(
    centre: Centre,
    appointmentDate: string,
    birthDate: string | undefined,
    arrivedInDenmarkOn: string | null | undefined,
  ): void {
    const issues = impossibleApplicant({
      birthDate,
      arrivedInDenmarkOn: arrivedInDenmarkOn ?? undefined,
      today: localDate(centre.timeZone, this.clock.now().toMillis()),
      appointmentDate,
    });
    if (issues.length) {
      throw new BookingError(
        BookingErrorCode.NotBookable,
        issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
        issues,
      );
    }
  }

  /** The witness rules that hold before the visit (identity/witness-eligibility.ts), named by `prefix`cprNumber. */
  assertEligibleWitness(
    witness: CprNumber,
    applicantDigits: string | null,
    appointmentDate: string,
    prefix = 'witness.',
  ): void {
    const reasons = witnessIneligibility(
      { birthDate: witness.birthDate, isApplicant: applicantDigits === witness.digits },
      appointmentDate,
    );
    if (reasons.length) {
      throw witnessInvalid(reasons.map((message) => ({ field: `${prefix}cprNumber`, message })));
    }
  }

  /** A witness required (by the centre's policy, or because an earlier check failed) is required now. */
  assertNoWitnessRequired(advice: WitnessAdvice, centre: Centre): void {
    if (!advice.required) return;
    const why = advice.reasons.map((reason) => reason.textEn).join(' ');
    const where = centre.witnessPolicy === 'require' && advice.recommended ? ' at this centre' : '';
    throw witnessInvalid([
      { field: 'witness', message: `a witness is required${where} for this applicant. ${why}` },
    ]);
  }

  advice(applicant: ApplicantFacts, centre: Centre, appointmentDate: string): WitnessAdvice {
    return witnessAdvice(
      { ...applicant, arrivedInDenmarkOn: applicant.arrivedInDenmarkOn ?? undefined },
      {
        policy: centre.witnessPolicy,
        recentArrivalMonths: this.config.recentArrivalMonths,
        appointmentDate,
      },
    );
  }

  /** The advice for a booking's applicant on a (new) appointment date; an earlier failed check still counts. */
  adviceFor(booking: Booking, centre: Centre, appointmentDate: string, hasCprNumber: boolean): WitnessAdvice {
    return this.advice(
      {
        nationality: booking.nationality,
        countryOfResidence: booking.countryOfResidence,
        hasCprNumber,
        arrivedInDenmarkOn: booking.arrivedInDenmarkOn,
        documents: booking.documents,
        language: booking.language,
        previousCheckFailed: booking.witnessAdvice.reasons.some(
          (r) => r.code === 'PREVIOUS_IDENTITY_CHECK_FAILED',
        ),
      },
      centre,
      appointmentDate,
    );
  }
}
