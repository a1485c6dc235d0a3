import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { AuditEntry } from '../audit/index.js';
import { AuthUser, canActFor } from '../auth/index.js';
import {
  Booking,
  lockForChange,
  maskedPersonalData,
  minutesBetween,
  recordBookingEvent,
} from '../bookings/index.js';
import { formatInZone } from '../calendar/index.js';
import { Clock } from '../common/clock.js';
import { isUuid } from '../common/validators.js';
import { findCentre } from '../centres/index.js';
import type { Centre } from '../centres/index.js';
import { withDocumentTexts } from '../identity/index.js';
import { PersonalDataCipher } from '../personal-data/index.js';
import type { AppointmentView } from './appointment.view.js';
import { DeskError } from './desk.error.js';
import { IdentityCheck } from './identity-check.entity.js';

/** What every desk action needs: the appointment as this clerk may see it, its checks, its view, its records. */
@Injectable()
export class DeskAppointments {
  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Another centre's appointment answers exactly like one that does not exist; `lock`: for a change. */
  async load(manager: EntityManager, id: string, user: AuthUser, lock: boolean) {
    if (!isUuid(id)) throw DeskError.notFound();
    const booking = lock
      ? await lockForChange(manager, id)
      : await manager.findOne(Booking, { where: { id } });
    if (!booking || !canActFor(user, booking.centreId)) throw DeskError.notFound();
    const centre = (await findCentre(manager, booking.centreId))!;
    return { booking, centre };
  }

  async latestChecks(manager: EntityManager, bookingIds: string[]): Promise<Map<string, IdentityCheck>> {
    if (bookingIds.length === 0) return new Map();
    const checks = await manager.find(IdentityCheck, {
      where: { bookingId: In(bookingIds) },
      order: { at: 'ASC', id: 'ASC' },
    });
    return new Map(checks.map((check) => [check.bookingId, check]));
  }

  /** The clerk's action in the audit trail and in the booking's own history. */
  async record(
    manager: EntityManager,
    user: AuthUser,
    audit: AuditEntry & { bookingId: string },
    event: { action: string; detail: Record<string, unknown> },
  ): Promise<void> {
    await this.audit.record(manager, user, [audit]);
    await recordBookingEvent(manager, {
      bookingId: audit.bookingId,
      at: this.clock.now().toJSDate(),
      actor: `user:${user.id}`,
      ...event,
    });
  }

  view(
    booking: Booking,
    centre: Centre,
    check: IdentityCheck | undefined,
    queueNumber: number | undefined,
  ): AppointmentView {
    const iso = (instant: Date) => formatInZone(centre.timeZone, instant);
    const type = centre.appointmentTypes.find((t) => t.id === booking.appointmentTypeId)!;
    return {
      id: booking.id,
      reference: booking.reference,
      startsAt: iso(booking.startsAt),
      endsAt: iso(booking.endsAt),
      status: booking.status,
      queueNumber: queueNumber ?? null,
      appointmentType: { code: type.code, name: type.name, durationMinutes: minutesBetween(booking) },
      ...maskedPersonalData(this.cipher, booking),
      documents: booking.documents.map((documentType) => ({ type: documentType })),
      witnessAdvice: booking.witnessAdvice,
      documentAdvice: withDocumentTexts(booking.documentAdvice, booking.language),
      identityCheck: check
        ? {
            at: iso(check.at),
            controlQuestions: check.controlQuestions,
            identityEstablished: check.identityEstablished,
            documentsSufficient: check.documentsSufficient,
            witnessVerified: check.witnessVerified,
            witnessRequiredNextTime: check.witnessRequiredNextTime,
            problems: check.problems.map((problem) => ({
              ...problem,
              textDa: problem.textDa ?? problem.text,
            })),
          }
        : null,
      outcome: booking.outcome,
      outcomeReason: booking.outcomeReason,
    };
  }
}
