import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { CapacityLedger } from '../capacity/index.js';
import { localDate } from '../calendar/index.js';
import { Clock } from '../common/clock.js';
import { Centre } from '../centres/index.js';
import { inTransaction } from '../database/transaction.js';
import { PersonalDataCipher } from '../personal-data/index.js';
import { ApplicantRules } from './applicant-rules.js';
import { BookingAction } from './booking-lifecycle.js';
import { lockForChange } from './booking-locks.js';
import { BookingMail } from './booking-mail.js';
import { applicantOf, witnessOf } from './booking-personal-data.js';
import { normalizeReference, tokenMatches } from './booking-reference.js';
import { BookingStatusWriter } from './booking-status.js';
import { BookingTimes } from './booking-times.js';
import { BookingViews, minutesBetween } from './booking-views.js';
import { Booking, WitnessPersonalData } from './booking.entity.js';
import { BookingError, BookingErrorCode, fromDriverError } from './booking.error.js';
import type { WitnessDto } from './booking.dto.js';
import type { BookingView } from './booking.view.js';

const CITIZEN = 'citizen';

/** What a citizen does with a booking through its reference and manage token: view, cancel, move, name a witness. */
@Injectable()
export class CitizenChangesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly times: BookingTimes,
    private readonly rules: ApplicantRules,
    private readonly capacity: CapacityLedger,
    private readonly status: BookingStatusWriter,
    private readonly views: BookingViews,
    private readonly mail: BookingMail,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
  ) {}

  async get(reference: string, token: string | undefined): Promise<BookingView> {
    const booking = await this.findWithToken(this.dataSource.manager, reference, token, false);
    return this.views.of(this.dataSource.manager, booking);
  }

  async cancel(reference: string, token: string | undefined): Promise<BookingView> {
    return inTransaction(this.dataSource, async (manager) => {
      const booking = await this.findWithToken(manager, reference, token, true);
      const centre = await manager.findOneByOrFail(Centre, { id: booking.centreId });
      this.assertChangeable(booking, centre, 'citizen_cancel');
      return this.views.of(manager, await this.status.cancel(manager, booking, 'citizen', CITIZEN, null));
    });
  }

  async reschedule(reference: string, token: string | undefined, startsAtText: string): Promise<BookingView> {
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const booking = await this.findWithToken(manager, reference, token, true);
        const { centre, startsAt, cells, endsAt } = await this.times.resolve(
          manager,
          booking.centreId,
          booking.appointmentTypeId,
          startsAtText,
          undefined,
          minutesBetween(booking),
        );
        this.assertChangeable(booking, centre, 'citizen_reschedule');
        if (startsAt.toMillis() === booking.startsAt.getTime()) return this.views.of(manager, booking);
        const witness = witnessOf(this.cipher, booking);
        const applicant = applicantOf(this.cipher, booking);
        const date = localDate(centre.timeZone, startsAt.toMillis());
        const birthDate =
          applicant.cprNumber === null ? undefined : this.rules.cpr(applicant.cprNumber).birthDate;
        this.rules.assertPossible(centre, date, birthDate, booking.arrivedInDenmarkOn);
        if (witness)
          this.rules.assertEligibleWitness(this.rules.cpr(witness.cprNumber), applicant.cprNumber, date);
        const advice = this.rules.adviceFor(booking, centre, date, applicant.cprNumber !== null);
        if (!witness) this.rules.assertNoWitnessRequired(advice, centre);
        // The booking keeps the desks it was booked with, whatever its type says now.
        await this.capacity.release(manager, booking.centreId, booking.cellStarts, booking.desksNeeded);
        const cellStarts = await this.capacity.take(manager, booking.centreId, cells, booking.desksNeeded);
        const changes = {
          startsAt: startsAt.toJSDate(),
          endsAt: endsAt.toJSDate(),
          cellStarts,
          witnessAdvice: advice,
        };
        await manager.update(Booking, { id: booking.id }, changes);
        await this.status.record(manager, booking.id, CITIZEN, 'rescheduled', {
          from: booking.startsAt.toISOString(),
          to: changes.startsAt.toISOString(),
        });
        const moved = { ...booking, ...changes };
        await this.mail.enqueue(manager, moved, 'rescheduled');
        return this.views.of(manager, moved);
      });
    } catch (error) {
      throw fromDriverError(error);
    }
  }

  async setWitness(reference: string, token: string | undefined, dto: WitnessDto): Promise<BookingView> {
    return inTransaction(this.dataSource, async (manager) => {
      const booking = await this.findWithToken(manager, reference, token, true);
      this.status.next(booking, 'citizen_set_witness');
      const centre = await manager.findOneByOrFail(Centre, { id: booking.centreId });
      const applicant = applicantOf(this.cipher, booking);
      const witnessCpr = this.rules.cpr(dto.cprNumber, 'cprNumber');
      const date = localDate(centre.timeZone, booking.startsAt.getTime());
      this.rules.assertEligibleWitness(witnessCpr, applicant.cprNumber, date, '');
      const changes = {
        witnessEncrypted: this.cipher.encrypt({
          fullName: dto.fullName,
          cprNumber: witnessCpr.digits,
          phone: dto.phone ?? null,
        } satisfies WitnessPersonalData),
        witnessCprHash: this.cipher.lookupHash('cpr', witnessCpr.digits),
      };
      await manager.update(Booking, { id: booking.id }, changes);
      await this.status.record(manager, booking.id, CITIZEN, 'witness_set', {});
      const named = { ...booking, ...changes };
      await this.mail.enqueue(manager, named, 'witness_changed');
      return this.views.of(manager, named);
    });
  }

  /** Changes are refused once the lifecycle or the centre's cancellation cut-off says so. */
  private assertChangeable(booking: Booking, centre: Centre, action: BookingAction): void {
    this.status.next(booking, action);
    const cutoff = DateTime.fromJSDate(booking.startsAt).minus({ hours: centre.cancellationCutoffHours });
    if (this.clock.now() >= cutoff) {
      throw new BookingError(
        BookingErrorCode.PastCutoff,
        `Bookings can be changed or cancelled until ${centre.cancellationCutoffHours} hours before the appointment; please contact the centre`,
      );
    }
  }

  /** With `lock`, the booking is locked in the one order every writer uses (booking-locks.ts). */
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
    const locked = await lockForChange(manager, booking.id);
    if (!locked) throw BookingError.notFound();
    return locked;
  }
}
