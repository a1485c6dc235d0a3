import type { PersonalDataCipher } from '../personal-data/personal-data.cipher.js';
import type { ApplicantPersonalData, Booking, WitnessPersonalData } from './booking.entity.js';

/** What an appointment shows once retention has erased its personal data. */
export const ERASED_APPLICANT: ApplicantPersonalData = { fullName: '(slettet)', email: '', phone: null, cprNumber: null };

export function applicantOf(cipher: PersonalDataCipher, booking: Booking): ApplicantPersonalData {
  return booking.applicantEncrypted ? cipher.decrypt<ApplicantPersonalData>(booking.applicantEncrypted) : ERASED_APPLICANT;
}

export function witnessOf(cipher: PersonalDataCipher, booking: Booking): WitnessPersonalData | null {
  return booking.witnessEncrypted ? cipher.decrypt<WitnessPersonalData>(booking.witnessEncrypted) : null;
}
