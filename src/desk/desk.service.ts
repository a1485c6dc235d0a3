import { isUuid } from '../common/validators.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { Between, DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AuthUser, canActFor } from '../auth/auth-user.js';
import { Booking, BookingStatus, STATUS_PHRASES } from '../bookings/booking.entity.js';
import { recordBookingEvent } from '../bookings/booking-event.js';
import { releaseCells } from '../bookings/capacity.js';
import { maskedPersonalData } from '../bookings/booking-personal-data.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { Centre } from '../centres/centre.entity.js';
import { findCentre } from '../centres/centre-calendars.js';
import { CentresService } from '../centres/centres.service.js';
import { inTransaction } from '../database/transaction.js';
import { ageOn, parseCpr } from '../identity/cpr-number.js';
import { decideIdentity, IdentityDecision } from '../identity/identity-decision.js';
import { withDocumentTexts } from '../identity/identity-documents.js';
import { pCodeRefusal } from '../identity/p-code.js';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher.js';
import type { CompleteDto, IdentityCheckDto } from './desk.dto.js';
import { checkInRefusal, noShowTooEarly } from './desk-timing.js';
import { DeskError, DeskErrorCode } from './desk.error.js';
import { IdentityCheck } from './identity-check.entity.js';

/** A witness may act at most this many times in any window of this many days, across every centre. */
export const WITNESS_MAX_ACTS = 3;
export const WITNESS_WINDOW_DAYS = 120;

export interface AppointmentView {
  id: string;
  reference: string;
  startsAt: string;
  endsAt: string;
  status: BookingStatus;
  appointmentType: { code: string; name: string; durationMinutes: number };
  applicant: {
    fullName: string;
    cprNumberMasked: string | null;
    nationality: string;
    countryOfResidence: string;
    arrivedInDenmarkOn: string | null;
    language: string;
    email: string;
    phone: string | null;
  };
  documents: { type: string }[];
  witness: { fullName: string; cprNumberMasked: string; phone: string | null } | null;
  witnessAdvice: Booking['witnessAdvice'];
  documentAdvice: Booking['documentAdvice'];
  identityCheck: (IdentityDecision & { controlQuestions: string; at: string }) | null;
  outcome: string | null;
  outcomeReason: string | null;
}

export type IdentityCheckResult = Omit<IdentityDecision, 'witnessRequiredNextTime'>;

