import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { findCentre } from '../centres/index.js';
import { NotificationsService } from '../notifications/index.js';
import type { MessageKind } from '../notifications/index.js';
import { PersonalDataCipher } from '../personal-data/index.js';
import type { Booking } from './booking.entity.js';
import { applicantOf } from './booking-personal-data.js';

/** The e-mail about a change of a booking, written to the outbox in the transaction of the change. */
@Injectable()
export class BookingMail {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async enqueue(
    manager: EntityManager,
    booking: Booking,
    kind: MessageKind,
    dedupeKey?: string,
  ): Promise<void> {
    const applicant = applicantOf(this.cipher, booking);
    if (!applicant.email) return; // erased
    const centre = (await findCentre(manager, booking.centreId))!;
    const manageToken = booking.manageTokenEncrypted
      ? this.cipher.decrypt<string>(booking.manageTokenEncrypted)
      : null;
    const message = this.notifications.compose({ booking, kind, centre, applicant, manageToken, dedupeKey });
    await this.notifications.write(manager, booking.id, message);
  }
}
