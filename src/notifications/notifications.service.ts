import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Booking } from '../bookings/booking.entity.js';
import { applicantOf } from '../bookings/booking-personal-data.js';
import type { ApplicantPersonalData } from '../bookings/booking.entity.js';
import type { Centre } from '../centres/centre.entity.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { findCentre } from '../centres/centre-calendars.js';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher.js';
import { CalendarFacts, calendarFile } from './calendar-file.js';
import type { OutgoingMail } from './mail-transport.js';
import { MessageFacts, renderMessage } from './message-templates.js';
import type { MessageKind } from './outbox-message.entity.js';

export type StoredMail = Omit<OutgoingMail, 'messageId'>;

/**
 * What an e-mail says, as the outbox keeps it (encrypted): the facts as they were when the change happened. The
 * mail itself (text, HTML, calendar file: some 8 kB) is written from them when it is sent, not while a citizen
 * waits for a booking to be confirmed, and the row stays small.
 */
export interface MailFacts {
  to: string;
  message: MessageFacts;
  calendar: CalendarFacts;
}

/**
 * The e-mail written from its facts; the instants come back from JSON as strings. Rows written before the outbox
 * kept facts hold the finished mail, which is sent as it is.
 */
export function renderMail(facts: MailFacts | StoredMail): StoredMail {
  if ('subject' in facts) return facts;
  const instants = <T extends { startsAt: Date; endsAt: Date }>(value: T): T => ({
    ...value,
    startsAt: new Date(value.startsAt),
    endsAt: new Date(value.endsAt),
  });
  const calendar = instants(facts.calendar);
  return {
    to: facts.to,
    ...renderMessage(instants(facts.message)),
    icsMethod: calendar.method,
    ics: calendarFile(calendar),
  };
}

const MITID_ERHVERV_URL = 'https://www.mitid-erhverv.dk';

/**
 * Writes the e-mail about a booking change into the outbox, inside the caller's transaction: the message exists
 * exactly when the change does. Delivery happens later, elsewhere.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
    private readonly config: AppConfig,
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
    const token = booking.manageTokenEncrypted
      ? this.cipher.decrypt<string>(booking.manageTokenEncrypted)
      : null;
    const message = this.compose({ booking, kind, centre, applicant, manageToken: token, dedupeKey });
    await manager.query(
      `INSERT INTO outbox_message (booking_id, kind, dedupe_key, content_encrypted, status, attempts, next_attempt_at)
       VALUES ($1, $2, $3, $4, 'pending', 0, $5) ON CONFLICT (dedupe_key) DO NOTHING`,
      [booking.id, message.kind, message.dedupeKey, message.contentEncrypted, this.clock.now().toJSDate()],
    );
  }

  /** What the e-mail (with its calendar file) about `booking` says, encrypted as the outbox keeps it. */
  compose(input: {
    booking: Booking;
    kind: MessageKind;
    centre: Centre;
    applicant: ApplicantPersonalData;
    manageToken: string | null;
    dedupeKey?: string;
  }): { kind: MessageKind; dedupeKey: string; contentEncrypted: string } {
    const { booking, kind, centre, applicant, manageToken } = input;
    const type = centre.appointmentTypes.find((t) => t.id === booking.appointmentTypeId)!;
    const cancelled = kind === 'cancelled_by_citizen' || kind === 'cancelled_by_centre';
    // The token rides in the fragment, which browsers never send to a server, so it stays out of access logs.
    const manageUrl =
      cancelled || !manageToken
        ? `${this.config.publicBaseUrl}/`
        : `${this.config.publicBaseUrl}/bookings/${booking.reference}#token=${manageToken}`;
    const now = this.clock.now();
    const facts: MailFacts = {
      to: applicant.email,
      message: {
        kind,
        language: booking.language,
        fullName: applicant.fullName,
        reference: booking.reference,
        manageUrl,
        manageCode: cancelled ? null : manageToken,
        centre: { name: centre.name, address: centre.address, timeZone: centre.timeZone },
        appointmentTypeName: type.name,
        startsAt: booking.startsAt,
        endsAt: booking.endsAt,
        documents: booking.documents,
        documentAdvice: booking.documentAdvice,
        witnessAdvice: booking.witnessAdvice,
        hasWitness: booking.witnessEncrypted !== null,
        cancelReason: booking.cancelReason,
        witnessMitidMinDays: this.config.witnessMitidMinDays,
        mitidErhvervUrl: MITID_ERHVERV_URL,
      },
      calendar: {
        bookingId: booking.id,
        sequence: Math.floor(now.toSeconds()),
        method: cancelled ? 'CANCEL' : 'REQUEST',
        startsAt: booking.startsAt,
        endsAt: booking.endsAt,
        summary: `MitID – ${centre.name}`,
        location: `${centre.name}, ${centre.address}`,
        // a calendar file is copied and shared: it carries the manage page's plain address, never the token
        description: `${booking.reference}\n${cancelled ? manageUrl : `${this.config.publicBaseUrl}/bookings/${booking.reference}`}`,
        organizer: { name: centre.name, email: this.organizerEmail },
      },
    };
    return {
      kind,
      dedupeKey: input.dedupeKey ?? `${kind}:${booking.id}:${randomUUID()}`,
      contentEncrypted: this.cipher.encrypt(facts),
    };
  }

  private get organizerEmail(): string {
    return this.config.mailFrom.replace(/^.*<([^>]+)>.*$/, '$1');
  }
}
