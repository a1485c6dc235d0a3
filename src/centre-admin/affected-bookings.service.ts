import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { AuthUser } from '../auth/index.js';
import { Booking, maskedPersonalData } from '../bookings/index.js';
import { AppointmentType, CalendarError, CalendarErrorCode } from '../centres/index.js';
import { inTransaction } from '../database/transaction.js';
import { PersonalDataCipher } from '../personal-data/index.js';

/** One booking a calendar change would cancel, as the API's 409 lists it (`startsAt` in the centre's zone). */
export interface AffectedBookingRef {
  id: string;
  reference: string;
  startsAt: string;
  status: string;
}

/** The same, with what an administrator needs to recognise it: the type and the applicant's name. */
export interface AffectedBookingView extends AffectedBookingRef {
  appointmentType: { name: string; nameEn: string | null };
  applicantName: string;
}

/** The bookings a refused calendar change lists, or none when the error is another one. */
export function affectedBookingsOf(error: unknown): AffectedBookingRef[] {
  if (!(error instanceof CalendarError) || error.code !== CalendarErrorCode.BookedCapacityAffected) return [];
  const listed = error.extra.affectedBookings;
  return Array.isArray(listed) ? (listed as AffectedBookingRef[]) : [];
}

/**
 * The affected bookings as the administration shows them before a change is confirmed. Reading the applicants'
 * names is a read of personal data, so each one is audited as the desk's day list is.
 */
@Injectable()
export class AffectedBookingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
  ) {}

  async describe(listed: AffectedBookingRef[], user: AuthUser): Promise<AffectedBookingView[]> {
    if (listed.length === 0) return [];
    return inTransaction(this.dataSource, async (manager) => {
      const bookings = await manager.find(Booking, { where: { id: In(listed.map((b) => b.id)) } });
      const types = await manager.find(AppointmentType, {
        where: { id: In([...new Set(bookings.map((b) => b.appointmentTypeId))]) },
      });
      const byId = new Map(bookings.map((booking) => [booking.id, booking]));
      await this.audit.record(
        manager,
        user,
        bookings.map((booking) => ({
          action: 'appointment.viewed_as_affected_by_calendar_change',
          bookingId: booking.id,
          centreId: booking.centreId,
        })),
      );
      return listed.flatMap((ref) => {
        const booking = byId.get(ref.id);
        if (!booking) return [];
        const type = types.find((candidate) => candidate.id === booking.appointmentTypeId);
        return [
          {
            ...ref,
            appointmentType: { name: type?.name ?? '', nameEn: type?.nameEn ?? null },
            applicantName: maskedPersonalData(this.cipher, booking).applicant.fullName,
          },
        ];
      });
    });
  }
}
