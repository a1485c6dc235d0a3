import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { canActFor } from '../../auth/index.js';
import type { AuthUser } from '../../auth/index.js';
import { CentresService } from '../../centres/index.js';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import { AppConfig } from '../../config/app-config.js';
import {
  DeskActionsService,
  DeskError,
  DeskErrorCode,
  DeskService,
  IdentityCheckService,
} from '../../desk/index.js';
import type { AppointmentView, IdentityCheckDto, IdentityCheckResultView } from '../../desk/index.js';
import { CONTROL_QUESTION_OUTCOMES, DOCUMENT_TYPES } from '../../identity/index.js';
import type { ControlQuestions, DocumentType } from '../../identity/index.js';
import { OUTCOMES } from '../../bookings/index.js';
import type { Outcome } from '../../bookings/index.js';
import { DOCUMENT_NAMES } from '../../notifications/index.js';
import { clockTime, localDay, localTime } from '../base/format.js';
import { format } from '../base/i18n.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';
import { fieldErrors, formField, maskName, readDay, readReference, StaffForm } from './staff-form.js';

type Notice = { kind: 'success' | 'error'; text: string };
type Errors = Record<string, string>;

const IDENTITY_TARGETS = { witnessCpr: 'witness-cpr', controlQuestions: 'questions-1' };

/** The desk pages: a centre's day, finding by reference, one appointment, its identity check and its end. */
@Injectable()
export class DeskPages {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly centres: CentresService,
    private readonly desk: DeskService,
    private readonly actions: DeskActionsService,
    private readonly identity: IdentityCheckService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async day(
    page: PageContext,
    clerk: AuthUser,
    centreId: string,
    query: StaffForm,
    find: { reference: string; error: string } | undefined = undefined,
  ): Promise<PageResult> {
    // another centre's day answers as an unknown one, as its appointments do
    if (!canActFor(clerk, centreId)) throw DeskError.notFound();
    const centre = await this.centres.get(centreId, clerk);
    const today = this.clock.now().setZone(centre.timeZone).toISODate()!;
    const asked = formField(query, 'date');
    const date = asked ? readDay(asked) : today;
    const errors: Errors = {};
    if (!date) errors.date = page.t.staff.day.dateInvalid;
    if (find) errors.reference = find.error;
    const shown = date ?? today;
    const list = await this.desk.dayList(centreId, shown, clerk);
    const t = page.t.staff;
    const day = DateTime.fromISO(shown);
    return this.renderer.render(
      'staff-day.njk',
      page,
      {
        title: t.day.title,
        clerk,
        centre,
        heading: format(t.day.heading, { centre: centre.name, day: localDay(shown, page.lang) }),
        caption: format(t.day.caption, { day: localDay(shown, page.lang) }),
        previous: day.minus({ days: 1 }).toISODate(),
        next: day.plus({ days: 1 }).toISODate(),
        isToday: shown === today,
        dateValue: date ? day.toFormat('dd.MM.yyyy') : asked,
        reference: find?.reference ?? '',
        errors,
        errorList: fieldErrors(errors, { reference: 'reference', date: 'date' }),
        hasErrors: Object.keys(errors).length > 0,
        rows: list.map((appointment) => ({
          id: appointment.id,
          time: clockTime(appointment.startsAt),
          reference: appointment.reference,
          status: t.status[appointment.status],
          name: maskName(appointment.applicant.fullName),
          cpr: appointment.applicant.cprNumberMasked ?? t.day.noCpr,
          witness: appointment.witnessAdvice.required
            ? t.day.witnessRequired
            : appointment.witnessAdvice.recommended
              ? t.day.witnessRecommended
              : t.day.witnessNone,
          witnessFlag: appointment.witnessAdvice.recommended,
          documents: appointment.documentAdvice.sufficient ? t.day.documentsOk : t.day.documentsMissing,
          documentsFlag: !appointment.documentAdvice.sufficient,
        })),
      },
      Object.keys(errors).length ? (find?.error === t.find.notFound ? 404 : 422) : 200,
    );
  }

