import { isUuid } from '../common/validators.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { ClosureRule, HolidayOptions, WeeklyInterval } from '../calendar/index.js';
import { AuthError, AuthErrorCode, AuthUser, canActFor } from '../auth/index.js';
import { inTransaction } from '../database/transaction.js';
import { AppointmentType } from './appointment-type.entity.js';
import { CalendarError, CalendarErrorCode } from './calendar.error.js';
import {
  appointmentTypeIssues,
  closureIssues,
  highAssuranceIssues,
  openingHoursIssues,
} from './calendar-checks.js';
import { Centre } from './centre.entity.js';
import type { WitnessPolicy } from './centre.entity.js';
import { CentreCalendar, CentreCalendars, findCentre, hhmm, weeklyHours } from './centre-calendars.js';
import {
  AppointmentTypeDto,
  CreateCentreDto,
  CreateClosureDto,
  UpdateCentreDto,
  WeeklyHoursDto,
} from './centre.dto.js';
import { CentreView, ClosureView, PublicCentreView } from './centre.view.js';
import { Closure } from './closure.entity.js';
import { OpeningHours } from './opening-hours.entity.js';
import { CENTRES_SQL } from './centres.sql.js';

/** A pending calendar change: new weekly hours, or one more closure; `moved`: a new grid or zone. */
export interface CalendarChange {
  weekly?: WeeklyInterval[];
  closure?: ClosureRule;
  holidays?: HolidayOptions;
  moved?: ('slotMinutes' | 'timeZone')[];
  /** Appointment types no longer offered: their booked times are affected whatever the desks. */
  retiredTypeIds?: string[];
}

export type CalendarChangeHook = (
  manager: EntityManager,
  centre: Centre,
  change: CalendarChange,
) => Promise<void>;

function invalid(details: { field: string; message: string }[]): CalendarError {
  const message = details.map((d) => `${d.field}: ${d.message}`).join('; ');
  return new CalendarError(CalendarErrorCode.InvalidCalendar, message, details);
}

