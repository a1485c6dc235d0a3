import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { bookableSlot, formatInZone, localDate } from '../availability/calendar-rules.js';
import { Clock } from '../common/clock.js';
import type { FieldIssue } from '../common/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { Centre } from '../centres/centre.entity.js';
import type { CentreStamp } from '../centres/calendar-stamp.js';
import { CentreCalendars, findCentre } from '../centres/centre-calendars.js';
import { driverCode, inTransaction } from '../database/transaction.js';
import { impossibleApplicant } from '../identity/applicant-dates.js';
import { ageOn, CprNumber, parseCpr } from '../identity/cpr-number.js';
import { evaluateDocuments, Language, withDocumentTexts } from '../identity/identity-documents.js';
import { WitnessAdvice, witnessAdvice } from '../identity/witness-advice.js';
import { PersonalDataCipher } from '../personal-data/personal-data.cipher.js';
import {
  hashToken,
  newManageToken,
  newReference,
  normalizeReference,
  tokenMatches,
} from './booking-reference.js';
import { ApplicantPersonalData, Booking, STATUS_PHRASES, WitnessPersonalData } from './booking.entity.js';
import { recordBookingEvent } from './booking-event.js';
import { applicantOf, maskedPersonalData, witnessOf } from './booking-personal-data.js';
import type { PersonalData } from './booking-personal-data.js';
import { BookingError, BookingErrorCode } from './booking.error.js';
import type { CreateBookingDto, WitnessDto } from './booking.dto.js';
import type { BookingView, CreatedBookingView } from './booking.view.js';
import { releaseCells, takeCells } from './capacity.js';
import { NEW_BOOKING_SQL, NewBookingRow, newBookingParams } from './new-booking.sql.js';
import { IdempotencyRecord } from './idempotency-record.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';

function invalid(field: string, message: string): BookingError {
  return new BookingError(BookingErrorCode.NotBookable, `${field}: ${message}`, [{ field, message }]);
}

function witnessInvalid(issues: FieldIssue[]): BookingError {
  return new BookingError(
    BookingErrorCode.WitnessInvalid,
    issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
    issues,
  );
}

/** Canonical JSON (sorted keys) so that the same request body hashes the same however its keys were ordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface Actor {
  actor: string;
}

const CITIZEN: Actor = { actor: 'citizen' };
const SYSTEM: Actor = { actor: 'system' };
/** SQL: booking b (joined to its centre c) ended before the centre's local day of $1 began. */
const ENDED_BEFORE_TODAY = `b.ends_at < (date_trunc('day', $1::timestamptz AT TIME ZONE c.time_zone) AT TIME ZONE c.time_zone)`;