  /** The find form (typed, or a scanner's keystrokes and Enter) leads to the appointment or back with an error. */
  async find(page: PageContext, clerk: AuthUser, query: StaffForm): Promise<PageResult> {
    const centreId = formField(query, 'centre');
    const typed = formField(query, 'reference');
    const reference = readReference(typed);
    let error: string = page.t.staff.find.invalid;
    if (reference) {
      try {
        return { redirect: `/staff/appointment/${await this.desk.findIdByReference(reference, clerk)}` };
      } catch (caught) {
        if (!(caught instanceof DeskError && caught.code === DeskErrorCode.AppointmentNotFound)) throw caught;
        error = page.t.staff.find.notFound;
      }
    }
    return this.day(page, clerk, centreId, query, { reference: typed, error });
  }

  async appointment(
    page: PageContext,
    clerk: AuthUser,
    id: string,
    extra: { notice?: Notice; errors?: Errors; values?: Record<string, string>; status?: number } = {},
  ): Promise<PageResult> {
    const appointment = await this.desk.get(id, clerk);
    const t = page.t.staff;
    const errors = extra.errors ?? {};
    const established = appointment.identityCheck?.identityEstablished === true;
    const outcome = extra.values?.outcome ?? '';
    return this.renderer.render(
      'staff-appointment.njk',
      page,
      {
        title: format(t.appointment.title, { reference: appointment.reference }),
        clerk,
        centreId: await this.desk.centreIdOf(id, clerk),
        a: appointment,
        when: localTime(appointment.startsAt, page.lang),
        statusText: t.status[appointment.status],
        documents: appointment.documents.map((d) => DOCUMENT_NAMES[d.type as DocumentType][page.lang]),
        problems: this.problems(appointment.identityCheck, page),
        questions: appointment.identityCheck
          ? t.questions[appointment.identityCheck.controlQuestions as ControlQuestions]
          : '',
        outcomeText: appointment.outcome ? t.outcomes[appointment.outcome as Outcome] : '',
        outcomes: OUTCOMES.filter((code) => code !== 'mitid_issued' || established).map((code) => ({
          value: code,
          label: t.outcomes[code],
          checked: code === outcome,
        })),
        established,
        reason: extra.values?.reason ?? '',
        notice: extra.notice,
        errors,
        errorList: fieldErrors(errors, { outcome: 'outcome-1', reason: 'reason' }),
        hasErrors: Object.keys(errors).length > 0,
      },
      extra.status ?? (Object.keys(errors).length ? 422 : 200),
    );
  }

  async checkIn(page: PageContext, clerk: AuthUser, id: string): Promise<PageResult> {
    return this.act(page, clerk, id, page.t.staff.appointment.checkedIn, () =>
      this.actions.checkIn(id, clerk),
    );
  }

  async noShow(page: PageContext, clerk: AuthUser, id: string): Promise<PageResult> {
    return this.act(page, clerk, id, page.t.staff.appointment.noShowDone, () =>
      this.actions.noShow(id, clerk),
    );
  }

  async complete(page: PageContext, clerk: AuthUser, id: string, form: StaffForm): Promise<PageResult> {
    const t = page.t.staff.appointment;
    const outcome = formField(form, 'outcome');
    const reason = formField(form, 'reason').trim();
    const errors: Errors = {};
    if (!(OUTCOMES as readonly string[]).includes(outcome)) errors.outcome = t.outcomeMissing;
    if (outcome === 'refused' && !reason) errors.reason = t.reasonMissing;
    if (Object.keys(errors).length)
      return this.appointment(page, clerk, id, { errors, values: { outcome, reason } });
    return this.act(
      page,
      clerk,
      id,
      t.completed,
      () => this.actions.complete(id, { outcome: outcome as Outcome, reason: reason || null }, clerk),
      { outcome, reason },
    );
  }

