import { maskCpr } from '../identity/index.js';
import { maskEmail, maskPhone } from '../personal-data/index.js';
import type { PersonalDataCipher } from '../personal-data/index.js';
import type { ApplicantPersonalData, Booking, WitnessPersonalData } from './booking.entity.js';

/** What an appointment shows once retention has erased its personal data. */
export const ERASED_APPLICANT: ApplicantPersonalData = {
  fullName: '(slettet)',
  email: '',
  phone: null,
  cprNumber: null,
};

export function applicantOf(cipher: PersonalDataCipher, booking: Booking): ApplicantPersonalData {
  return booking.applicantEncrypted
    ? cipher.decrypt<ApplicantPersonalData>(booking.applicantEncrypted)
    : ERASED_APPLICANT;
}

export function witnessOf(cipher: PersonalDataCipher, booking: Booking): WitnessPersonalData | null {
  return booking.witnessEncrypted ? cipher.decrypt<WitnessPersonalData>(booking.witnessEncrypted) : null;
}

export interface MaskedPersonalData {
  applicant: {
    fullName: string;
    email: string;
    phone: string | null;
    cprNumberMasked: string | null;
    nationality: string;
    countryOfResidence: string;
    arrivedInDenmarkOn: string | null;
    language: string;
  };
  witness: { fullName: string; cprNumberMasked: string; phone: string | null } | null;
}

export interface PersonalData {
  applicant: ApplicantPersonalData;
  witness: WitnessPersonalData | null;
}

/**
 * The applicant and witness as every response shows them: the name in full, CPR number, e-mail and phone masked.
 * From `known` when given (what a new booking was just written with), else decrypted from the booking.
 */
export function maskedPersonalData(
  cipher: PersonalDataCipher,
  booking: Booking,
  known?: PersonalData,
): MaskedPersonalData {
  const applicant = known ? known.applicant : applicantOf(cipher, booking);
  const witness = known ? known.witness : witnessOf(cipher, booking);
  return {
    applicant: {
      fullName: applicant.fullName,
      email: maskEmail(applicant.email),
      phone: applicant.phone && maskPhone(applicant.phone),
      cprNumberMasked: applicant.cprNumber && maskCpr(applicant.cprNumber),
      nationality: booking.nationality,
      countryOfResidence: booking.countryOfResidence,
      arrivedInDenmarkOn: booking.arrivedInDenmarkOn,
      language: booking.language,
    },
    witness: witness && {
      fullName: witness.fullName,
      cprNumberMasked: maskCpr(witness.cprNumber),
      phone: witness.phone && maskPhone(witness.phone),
    },
  };
}
