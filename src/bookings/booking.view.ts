import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_TYPES } from '../identity/index.js';
import type { DocumentType } from '../identity/index.js';
import type { BookingStatus } from './booking.entity.js';

export class WitnessReasonView {
  @ApiProperty() code: string;
  @ApiProperty({ description: "in the applicant's language" }) text: string;
  @ApiProperty() textDa: string;
  @ApiProperty() textEn: string;
}

export class WitnessAdviceView {
  @ApiProperty() recommended: boolean;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: [WitnessReasonView] }) reasons: WitnessReasonView[];
}

export class MissingDocumentView {
  @ApiProperty() code: string;
  @ApiProperty({ description: "in the applicant's language" }) text: string;
  @ApiProperty() textDa: string;
  @ApiProperty() textEn: string;
}

export class DocumentAdviceView {
  @ApiProperty() sufficient: boolean;
  @ApiProperty({ type: [MissingDocumentView] }) missing: MissingDocumentView[];
}

export class BookingCentreView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
}

export class MaskedApplicantView {
  @ApiProperty() fullName: string;
  @ApiProperty({ example: 'm***@example.dk' }) email: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '******78' }) phone: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '010190-XXXX' }) cprNumberMasked:
    string | null;
  @ApiProperty() nationality: string;
  @ApiProperty() countryOfResidence: string;
  @ApiPropertyOptional({ type: String, nullable: true }) arrivedInDenmarkOn: string | null;
  @ApiProperty({ enum: ['da', 'en'] }) language: string;
}

export class MaskedWitnessView {
  @ApiProperty() fullName: string;
  @ApiProperty({ example: '020285-XXXX' }) cprNumberMasked: string;
  @ApiPropertyOptional({ type: String, nullable: true }) phone: string | null;
}

export class BookingTypeView {
  @ApiProperty({ example: 'MITID_NEW' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty() durationMinutes: number;
}

export class BookedDocumentView {
  @ApiProperty({ enum: DOCUMENT_TYPES }) type: DocumentType;
}

export class BookingView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'K7MQ-4X9T' }) reference: string;
  @ApiProperty({ enum: ['booked', 'checked_in', 'completed', 'cancelled', 'no_show'] }) status: BookingStatus;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ type: BookingCentreView }) centre: BookingCentreView;
  @ApiProperty({ type: BookingTypeView }) appointmentType: BookingTypeView;
  @ApiProperty({ type: MaskedApplicantView }) applicant: MaskedApplicantView;
  @ApiProperty({ type: [BookedDocumentView] }) documents: BookedDocumentView[];
  @ApiPropertyOptional({ type: MaskedWitnessView, nullable: true }) witness: MaskedWitnessView | null;
  @ApiProperty({ type: WitnessAdviceView }) witnessAdvice: WitnessAdviceView;
  @ApiProperty({ type: DocumentAdviceView }) documentAdvice: DocumentAdviceView;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['citizen', 'centre'] }) cancelledBy:
    string | null;
}

export class CreatedBookingView extends BookingView {
  @ApiProperty({ description: 'shown once: keep it to view, change or cancel the booking' })
  manageToken: string;
}