@Injectable()
export class DeskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly centres: CentresService,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async dayList(centreId: string, date: string, user: AuthUser): Promise<AppointmentView[]> {
    this.centres.assertAccess(user, centreId);
    return inTransaction(this.dataSource, async (manager) => {
      const { centre } = await this.centres.rulesFor(manager, centreId, {
        includeInactive: true,
      });
      const day = DateTime.fromISO(date, { zone: centre.timeZone });
      const bookings = await manager.find(Booking, {
        where: { centreId, startsAt: Between(day.startOf('day').toJSDate(), day.endOf('day').toJSDate()) },
        order: { startsAt: 'ASC', createdAt: 'ASC' },
      });
      const checks = await this.latestChecks(
        manager,
        bookings.map((booking) => booking.id),
      );
      await this.audit.record(
        manager,
        user,
        bookings.map((booking) => ({
          action: 'appointment.viewed_in_day_list',
          bookingId: booking.id,
          centreId,
        })),
      );
      return bookings.map((booking) => this.view(booking, centre, checks.get(booking.id)));
    });
  }

  async get(id: string, user: AuthUser): Promise<AppointmentView> {
    return inTransaction(this.dataSource, async (manager) => {
      const { booking, centre } = await this.load(manager, id, user, false);
      await this.audit.record(manager, user, [
        { action: 'appointment.viewed', bookingId: id, centreId: centre.id },
      ]);
      return this.view(booking, centre, (await this.latestChecks(manager, [id])).get(id));
    });
  }

  async checkIn(id: string, user: AuthUser): Promise<AppointmentView> {
    return this.transition(id, user, 'appointment.checked_in', async (manager, booking, centre) => {
      this.requireStatus(booking, 'booked', 'checked in');
      // Early arrivals that day are taken; once the appointment's day is over, the booking is a no-show.
      const refusal = checkInRefusal(booking.startsAt, this.clock.now().toJSDate(), centre.timeZone);
      if (refusal) throw new DeskError(DeskErrorCode.WrongState, refusal);
      await manager.update(Booking, { id }, { status: 'checked_in' });
      return { ...booking, status: 'checked_in' };
    });
  }

  async noShow(id: string, user: AuthUser): Promise<AppointmentView> {
    return this.transition(id, user, 'appointment.no_show', async (manager, booking) => {
      // Irreversible, so only once the person is late past the grace period (the nightly sweep marks the rest).
      this.requireStatus(booking, 'booked', 'marked as a no-show');
      const tooEarly = noShowTooEarly(
        booking.startsAt,
        this.clock.now().toJSDate(),
        this.config.noShowGraceMinutes,
      );
      if (tooEarly) throw new DeskError(DeskErrorCode.WrongState, tooEarly);
      await manager.update(Booking, { id }, { status: 'no_show' });
      // Marked before the time is over, the desk can still serve someone else.
      if (this.clock.now().toJSDate() < booking.endsAt)
        await releaseCells(manager, booking.centreId, booking.cellStarts);
      return { ...booking, status: 'no_show' };
    });
  }

  async complete(id: string, dto: CompleteDto, user: AuthUser): Promise<AppointmentView> {
    return this.transition(
      id,
      user,
      'appointment.completed',
      async (manager, booking) => {
        this.requireStatus(booking, 'checked_in', 'completed');
        if (dto.outcome === 'p_code_issued') {
          const check = (await this.latestChecks(manager, [id])).get(id);
          const refusal = pCodeRefusal(booking.cprHash !== null, check);
          if (refusal) throw new DeskError(DeskErrorCode.IdentityNotEstablished, refusal);
        }
        if (dto.outcome === 'mitid_issued') {
          const check = (await this.latestChecks(manager, [id])).get(id);
          if (!check?.identityEstablished) {
            throw new DeskError(
              DeskErrorCode.IdentityNotEstablished,
              'MitID cannot be recorded as issued: the identity check has not established identity',
            );
          }
        }
        const changes = {
          status: 'completed' as const,
          outcome: dto.outcome,
          outcomeReason: dto.reason ?? null,
        };
        await manager.update(Booking, { id }, changes);
        return { ...booking, ...changes };
      },
      { outcome: dto.outcome },
    );
  }

  async identityCheck(id: string, dto: IdentityCheckDto, user: AuthUser): Promise<IdentityCheckResult> {
    return inTransaction(this.dataSource, async (manager) => {
      const { booking, centre } = await this.load(manager, id, user, true);
      this.requireStatus(booking, 'checked_in', 'given an identity check');
      const now = this.clock.now();
      let witnessCprHash: string | null = null;
      if (dto.witness) {
        const witness = parseCpr(dto.witness.cprNumber);
        if (!witness.ok) throw this.witnessInvalid(witness.reason);
        witnessCprHash = this.cipher.lookupHash('cpr', witness.value.digits);
        if (witnessCprHash === booking.cprHash)
          throw this.witnessInvalid('the witness cannot be the applicant');
        const date = DateTime.fromJSDate(booking.startsAt, { zone: centre.timeZone }).toISODate()!;
        if (ageOn(witness.value.birthDate, date) < 18) {
          throw this.witnessInvalid('the witness must be at least 18 years old on the appointment date');
        }
        if (dto.witness.present) await this.assertWitnessMayAct(manager, witnessCprHash, booking.id, now);
      }
      const decision = decideIdentity({
        documents: dto.documents,
        controlQuestions: dto.controlQuestions,
        witness: dto.witness
          ? {
              present: dto.witness.present,
              idDocumentType: dto.witness.idDocumentType ?? undefined,
              mitidHeldLongEnough: dto.witness.mitidOver30Days,
            }
          : undefined,
        witnessMitidMinDays: this.config.witnessMitidMinDays,
        hasCprNumber: booking.cprHash !== null,
        language: booking.language,
      });
      await manager.insert(IdentityCheck, {
        bookingId: booking.id,
        centreId: centre.id,
        personKey: booking.personKey,
        recordedBy: user.id,
        at: now.toJSDate(),
        documents: dto.documents.map(({ type, valid }) => ({ type, valid })),
        controlQuestions: dto.controlQuestions,
        documentsSufficient: decision.documentsSufficient,
        witnessVerified: decision.witnessVerified,
        witnessCprHash,
        identityEstablished: decision.identityEstablished,
        witnessRequiredNextTime: decision.witnessRequiredNextTime,
        problems: decision.problems,
      });
      await this.audit.record(manager, user, [
        {
          action: 'appointment.identity_checked',
          bookingId: booking.id,
          centreId: centre.id,
          detail: {
            identityEstablished: decision.identityEstablished,
            controlQuestions: dto.controlQuestions,
            witnessVerified: decision.witnessVerified,
          },
        },
      ]);
      await this.event(manager, booking.id, user, 'identity_checked', {
        identityEstablished: decision.identityEstablished,
      });
      const { witnessRequiredNextTime: _witnessRequiredNextTime, ...result } = decision;
      return result;
    });
  }

  /** Counted under a lock on the witness, so two desks cannot both admit a fourth act. */
  private async assertWitnessMayAct(
    manager: EntityManager,
    witnessCprHash: string,
    bookingId: string,
    now: DateTime,
  ) {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1))', [witnessCprHash]);
    const [{ acts }] = await manager.query<{ acts: number }[]>(
      `SELECT count(*)::int AS acts FROM (
         SELECT DISTINCT ON (booking_id) witness_verified FROM identity_check
         WHERE witness_cpr_hash = $1 AND at > $2 AND booking_id <> $3
         ORDER BY booking_id, at DESC) latest
       WHERE witness_verified`,
      [witnessCprHash, now.minus({ days: WITNESS_WINDOW_DAYS }).toJSDate(), bookingId],
    );
    if (acts >= WITNESS_MAX_ACTS) {
      throw new DeskError(
        DeskErrorCode.WitnessLimitReached,
        `This person has already acted as witness ${acts} times in the last ${WITNESS_WINDOW_DAYS} days (at most ${WITNESS_MAX_ACTS})`,
        [
          {
            field: 'witness.cprNumber',
            message: `has acted as witness ${WITNESS_MAX_ACTS} times within ${WITNESS_WINDOW_DAYS} days`,
          },
        ],
      );
    }
  }

  private witnessInvalid(message: string): DeskError {
    return new DeskError(DeskErrorCode.WitnessInvalid, `witness.cprNumber: ${message}`, [
      { field: 'witness.cprNumber', message },
    ]);
  }

  private requireStatus(booking: Booking, status: BookingStatus, action: string): void {
    if (booking.status !== status) {
      throw new DeskError(
        DeskErrorCode.WrongState,
        `The appointment ${STATUS_PHRASES[booking.status]} and cannot be ${action}`,
      );
    }
  }

  /** One locked state change with its audit record and booking event; a second clerk waits, then finds it done. */
  private async transition(
    id: string,
    user: AuthUser,
    action: string,
    change: (manager: EntityManager, booking: Booking, centre: Centre) => Promise<Booking>,
    detail: Record<string, unknown> = {},
  ): Promise<AppointmentView> {
    return inTransaction(this.dataSource, async (manager) => {
      const { booking, centre } = await this.load(manager, id, user, true);
      const changed = await change(manager, booking, centre);
      await this.audit.record(manager, user, [
        {
          action,
          bookingId: id,
          centreId: centre.id,
          detail: { from: booking.status, to: changed.status, ...detail },
        },
      ]);
      await this.event(manager, id, user, action.replace('appointment.', ''), {
        from: booking.status,
        to: changed.status,
      });
      return this.view(changed, centre, (await this.latestChecks(manager, [id])).get(id));
    });
  }

  /** Another centre's appointment answers exactly like one that does not exist. */
  private async load(manager: EntityManager, id: string, user: AuthUser, lock: boolean) {
    if (!isUuid(id)) throw DeskError.notFound();
    // Centre row first, as every writer does (see BookingsService.findWithToken).
    if (lock)
      await manager.query(
        'SELECT 1 FROM centre WHERE id = (SELECT centre_id FROM booking WHERE id = $1) FOR SHARE',
        [id],
      );
    const booking = await manager.findOne(Booking, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!booking || !canActFor(user, booking.centreId)) throw DeskError.notFound();
    const centre = (await findCentre(manager, booking.centreId))!;
    return { booking, centre };
  }

  private async latestChecks(
    manager: EntityManager,
    bookingIds: string[],
  ): Promise<Map<string, IdentityCheck>> {
    if (bookingIds.length === 0) return new Map();
    const checks = await manager.find(IdentityCheck, {
      where: { bookingId: In(bookingIds) },
      order: { at: 'ASC', id: 'ASC' },
    });
    return new Map(checks.map((check) => [check.bookingId, check]));
  }

  private async event(
    manager: EntityManager,
    bookingId: string,
    user: AuthUser,
    action: string,
    detail: Record<string, unknown>,
  ) {
    await recordBookingEvent(manager, {
      bookingId,
      at: this.clock.now().toJSDate(),
      actor: `user:${user.id}`,
      action,
      detail,
    });
  }

  private view(booking: Booking, centre: Centre, check: IdentityCheck | undefined): AppointmentView {
    const zone = centre.timeZone;
    const iso = (instant: Date) =>
      DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true })!;
    const type = centre.appointmentTypes.find((t) => t.id === booking.appointmentTypeId)!;
    return {
      id: booking.id,
      reference: booking.reference,
      startsAt: iso(booking.startsAt),
      endsAt: iso(booking.endsAt),
      status: booking.status,
      appointmentType: { code: type.code, name: type.name, durationMinutes: type.durationMinutes },
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
