import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { formatInZone } from '../calendar/index.js';
import { findCentre } from '../centres/index.js';
import type { Centre } from '../centres/index.js';
import { withDocumentTexts } from '../identity/index.js';
import { PersonalDataCipher } from '../personal-data/index.js';
import type { Booking } from './booking.entity.js';
import { maskedPersonalData, PersonalData } from './booking-personal-data.js';
import type { BookingView } from './booking.view.js';

export const minutesBetween = (booking: { startsAt: Date; endsAt: Date }) =>
  Math.round((booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000);

/** A booking as the citizen's answers show it: times in the centre's zone, personal data masked. */
@Injectable()
export class BookingViews {
  constructor(private readonly cipher: PersonalDataCipher) {}

  async of(manager: EntityManager, booking: Booking): Promise<BookingView> {
    return this.with(booking, (await findCentre(manager, booking.centreId))!);
  }

  /** `centre` with its appointment types; `known`: the personal data this request has in hand (not decrypted). */
  with(booking: Booking, centre: Centre, known?: PersonalData): BookingView {
    const type = centre.appointmentTypes.find((t) => t.id === booking.appointmentTypeId)!;
    return {
      id: booking.id,
      reference: booking.reference,
      status: booking.status,
      startsAt: formatInZone(centre.timeZone, booking.startsAt),
      endsAt: formatInZone(centre.timeZone, booking.endsAt),
      centre: { id: centre.id, name: centre.name, address: centre.address },
      // The booking's own length: a type's later change of duration applies to new bookings only.
      appointmentType: { code: type.code, name: type.name, durationMinutes: minutesBetween(booking) },
      ...maskedPersonalData(this.cipher, booking, known),
      documents: booking.documents.map((type) => ({ type })),
      witnessAdvice: booking.witnessAdvice,
      documentAdvice: withDocumentTexts(booking.documentAdvice, booking.language),
      cancelledBy: booking.cancelledBy,
    };
  }
}