@Injectable()
export class CentresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Centre) private readonly centres: Repository<Centre>,
    private readonly calendars: CentreCalendars,
  ) {}

  async listPublic(): Promise<PublicCentreView[]> {
    const centres = await this.centres.find({
      where: { active: true },
      relations: { appointmentTypes: true },
      order: { name: 'ASC' },
    });
    return centres.map((centre) => this.publicView(centre));
  }

  /** An active centre's witness policy: the booking pages advise on a witness before a booking exists. */
  async witnessPolicyOf(id: string): Promise<WitnessPolicy> {
    const centre = isUuid(id) ? await this.centres.findOneBy({ id, active: true }) : null;
    if (!centre) throw CalendarError.centreNotFound();
    return centre.witnessPolicy;
  }

  async listForUser(user: AuthUser): Promise<CentreView[]> {
    const centres = await this.centres.find({
      relations: { appointmentTypes: true, openingHours: true },
      order: { name: 'ASC' },
    });
    return centres.filter((centre) => canActFor(user, centre.id)).map((centre) => this.view(centre));
  }

  async get(id: string, user: AuthUser): Promise<CentreView> {
    this.assertAccess(user, id);
    return this.view(await this.load(this.dataSource.manager, id));
  }

  async create(dto: CreateCentreDto): Promise<CentreView> {
    const saved = await this.centres.save(this.centres.create({ ...dto }));
    return this.view(await this.load(this.dataSource.manager, saved.id));
  }

  /** `beforeWrite` guards booked times when the change closes days (5 June, 24 and 31 December). */
  async update(id: string, dto: UpdateCentreDto, beforeWrite?: CalendarChangeHook): Promise<CentreView> {
    return inTransaction(this.dataSource, async (manager) => {
      const centre = await this.load(manager, id, true);
      const holidays = {
        openOnConstitutionDay: dto.openOnConstitutionDay ?? centre.openOnConstitutionDay,
        openOnChristmasEve: dto.openOnChristmasEve ?? centre.openOnChristmasEve,
        openOnNewYearsEve: dto.openOnNewYearsEve ?? centre.openOnNewYearsEve,
      };
      // Deactivating a centre takes every desk it has: its booked times follow the same rule as closing them (also
      // when it is inactive already, so that bookings left at a centre deactivated earlier can be cancelled).
      const closing = dto.active === false;
      const moved = (['slotMinutes', 'timeZone'] as const).filter(
        (f) => dto[f] !== undefined && dto[f] !== centre[f],
      );
      await beforeWrite?.(manager, centre, { holidays, moved, ...(closing ? { weekly: [] } : {}) });
      if (dto.slotMinutes !== undefined && dto.slotMinutes !== centre.slotMinutes) {
        const types = centre.appointmentTypes.filter((type) => type.active);
        const issues = [
          ...appointmentTypeIssues(types, dto.slotMinutes, (i) => `appointmentTypes[${i}]`),
          ...openingHoursIssues(weeklyHours(centre), dto.slotMinutes).map((issue) => ({
            ...issue,
            field: `openingHours.${issue.field}`,
          })),
        ];
        if (issues.length) {
          throw invalid([
            {
              field: 'slotMinutes',
              message: 'the current appointment types or opening hours are not on this grid',
            },
            ...issues,
          ]);
        }
      }
      if (dto.offersHighAssurance === false) {
        const types = centre.appointmentTypes.filter((type) => type.active);
        const issues = highAssuranceIssues(types, false, (i) => `appointmentTypes[${i}]`);
        if (issues.length) {
          throw invalid([
            {
              field: 'offersHighAssurance',
              message: 'the centre still offers high-assurance appointment types',
            },
            ...issues,
          ]);
        }
      }
      await manager.update(Centre, { id }, { ...dto });
      return this.view(await this.load(manager, id));
    });
  }

  /** `beforeWrite` guards the booked times of the types that are no longer listed. */
  async replaceAppointmentTypes(
    id: string,
    types: AppointmentTypeDto[],
    beforeWrite?: CalendarChangeHook,
  ): Promise<CentreView> {
    return inTransaction(this.dataSource, async (manager) => {
      const centre = await this.load(manager, id, true);
      const issues = [
        ...appointmentTypeIssues(types, centre.slotMinutes),
        ...highAssuranceIssues(types, centre.offersHighAssurance),
      ];
      if (issues.length) throw invalid(issues);
      const listed = new Set(types.map((type) => type.code));
      const retiredTypeIds = centre.appointmentTypes
        .filter((type) => type.active && !listed.has(type.code))
        .map((type) => type.id);
      if (retiredTypeIds.length) await beforeWrite?.(manager, centre, { retiredTypeIds });
      await manager.update(AppointmentType, { centreId: id }, { active: false });
      await manager.upsert(
        AppointmentType,
        types.map((type, position) => ({
          centreId: id,
          ...type,
          nameEn: type.nameEn ?? null,
          highAssurance: type.highAssurance ?? false,
          active: true,
          position,
        })),
        ['centreId', 'code'],
      );
      return this.view(await this.load(manager, id));
    });
  }

  /**
   * Replaces the weekly hours. `beforeWrite` sees the calendar as it will be, inside the transaction that holds
   * the centre row, so that whoever guards booked capacity decides before anything changes.
   */
  async setOpeningHours(
    id: string,
    weekly: WeeklyHoursDto[],
    beforeWrite?: CalendarChangeHook,
  ): Promise<CentreView> {
    return inTransaction(this.dataSource, async (manager) => {
      const centre = await this.load(manager, id, true);
      const issues = openingHoursIssues(weekly, centre.slotMinutes);
      if (issues.length) throw invalid(issues);
      await beforeWrite?.(manager, centre, { weekly });
      await manager.delete(OpeningHours, { centreId: id });
      await manager.insert(
        OpeningHours,
        weekly.map((entry) => ({ centreId: id, ...entry })),
      );
      return this.view(await this.load(manager, id));
    });
  }

  async addClosure(
    id: string,
    dto: CreateClosureDto,
    user: AuthUser,
    beforeWrite?: CalendarChangeHook,
  ): Promise<ClosureView> {
    const issues = closureIssues(dto);
    if (issues.length) throw invalid(issues);
    return inTransaction(this.dataSource, async (manager) => {
      const centre = await this.load(manager, id, true);
      const closure = {
        fromDate: dto.from,
        toDate: dto.to,
        startTime: dto.startTime ?? null,
        endTime: dto.endTime ?? null,
        reason: dto.reason,
      };
      await beforeWrite?.(manager, centre, { closure });
      const saved = await manager.save(
        manager.create(Closure, { centreId: id, ...closure, createdBy: user.id }),
      );
      return this.closureView(saved);
    });
  }

  async listClosures(id: string, user: AuthUser): Promise<ClosureView[]> {
    this.assertAccess(user, id);
    await this.load(this.dataSource.manager, id);
    const closures = await this.dataSource.manager.find(Closure, {
      where: { centreId: id },
      order: { fromDate: 'ASC' },
    });
    return closures.map((closure) => this.closureView(closure));
  }

  /**
   * The calendar of an active centre (`includeInactive`: of any centre), with every closure. With `lock`, the
   * centre row is held FOR SHARE: calendar changes lock it FOR UPDATE, so a booking sees the calendar as it was
   * or as it is, never half.
   */
  async rulesFor(
    manager: EntityManager,
    id: string,
    options: { includeInactive?: boolean; lock?: boolean } = {},
  ): Promise<CentreCalendar> {
    const { stamp } = await this.calendars.stampOf(manager, id, options);
    return this.calendars.get(manager, id, stamp);
  }

  assertAccess(user: AuthUser, centreId: string): void {
    if (!canActFor(user, centreId))
      throw new AuthError(AuthErrorCode.Forbidden, 'You do not work at this centre');
  }

  private async load(manager: EntityManager, id: string, lock = false): Promise<Centre> {
    if (!isUuid(id)) throw CalendarError.centreNotFound();
    // Calendar changes of one centre take turns on its row, so two admins cannot interleave a replace.
    if (lock) await manager.query(CENTRES_SQL.lockCentre, [id]);
    const centre = await findCentre(manager, id, true);
    if (!centre) throw CalendarError.centreNotFound();
    return centre;
  }

  private publicView(centre: Centre): PublicCentreView {
    return {
      id: centre.id,
      name: centre.name,
      address: centre.address,
      municipality: centre.municipality,
      timeZone: centre.timeZone,
      appointmentTypes: centre.appointmentTypes
        .filter((type) => type.active)
        .sort((a, b) => a.position - b.position)
        .map(({ code, name, nameEn, durationMinutes, highAssurance }) => ({
          code,
          name,
          nameEn,
          durationMinutes,
          highAssurance,
        })),
    };
  }

  private view(centre: Centre): CentreView {
    return {
      ...this.publicView(centre),
      active: centre.active,
      witnessPolicy: centre.witnessPolicy,
      offersHighAssurance: centre.offersHighAssurance,
      slotMinutes: centre.slotMinutes,
      bookingHorizonDays: centre.bookingHorizonDays,
      minNoticeHours: centre.minNoticeHours,
      cancellationCutoffHours: centre.cancellationCutoffHours,
      contactEmail: centre.contactEmail,
      contactPhone: centre.contactPhone,
      openOnConstitutionDay: centre.openOnConstitutionDay,
      openOnChristmasEve: centre.openOnChristmasEve,
      openOnNewYearsEve: centre.openOnNewYearsEve,
      openingHours: weeklyHours(centre),
    };
  }

  private closureView(closure: Closure): ClosureView {
    return {
      id: closure.id,
      from: closure.fromDate,
      to: closure.toDate,
      startTime: closure.startTime && hhmm(closure.startTime),
      endTime: closure.endTime && hhmm(closure.endTime),
      reason: closure.reason,
    };
  }
}