  identityForm(
    page: PageContext,
    clerk: AuthUser,
    appointment: AppointmentView,
    extra: {
      values?: Record<string, string>;
      errors?: Errors;
      decision?: IdentityCheckResultView;
      status?: number;
    } = {},
  ): PageResult {
    const t = page.t.staff.identity;
    const values = extra.values ?? {};
    const errors = extra.errors ?? {};
    const booked = new Set(appointment.documents.map((d) => d.type));
    // the documents given at booking first: those are the ones a clerk usually sees
    const types = [...DOCUMENT_TYPES].sort((a, b) => Number(booked.has(b)) - Number(booked.has(a)));
    return this.renderer.render(
      'staff-identity.njk',
      page,
      {
        title: format(t.title, { reference: appointment.reference }),
        clerk,
        a: appointment,
        documents: types.map((type, index) => ({
          booked: booked.has(type),
          id: `doc-${index + 1}`,
          name: `doc_${type}`,
          legend: `${DOCUMENT_NAMES[type][page.lang]}${booked.has(type) ? ` ${t.booked}` : ''}`,
          items: (['none', 'valid', 'invalid'] as const).map((value) => ({
            value,
            label: value === 'none' ? t.notShown : value === 'valid' ? t.valid : t.invalid,
            checked: (values[`doc_${type}`] || 'none') === value,
          })),
        })),
        othersOpen: types.some(
          (type) => !booked.has(type) && ['valid', 'invalid'].includes(values[`doc_${type}`] ?? ''),
        ),
        witnessCpr: values.witnessCpr ?? '',
        yesNo: (name: string) =>
          (['yes', 'no'] as const).map((value) => ({
            value,
            label: value === 'yes' ? page.t.common.yes : page.t.common.no,
            checked: (values[name] || 'no') === value,
          })),
        idTypes: [
          { value: '', label: t.witnessIdNone },
          ...DOCUMENT_TYPES.map((type) => ({ value: type, label: DOCUMENT_NAMES[type][page.lang] })),
        ],
        witnessIdType: values.witnessIdType ?? '',
        mitidLegend: format(t.witnessMitid, { days: this.config.witnessMitidMinDays }),
        questions: CONTROL_QUESTION_OUTCOMES.map((value) => ({
          value,
          label: page.t.staff.questions[value],
          checked: values.controlQuestions === value,
        })),
        decision: extra.decision,
        problems: this.problems(extra.decision, page),
        errors,
        errorList: fieldErrors(errors, IDENTITY_TARGETS),
        hasErrors: Object.keys(errors).length > 0,
      },
      extra.status ?? (Object.keys(errors).length ? 422 : 200),
    );
  }

  async identityPage(page: PageContext, clerk: AuthUser, id: string): Promise<PageResult> {
    return this.identityForm(page, clerk, await this.desk.get(id, clerk));
  }