@Injectable()
export class BookingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CentreCalendars,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  async create(
    dto: CreateBookingDto,
    idempotencyKey?: string,
  ): Promise<{ booking: CreatedBookingView; replayed: boolean }> {
    const applicantCpr = dto.applicant.cprNumber ? this.cpr(dto.applicant.cprNumber) : null;
    const idempotency =
      idempotencyKey === undefined
        ? undefined
        : {
            key: this.cipher.lookupHash('idempotency-key', idempotencyKey),
            requestHash: createHash('sha256').update(canonical(dto)).digest('hex'),
          };
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        if (idempotency) {
          const { key } = idempotency;
          // Requests with one key take turns; the later ones find the first one's answer.
          await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
          const earlier = await manager.findOneBy(IdempotencyRecord, { key });
          if (earlier) {
            if (earlier.requestHash !== idempotency.requestHash) {
              throw new BookingError(
                BookingErrorCode.IdempotencyKeyReused,
                'This Idempotency-Key was used with a different request body',
                [{ field: 'Idempotency-Key', message: 'was used with a different request body' }],
              );
            }
            // The same booking as it is now (it may have been moved or cancelled since), with its manage token.
            const { manageToken } = this.cipher.decrypt<CreatedBookingView>(earlier.responseEncrypted);
            const current = await manager.findOneByOrFail(Booking, { id: earlier.bookingId });
            return { booking: { ...(await this.view(manager, current)), manageToken }, replayed: true };
          }
        }
        const booking = await this.book(manager, dto, applicantCpr);
        if (idempotency) {
          await manager.insert(IdempotencyRecord, {
            ...idempotency,
            bookingId: booking.id,
            responseEncrypted: this.cipher.encrypt(booking),
            createdAt: this.clock.now().toJSDate(),
          });
        }
        return { booking, replayed: false };
      });
    } catch (error) {
      throw this.mapDriverError(error);
    }
  }

  async get(reference: string, token: string | undefined): Promise<BookingView> {
    const booking = await this.findWithToken(this.dataSource.manager, reference, token, false);
    return this.view(this.dataSource.manager, booking);
  }

  async cancel(reference: string, token: string | undefined): Promise<BookingView> {
    return inTransaction(this.dataSource, async (manager) => {
      const booking = await this.findWithToken(manager, reference, token, true);
      const centre = await manager.findOneByOrFail(Centre, { id: booking.centreId });
      this.assertChangeable(booking, centre);
      return this.view(manager, await this.cancelIn(manager, booking, 'citizen', CITIZEN, null));
    });
  }

  /** Cancels inside the caller's transaction: gives the desks back and records who did it and why. */
  async cancelIn(
    manager: EntityManager,
    booking: Booking,
    by: 'citizen' | 'centre',
    who: Actor,
    reason: string | null,
  ): Promise<Booking> {
    const changes = { status: 'cancelled' as const, cancelledBy: by, cancelReason: reason };
    // Only a booking still booked is cancelled, and only then are its desks given back: never twice.
    const { affected } = await manager.update(Booking, { id: booking.id, status: 'booked' }, changes);
    if (!affected) throw this.wrongState(booking);
    await releaseCells(manager, booking.centreId, booking.cellStarts);
    await this.record(manager, booking.id, who, 'cancelled', { by, reason });
    const cancelled = { ...booking, ...changes };
    await this.notifications.enqueue(
      manager,
      cancelled,
      by === 'citizen' ? 'cancelled_by_citizen' : 'cancelled_by_centre',
    );
    return cancelled;
  }

  /** Bookings still 'booked' after the local day of their appointment ended were not attended. */
  async markPastNoShows(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now().toJSDate();
      // TypeORM answers an UPDATE with [rows, count]
      const [marked] = await manager.query<[{ id: string }[], number]>(
        `UPDATE booking b SET status = 'no_show' FROM centre c
         WHERE b.centre_id = c.id AND b.status = 'booked'
           AND ${ENDED_BEFORE_TODAY}
         RETURNING b.id`,
        [now],
      );
      for (const { id } of marked) await this.record(manager, id, SYSTEM, 'no_show', { automatic: true });
      // Checked in but never completed: closed, so that the person is not held as active forever.
      const [stale] = await manager.query<[{ id: string }[], number]>(
        `UPDATE booking b SET status = 'completed', outcome = 'refused',
                outcome_reason = 'Closed automatically: checked in but never completed at the desk'
         FROM centre c
         WHERE b.centre_id = c.id AND b.status = 'checked_in'
           AND ${ENDED_BEFORE_TODAY}
         RETURNING b.id`,
        [now],
      );
      for (const { id } of stale)
        await this.record(manager, id, SYSTEM, 'closed_unfinished', { automatic: true });
      return marked.length;
    });
  }

  async reschedule(reference: string, token: string | undefined, startsAtText: string): Promise<BookingView> {
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const booking = await this.findWithToken(manager, reference, token, true);
        const { centre, startsAt, cells, endsAt } = await this.resolveTime(
          manager,
          booking.centreId,
          booking.appointmentTypeId,
          startsAtText,
        );
        this.assertChangeable(booking, centre);
        if (startsAt.toMillis() === booking.startsAt.getTime()) return this.view(manager, booking);
        const witness = witnessOf(this.cipher, booking);
        const applicant = applicantOf(this.cipher, booking);
        const date = localDate(centre.timeZone, startsAt.toMillis());
        const birthDate = applicant.cprNumber === null ? undefined : this.cpr(applicant.cprNumber).birthDate;
        this.assertPossibleApplicant(centre, date, birthDate, booking.arrivedInDenmarkOn);
        if (witness) this.checkWitness(this.cpr(witness.cprNumber), applicant.cprNumber, date);
        const advice = this.adviceFor(booking, centre, date, applicant.cprNumber !== null);
        if (!witness) this.assertNoWitnessRequired(advice, centre);
        await releaseCells(manager, booking.centreId, booking.cellStarts);
        const cellStarts = await takeCells(manager, booking.centreId, cells);
        const changes = {
          startsAt: startsAt.toJSDate(),
          endsAt: endsAt.toJSDate(),
          cellStarts,
          witnessAdvice: advice,
        };
        await manager.update(Booking, { id: booking.id }, changes);
        await this.record(manager, booking.id, CITIZEN, 'rescheduled', {
          from: booking.startsAt.toISOString(),
          to: changes.startsAt.toISOString(),
        });
        const moved = { ...booking, ...changes };
        await this.notifications.enqueue(manager, moved, 'rescheduled');
        return this.view(manager, moved);
      });
    } catch (error) {
      throw this.mapDriverError(error);
    }
  }

  async setWitness(reference: string, token: string | undefined, dto: WitnessDto): Promise<BookingView> {
    return inTransaction(this.dataSource, async (manager) => {
      const booking = await this.findWithToken(manager, reference, token, true);
      if (booking.status !== 'booked') throw this.wrongState(booking);
      const centre = await manager.findOneByOrFail(Centre, { id: booking.centreId });
      const applicant = applicantOf(this.cipher, booking);
      const witnessCpr = this.cpr(dto.cprNumber, 'cprNumber');
      this.checkWitness(witnessCpr, applicant.cprNumber, this.localDate(booking.startsAt, centre), '');
      const changes = {
        witnessEncrypted: this.cipher.encrypt({
          fullName: dto.fullName,
          cprNumber: witnessCpr.digits,
          phone: dto.phone ?? null,
        } satisfies WitnessPersonalData),
        witnessCprHash: this.cipher.lookupHash('cpr', witnessCpr.digits),
      };
      await manager.update(Booking, { id: booking.id }, changes);
      await this.record(manager, booking.id, CITIZEN, 'witness_set', {});
      return this.view(manager, { ...booking, ...changes });
    });
  }

  private async book(
    manager: EntityManager,
    dto: CreateBookingDto,
    applicantCpr: CprNumber | null,
  ): Promise<CreatedBookingView> {
    const cprHash = applicantCpr ? this.cipher.lookupHash('cpr', applicantCpr.digits) : null;
    const personKey = cprHash ?? this.cipher.lookupHash('email', dto.applicant.email.toLowerCase());
    const { centre, type, startsAt, cells, endsAt, previousCheckFailed } = await this.resolveTime(
      manager,
      dto.centreId,
      dto.appointmentType,
      dto.startsAt,
      personKey,
    );
    const date = localDate(centre.timeZone, startsAt.toMillis());
    this.assertPossibleApplicant(centre, date, applicantCpr?.birthDate, dto.applicant.arrivedInDenmarkOn);
    const language: Language = dto.applicant.language ?? 'da';
    const documents = [...new Set(dto.documents.map((document) => document.type))];
    const advice = witnessAdvice(
      {
        nationality: dto.applicant.nationality,
        countryOfResidence: dto.applicant.countryOfResidence,
        hasCprNumber: applicantCpr !== null,
        arrivedInDenmarkOn: dto.applicant.arrivedInDenmarkOn ?? undefined,
        documents,
        language,
        previousCheckFailed,
      },
      {
        policy: centre.witnessPolicy,
        recentArrivalMonths: this.config.recentArrivalMonths,
        appointmentDate: date,
      },
    );
    const witnessCpr = dto.witness ? this.cpr(dto.witness.cprNumber, 'witness.cprNumber') : null;
    if (witnessCpr) this.checkWitness(witnessCpr, applicantCpr?.digits ?? null, date);
    // A witness required (by the centre's policy, or because an earlier check failed) is required now.
    if (!witnessCpr) this.assertNoWitnessRequired(advice, centre);

    const cellStarts = await takeCells(manager, centre.id, cells);
    const manageToken = newManageToken();
    const applicant: ApplicantPersonalData = {
      fullName: dto.applicant.fullName,
      email: dto.applicant.email,
      phone: dto.applicant.phone ?? null,
      cprNumber: applicantCpr?.digits ?? null,
    };
    const witness: WitnessPersonalData | null =
      dto.witness && witnessCpr
        ? { fullName: dto.witness.fullName, cprNumber: witnessCpr.digits, phone: dto.witness.phone ?? null }
        : null;
    const now = this.clock.now().toJSDate();
    const row: NewBookingRow = {
      id: randomUUID(),
      reference: newReference(),
      manageTokenHash: hashToken(manageToken),
      manageTokenEncrypted: this.cipher.encrypt(manageToken),
      centreId: centre.id,
      appointmentTypeId: type.id,
      startsAt: startsAt.toJSDate(),
      endsAt: endsAt.toJSDate(),
      cellStarts,
      personKey,
      cprHash,
      applicantEncrypted: this.cipher.encrypt(applicant),
      nationality: dto.applicant.nationality.toUpperCase(),
      countryOfResidence: dto.applicant.countryOfResidence.toUpperCase(),
      arrivedInDenmarkOn: dto.applicant.arrivedInDenmarkOn ?? null,
      language,
      documents,
      witnessEncrypted: witness && this.cipher.encrypt(witness),
      witnessCprHash: witnessCpr ? this.cipher.lookupHash('cpr', witnessCpr.digits) : null,
      witnessAdvice: advice,
      documentAdvice: evaluateDocuments(documents, language, { hasCprNumber: applicantCpr !== null }),
      createdAt: now,
    };
    const booking = manager.create(Booking, {
      ...row,
      status: 'booked',
      personalDataErasedAt: null,
      outcome: null,
      outcomeReason: null,
      cancelledBy: null,
      cancelReason: null,
    });
    const confirmation = this.notifications.compose({
      booking,
      kind: 'confirmation',
      centre,
      applicant,
      manageToken,
    });
    // The row, its 'booked' event and the confirmation e-mail in one statement (new-booking.sql.ts).
    await manager.query(
      NEW_BOOKING_SQL.insert,
      newBookingParams(row, { startsAt: row.startsAt.toISOString() }, confirmation),
    );
    return { ...this.viewWith(booking, centre, { applicant, witness }), manageToken };
  }

  /**
   * The centre, appointment type and grid cells of a requested time, refused unless availability would offer it.
   * The centre row is held FOR SHARE: a booking sees the calendar as it was or as it is, never half a change. With
   * `personKey` (a new booking), the same statement says whether that person's latest identity check ended failed
   * or impossible without a verified witness.
   */
  private async resolveTime(
    manager: EntityManager,
    centreId: string,
    typeCodeOrId: string,
    startsAtText: string,
    personKey?: string,
  ) {
    const startsAt = DateTime.fromISO(startsAtText, { setZone: true });
    if (!startsAt.isValid) throw invalid('startsAt', 'is not a valid instant');
    const stamp: CentreStamp & { previous_check_failed?: boolean | null } =
      personKey === undefined
        ? await this.calendars.stampOf(manager, centreId, { lock: true })
        : await this.calendars.readStamp(centreId, () =>
            manager.query<(CentreStamp & { previous_check_failed: boolean | null })[]>(
              NEW_BOOKING_SQL.lockCentre,
              [centreId, personKey],
            ),
          );
    const { centre, rules } = await this.calendars.get(manager, centreId, stamp.stamp);
    const type = centre.appointmentTypes.find(
      (t) => t.active && (t.code === typeCodeOrId || t.id === typeCodeOrId),
    );
    if (!type) {
      // a booking's own type, since removed: the booking stands, but cannot be moved to another time of it
      const retired = centre.appointmentTypes.find((t) => !t.active && t.id === typeCodeOrId);
      if (retired) {
        throw new BookingError(
          BookingErrorCode.TypeNoLongerOffered,
          `This booking is for ${retired.name}, which the centre no longer offers; it can be cancelled, and a new time booked for another type`,
        );
      }
      throw invalid('appointmentType', 'this centre offers no such appointment type');
    }
    const slot = bookableSlot(rules, startsAt, type.durationMinutes, this.clock.now());
    if (!slot.ok) throw invalid('startsAt', slot.reason);
    const previousCheckFailed = stamp.previous_check_failed ?? false;
    return { centre, type, startsAt, cells: slot.cells, endsAt: slot.endsAt, previousCheckFailed };
  }

  private cpr(text: string, field = 'applicant.cprNumber'): CprNumber {
    const parsed = parseCpr(text);
    if (!parsed.ok) throw invalid(field, parsed.reason);
    return parsed.value;
  }

  /** A birth date after today, an applicant under MitID's age on the appointment date, an arrival not yet or before birth. */
  private assertPossibleApplicant(
    centre: Centre,
    appointmentDate: string,
    birthDate: string | undefined,
    arrivedInDenmarkOn: string | null | undefined,
  ): void {
    const issues = impossibleApplicant({
      birthDate,
      arrivedInDenmarkOn: arrivedInDenmarkOn ?? undefined,
      today: localDate(centre.timeZone, this.clock.now().toMillis()),
      appointmentDate,
    });
    if (issues.length) {
      throw new BookingError(
        BookingErrorCode.NotBookable,
        issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
        issues,
      );
    }
  }

  private checkWitness(
    witness: CprNumber,
    applicantDigits: string | null,
    appointmentDate: string,
    prefix = 'witness.',
  ): void {
    const issues: FieldIssue[] = [];
    if (applicantDigits === witness.digits) {
      issues.push({ field: `${prefix}cprNumber`, message: 'the witness cannot be the applicant' });
    }
    if (ageOn(witness.birthDate, appointmentDate) < 18) {
      issues.push({
        field: `${prefix}cprNumber`,
        message: 'the witness must be at least 18 years old on the appointment date',
      });
    }
    if (issues.length) throw witnessInvalid(issues);
  }

  private assertNoWitnessRequired(advice: WitnessAdvice, centre: Centre): void {
    if (!advice.required) return;
    const why = advice.reasons.map((reason) => reason.textEn).join(' ');
    const where = centre.witnessPolicy === 'require' && advice.recommended ? ' at this centre' : '';
    throw witnessInvalid([
      { field: 'witness', message: `a witness is required${where} for this applicant. ${why}` },
    ]);
  }

  private adviceFor(booking: Booking, centre: Centre, date: string, hasCprNumber: boolean) {
    const previousCheckFailed = booking.witnessAdvice.reasons.some(
      (r) => r.code === 'PREVIOUS_IDENTITY_CHECK_FAILED',
    );
    return witnessAdvice(
      {
        nationality: booking.nationality,
        countryOfResidence: booking.countryOfResidence,
        hasCprNumber,
        arrivedInDenmarkOn: booking.arrivedInDenmarkOn ?? undefined,
        documents: booking.documents,
        language: booking.language,
        previousCheckFailed,
      },
      {
        policy: centre.witnessPolicy,
        recentArrivalMonths: this.config.recentArrivalMonths,
        appointmentDate: date,
      },
    );
  }

  private assertChangeable(booking: Booking, centre: Centre): void {
    if (booking.status !== 'booked') throw this.wrongState(booking);
    const cutoff = DateTime.fromJSDate(booking.startsAt).minus({ hours: centre.cancellationCutoffHours });
    if (this.clock.now() >= cutoff) {
      throw new BookingError(
        BookingErrorCode.PastCutoff,
        `Bookings can be changed or cancelled until ${centre.cancellationCutoffHours} hours before the appointment; please contact the centre`,
      );
    }
  }

  private wrongState(booking: Booking): BookingError {
    return new BookingError(
      BookingErrorCode.WrongState,
      `The booking ${STATUS_PHRASES[booking.status]} and can no longer be changed`,
    );
  }

  /**
   * With `lock`, the locks are taken in the one order every writer uses (centre row, then booking row, then
   * cells), so a citizen's change and an administrator's calendar change wait for each other instead of
   * deadlocking or undoing each other.
   */
  private async findWithToken(
    manager: EntityManager,
    reference: string,
    token: string | undefined,
    lock: boolean,
  ): Promise<Booking> {
    const normalized = normalizeReference(reference);
    if (!normalized) throw BookingError.notFound();
    const booking = await manager.findOne(Booking, { where: { reference: normalized } });
    // The same answer for an unknown reference and a wrong token: neither reveals that the other exists.
    if (!booking || !tokenMatches(token, booking.manageTokenHash)) throw BookingError.notFound();
    if (!lock) return booking;
    await manager.query('SELECT 1 FROM centre WHERE id = $1 FOR SHARE', [booking.centreId]);
    return manager.findOneOrFail(Booking, { where: { id: booking.id }, lock: { mode: 'pessimistic_write' } });
  }

  private localDate(instant: Date, centre: Centre): string {
    return localDate(centre.timeZone, instant.getTime());
  }

  private async record(
    manager: EntityManager,
    bookingId: string,
    who: Actor,
    action: string,
    detail: Record<string, unknown>,
  ) {
    await recordBookingEvent(manager, {
      bookingId,
      at: this.clock.now().toJSDate(),
      actor: who.actor,
      action,
      detail,
    });
  }

  private async view(manager: EntityManager, booking: Booking): Promise<BookingView> {
    return this.viewWith(booking, (await findCentre(manager, booking.centreId))!);
  }

  /**
   * The booking as responses show it; `centre` with its appointment types. `known`: its personal data as this
   * request has it in hand, rather than decrypted again.
   */
  private viewWith(booking: Booking, centre: Centre, known?: PersonalData): BookingView {
    const type = centre.appointmentTypes.find((t) => t.id === booking.appointmentTypeId)!;
    return {
      id: booking.id,
      reference: booking.reference,
      status: booking.status,
      startsAt: formatInZone(centre.timeZone, booking.startsAt),
      endsAt: formatInZone(centre.timeZone, booking.endsAt),
      centre: { id: centre.id, name: centre.name, address: centre.address },
      appointmentType: { code: type.code, name: type.name, durationMinutes: type.durationMinutes },
      ...maskedPersonalData(this.cipher, booking, known),
      documents: booking.documents.map((type) => ({ type })),
      witnessAdvice: booking.witnessAdvice,
      documentAdvice: withDocumentTexts(booking.documentAdvice, booking.language),
      cancelledBy: booking.cancelledBy,
    };
  }

  private mapDriverError(error: unknown): unknown {
    const { code, constraint } = driverCode(error);
    if (code === '23505' && constraint === 'uq_booking_active_person') {
      return new BookingError(
        BookingErrorCode.PersonHasActiveBooking,
        'This person already holds an active booking; change or cancel that one instead',
      );
    }
    if (code === '23514' && constraint === 'ck_slot_capacity_booked') {
      return new BookingError(BookingErrorCode.SlotFull, 'This time is fully booked; choose another time');
    }
    return error;
  }
}
