import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/index.js';
import { BookingStatusWriter } from '../bookings/index.js';
import { localDate } from '../calendar/index.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { inTransaction } from '../database/transaction.js';
import {
  WITNESS_MAX_ACTS,
  WITNESS_WINDOW_DAYS,
  decideIdentity,
  parseCpr,
  witnessIneligibility,
} from '../identity/index.js';
import { PersonalDataCipher } from '../personal-data/index.js';
import type { IdentityCheckResultView } from './appointment.view.js';
import { DeskAppointments } from './desk-appointments.js';
import type { IdentityCheckDto } from './desk.dto.js';
import { DESK_SQL } from './desk.sql.js';
import { DeskError, DeskErrorCode } from './desk.error.js';
import { IdentityCheck } from './identity-check.entity.js';

function witnessInvalid(message: string): DeskError {
  return new DeskError(DeskErrorCode.WitnessInvalid, `witness.cprNumber: ${message}`, [
    { field: 'witness.cprNumber', message },
  ]);
}

/** The identity check at the desk: what was shown, the witness, the control questions, and the server's decision. */
@Injectable()
export class IdentityCheckService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly appointments: DeskAppointments,
    private readonly status: BookingStatusWriter,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async record(id: string, dto: IdentityCheckDto, user: AuthUser): Promise<IdentityCheckResultView> {
    return inTransaction(this.dataSource, async (manager) => {
      const { booking, centre } = await this.appointments.load(manager, id, user, true);
      this.status.next(booking, 'identity_check');
      const now = this.clock.now();
      let witnessCprHash: string | null = null;
      if (dto.witness) {
        const witness = parseCpr(dto.witness.cprNumber);
        if (!witness.ok) throw witnessInvalid(witness.reason);
        witnessCprHash = this.cipher.lookupHash('cpr', witness.value.digits);
        const [reason] = witnessIneligibility(
          { birthDate: witness.value.birthDate, isApplicant: witnessCprHash === booking.cprHash },
          localDate(centre.timeZone, booking.startsAt.getTime()),
        );
        if (reason) throw witnessInvalid(reason);
        if (dto.witness.present) await this.assertWitnessMayAct(manager, witnessCprHash, booking.id, now);
      }
      const decision = decideIdentity({
        documents: dto.documents,
        controlQuestions: dto.controlQuestions,
        witness: dto.witness
          ? {
              present: dto.witness.present,
              idDocumentType: dto.witness.idDocumentType ?? undefined,
              cprDocumentType: dto.witness.cprDocumentType ?? undefined,
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
      await this.appointments.record(
        manager,
        user,
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
        { action: 'identity_checked', detail: { identityEstablished: decision.identityEstablished } },
      );
      const { witnessRequiredNextTime: _witnessRequiredNextTime, problems, ...result } = decision;
      return {
        ...result,
        problems: problems.map((problem) => ({ ...problem, textDa: problem.textDa ?? problem.text })),
      };
    });
  }

  /** Counted under a lock on the witness, so two desks cannot both admit a fourth act. */
  private async assertWitnessMayAct(
    manager: EntityManager,
    witnessCprHash: string,
    bookingId: string,
    now: DateTime,
  ): Promise<void> {
    await manager.query(DESK_SQL.lockWitness, [witnessCprHash]);
    const [{ acts }] = await manager.query<{ acts: number }[]>(DESK_SQL.witnessActs, [
      witnessCprHash,
      now.minus({ days: WITNESS_WINDOW_DAYS }).toJSDate(),
      bookingId,
    ]);
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
}
