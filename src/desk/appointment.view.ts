import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DocumentAdviceView,
  MaskedApplicantView,
  MaskedWitnessView,
  WitnessAdviceView,
} from '../bookings/index.js';
import type { BookingStatus } from '../bookings/index.js';
import { IDENTITY_PROBLEM_CODES } from '../identity/index.js';
import type { IdentityProblemCode } from '../identity/index.js';

export class IdentityProblemView {
  @ApiProperty({ enum: IDENTITY_PROBLEM_CODES, example: 'DOCUMENTS_INSUFFICIENT' }) code: IdentityProblemCode;
  @ApiProperty({ description: "in the applicant's language" }) text: string;
  @ApiProperty() textDa: string;
  @ApiProperty() textEn: string;
}

/** The server's decision on an identity check. */
export class IdentityCheckResultView {
  @ApiProperty({ description: 'documents sufficient and (questions passed or a witness verified)' })
  identityEstablished: boolean;
  @ApiProperty() documentsSufficient: boolean;
  @ApiProperty() witnessVerified: boolean;
  @ApiProperty({ type: [IdentityProblemView] }) problems: IdentityProblemView[];
}

export class RecordedIdentityCheckView extends IdentityCheckResultView {
  @ApiProperty() at: string;
  @ApiProperty({ enum: ['passed', 'failed', 'insufficient_register_data', 'not_asked'] })
  controlQuestions: string;
  @ApiProperty({ description: 'the person must bring a witness next time' }) witnessRequiredNextTime: boolean;
}

export class AppointmentTypeRefView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() durationMinutes: number;
}

export class DocumentRefView {
  @ApiProperty() type: string;
}

/** An appointment as the desk sees it: personal data masked, with the advice and the latest identity check. */
export class AppointmentView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'K7MQ-4X9T' }) reference: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ enum: ['booked', 'checked_in', 'completed', 'cancelled', 'no_show'] }) status: BookingStatus;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'given at check-in, per centre and day' })
  queueNumber: number | null;
  @ApiProperty({ type: AppointmentTypeRefView }) appointmentType: AppointmentTypeRefView;
  @ApiProperty({ type: MaskedApplicantView }) applicant: MaskedApplicantView;
  @ApiProperty({ type: [DocumentRefView] }) documents: DocumentRefView[];
  @ApiPropertyOptional({ type: MaskedWitnessView, nullable: true }) witness: MaskedWitnessView | null;
  @ApiProperty({ type: WitnessAdviceView }) witnessAdvice: WitnessAdviceView;
  @ApiProperty({ type: DocumentAdviceView }) documentAdvice: DocumentAdviceView;
  @ApiPropertyOptional({ type: RecordedIdentityCheckView, nullable: true })
  identityCheck: RecordedIdentityCheckView | null;
  @ApiPropertyOptional({ type: String, nullable: true }) outcome: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) outcomeReason: string | null;
}
