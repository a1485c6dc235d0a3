import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CapacityLedger } from '../capacity/index.js';
import { localDate } from '../calendar/index.js';
import { Clock } from '../common/clock.js';
import { inTransaction } from '../database/transaction.js';
import { Language, evaluateDocuments } from '../identity/index.js';
import type { CprNumber } from '../identity/index.js';
import { NotificationsService } from '../notifications/index.js';
import { PersonalDataCipher } from '../personal-data/index.js';
import { ApplicantRules } from './applicant-rules.js';
import { hashToken, newManageToken, newReference } from './booking-reference.js';
import { BookingTimes } from './booking-times.js';
import { BookingViews } from './booking-views.js';
import { ApplicantPersonalData, Booking, WitnessPersonalData } from './booking.entity.js';
import { fromDriverError } from './booking.error.js';
import type { CreateBookingDto } from './booking.dto.js';
import type { CreatedBookingView } from './booking.view.js';
import { IdempotencyStore } from './idempotency-store.js';
import { NEW_BOOKING_SQL, NewBookingRow, newBookingParams } from './new-booking.sql.js';

/** A citizen's new booking: checked against the calendar and the identity rules, held by the capacity ledger. */
@Injectable()
export class BookingCreationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly times: BookingTimes,
    private readonly rules: ApplicantRules,
    private readonly capacity: CapacityLedger,
    private readonly idempotency: IdempotencyStore,
    private readonly views: BookingViews,
    private readonly notifications: NotificationsService,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
  ) {}

  async create(
    dto: CreateBookingDto,
    idempotencyKey?: string,
  ): Promise<{ booking: CreatedBookingView; replayed: boolean }> {
    const claim = idempotencyKey === undefined ? undefined : this.idempotency.claim(idempotencyKey, dto);
    const applicantCpr = dto.applicant.cprNumber ? this.rules.cpr(dto.applicant.cprNumber) : null;
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const earlier = claim && (await this.idempotency.earlier(manager, claim));
        if (earlier) {
          // The same booking as it is now (it may have been moved or cancelled since), with its manage token.
          const current = await manager.findOneByOrFail(Booking, { id: earlier.bookingId });
          const view = await this.views.of(manager, current);
          return { booking: { ...view, manageToken: earlier.manageToken }, replayed: true };
        }
        const booking = await this.book(manager, dto, applicantCpr);
        if (claim) await this.idempotency.remember(manager, claim, booking);
        return { booking, replayed: false };
      });
    } catch (error) {
      throw fromDriverError(error);
    }
  }

  private async book(
    manager: EntityManager,
    dto: CreateBookingDto,
    applicantCpr: CprNumber | null,
  ): Promise<CreatedBookingView> {
    const cprHash = applicantCpr ? this.cipher.lookupHash('cpr', applicantCpr.digits) : null;
    const personKey = cprHash ?? this.cipher.lookupHash('email', dto.applicant.email.toLowerCase());
    const { centre, type, startsAt, cells, endsAt, previousCheckFailed } = await this.times.resolve(
      manager,
      dto.centreId,
      dto.appointmentType,
      dto.startsAt,
      personKey,
    );
    const date = localDate(centre.timeZone, startsAt.toMillis());
    this.rules.assertPossible(centre, date, applicantCpr?.birthDate, dto.applicant.arrivedInDenmarkOn);
    const language: Language = dto.applicant.language ?? 'da';
    const documents = [...new Set(dto.documents.map((document) => document.type))];
    const advice = this.rules.advice(
      {
        nationality: dto.applicant.nationality,
        countryOfResidence: dto.applicant.countryOfResidence,
        hasCprNumber: applicantCpr !== null,
        arrivedInDenmarkOn: dto.applicant.arrivedInDenmarkOn,
        documents,
        language,
        previousCheckFailed,
      },
      centre,
      date,
    );
    const witnessCpr = dto.witness ? this.rules.cpr(dto.witness.cprNumber, 'witness.cprNumber') : null;
    if (witnessCpr) this.rules.assertEligibleWitness(witnessCpr, applicantCpr?.digits ?? null, date);
    if (!witnessCpr) this.rules.assertNoWitnessRequired(advice, centre);

    const desksNeeded = type.highAssurance ? 2 : 1;
    const cellStarts = await this.capacity.take(manager, centre.id, cells, desksNeeded);
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
      desksNeeded,
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
      createdAt: this.clock.now().toJSDate(),
    };
    const booking = manager.create(Booking, {
      ...row,
      status: 'booked',
      personalDataErasedAt: null,
      outcome: null,
      outcomeReason: null,
      cancelledBy: null,
      cancelReasonCode: null,
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
    return { ...this.views.with(booking, centre, { applicant, witness }), manageToken };
  }
}
