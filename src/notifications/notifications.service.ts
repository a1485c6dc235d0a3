import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Centre } from '../centres/index.js';
import type { DocumentAdvice, DocumentType, Language, WitnessAdvice } from '../identity/index.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { PersonalDataCipher } from '../personal-data/index.js';
import { CalendarFacts, calendarFile } from './calendar-file.js';
import type { OutgoingMail } from './mail-transport.js';
import { insertPendingMessages } from './outbox.sql.js';
import { CancelReasonCode, MessageFacts, renderMessage } from './message-templates.js';
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

/** The e-mail written from its facts; the instants come back from JSON as strings. */
export function renderMail(facts: MailFacts): StoredMail {
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

/** What an e-mail tells about a booking (a booking row has all of it). */
export interface MailSubject {
  id: string;
  reference: string;
  language: Language;
  appointmentTypeId: string;
  startsAt: Date;
  endsAt: Date;
  documents: DocumentType[];
  documentAdvice: DocumentAdvice;
  witnessAdvice: WitnessAdvice;
  witnessEncrypted: string | null;
  cancelReasonCode: CancelReasonCode | null;
  cancelReason: string | null;
}

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

  /** Puts a composed e-mail in the outbox, in the caller's transaction; a repeated dedupe key is written once. */
  async write(
    manager: EntityManager,
    bookingId: string,
    message: { kind: MessageKind; dedupeKey: string; contentEncrypted: string },
  ): Promise<void> {
    await manager.query(insertPendingMessages('VALUES ($1::uuid, $2, $3, $4, $5::timestamptz)'), [
      bookingId,
      message.kind,
      message.dedupeKey,
      message.contentEncrypted,
      this.clock.now().toJSDate(),
    ]);
  }

  /** What the e-mail (with its calendar file) about `booking` says, encrypted as the outbox keeps it. */
  compose(input: {
    booking: MailSubject;
    kind: MessageKind;
    centre: Centre;
    applicant: { fullName: string; email: string };
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
        centre: {
          name: centre.name,
          address: centre.address,
          timeZone: centre.timeZone,
          contactPhone: centre.contactPhone,
          contactEmail: centre.contactEmail,
        },
        appointmentTypeName: booking.language === 'en' ? (type.nameEn ?? type.name) : type.name,
        startsAt: booking.startsAt,
        endsAt: booking.endsAt,
        documents: booking.documents,
        documentAdvice: booking.documentAdvice,
        witnessAdvice: booking.witnessAdvice,
        hasWitness: booking.witnessEncrypted !== null,
        cancelReasonCode: booking.cancelReasonCode,
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