  /** Records the check and shows the server's decision beside the form, its values kept. */
  async recordIdentity(page: PageContext, clerk: AuthUser, id: string, form: StaffForm): Promise<PageResult> {
    const t = page.t.staff.identity;
    const values: Record<string, string> = {};
    for (const name of ['witnessCpr', 'witnessPresent', 'witnessIdType', 'witnessMitid', 'controlQuestions'])
      values[name] = formField(form, name).trim();
    for (const type of DOCUMENT_TYPES) values[`doc_${type}`] = formField(form, `doc_${type}`);
    const errors: Errors = {};
    const cpr = values.witnessCpr.replace(/\s+/g, '');
    if (cpr && !/^\d{6}-?\d{4}$/.test(cpr)) errors.witnessCpr = t.witnessCprInvalid;
    if (!(CONTROL_QUESTION_OUTCOMES as readonly string[]).includes(values.controlQuestions))
      errors.controlQuestions = t.questionsMissing;
    if (Object.keys(errors).length)
      return this.identityForm(page, clerk, await this.desk.get(id, clerk), { values, errors });
    const idType = values.witnessIdType;
    const dto: IdentityCheckDto = {
      documents: DOCUMENT_TYPES.filter((type) => ['valid', 'invalid'].includes(values[`doc_${type}`])).map(
        (type) => ({ type, valid: values[`doc_${type}`] === 'valid' }),
      ),
      witness: cpr
        ? {
            cprNumber: cpr,
            present: values.witnessPresent === 'yes',
            idDocumentType: (DOCUMENT_TYPES as readonly string[]).includes(idType)
              ? (idType as DocumentType)
              : null,
            mitidOver30Days: values.witnessMitid === 'yes',
          }
        : null,
      controlQuestions: values.controlQuestions as ControlQuestions,
    };
    try {
      const decision = await this.identity.record(id, dto, clerk);
      // recorded: the witness's CPR number is not written back into the page, nor the rest of the witness
      const {
        witnessCpr: _cpr,
        witnessPresent: _present,
        witnessIdType: _id,
        witnessMitid: _mitid,
        ...kept
      } = values;
      return this.identityForm(page, clerk, await this.desk.get(id, clerk), {
        values: kept,
        decision,
      });
    } catch (error) {
      if (error instanceof DeskError && error.code === DeskErrorCode.WitnessLimitReached)
        errors.witnessCpr = t.witnessLimit;
      else if (error instanceof DeskError && error.code === DeskErrorCode.WitnessInvalid)
        errors.witnessCpr = /applicant/.test(error.message)
          ? t.witnessIsApplicant
          : /years old/.test(error.message)
            ? t.witnessTooYoung
            : t.witnessCprInvalid;
      else if (isWrongState(error)) return this.refusal(page, clerk, id, error);
      else throw error;
      return this.identityForm(page, clerk, await this.desk.get(id, clerk), { values, errors });
    }
  }

  private problems(decision: IdentityCheckResultView | null | undefined, page: PageContext): string[] {
    return (decision?.problems ?? []).map((problem) => (page.lang === 'da' ? problem.text : problem.textEn));
  }

  /** A desk action; the server's refusal is shown on the appointment page in the clerk's language. */
  private async act(
    page: PageContext,
    clerk: AuthUser,
    id: string,
    done: string,
    action: () => Promise<AppointmentView>,
    values: Record<string, string> = {},
  ): Promise<PageResult> {
    try {
      await action();
    } catch (error) {
      if (isWrongState(error) || isNotEstablished(error))
        return this.refusal(page, clerk, id, error as DomainError, values);
      throw error;
    }
    return this.appointment(page, clerk, id, { notice: { kind: 'success', text: done } });
  }

  private async refusal(
    page: PageContext,
    clerk: AuthUser,
    id: string,
    error: DomainError,
    values: Record<string, string> = {},
  ): Promise<PageResult> {
    const t = page.t.staff.appointment;
    const current = await this.desk.get(id, clerk);
    let text: string;
    if (isNotEstablished(error))
      text = /P code/.test(error.message) ? t.pCodeRefused : t.identityNotEstablished;
    else if (/no-show can be recorded/.test(error.message))
      text = format(t.noShowTooEarly, {
        minutes: this.config.noShowGraceMinutes,
        time: clockTime(
          DateTime.fromISO(current.startsAt, { setZone: true })
            .plus({ minutes: this.config.noShowGraceMinutes })
            .toISO()!,
        ),
      });
    else if (/check-in opens/.test(error.message)) text = t.checkInTooEarly;
    else if (/can no longer be checked in/.test(error.message)) text = t.checkInTooLate;
    else text = format(t.wrongState, { status: page.t.staff.status[current.status] });
    return this.appointment(page, clerk, id, { notice: { kind: 'error', text }, values, status: 409 });
  }
}

function isWrongState(error: unknown): error is DomainError {
  return error instanceof DomainError && String(error.code).endsWith('WRONG_STATE');
}

function isNotEstablished(error: unknown): boolean {
  return error instanceof DeskError && error.code === DeskErrorCode.IdentityNotEstablished;
}
