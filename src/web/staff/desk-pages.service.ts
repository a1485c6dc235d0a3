import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { canActFor } from '../../auth/index.js';
import type { AuthUser } from '../../auth/index.js';
import { CentresService } from '../../centres/index.js';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import { AppConfig } from '../../config/app-config.js';
import { DeskActionsService, DeskError, DeskErrorCode, DeskService } from '../../desk/index.js';
import type { AppointmentView, IdentityCheckResultView } from '../../desk/index.js';
import type { ControlQuestions, DocumentType } from '../../identity/index.js';
import { OUTCOMES } from '../../bookings/index.js';
import type { Outcome } from '../../bookings/index.js';
import { DOCUMENT_NAMES } from '../../notifications/index.js';
import { QueueService } from '../../queue/index.js';
import type { QueueTicketState } from '../../queue/index.js';
import { clockTime, localDay, localTime } from '../base/format.js';
import { format } from '../base/i18n.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';
import {
  fieldErrors,
  formField,
  maskName,
  readDay,
  readReference,
  rememberedDesk,
  StaffForm,
} from './staff-form.js';

type Notice = { kind: 'success' | 'error'; text: string };
type Errors = Record<string, string>;

/** What a day list shows beside the day: a find that failed, or a desk field the call-next form refused. */
export interface DayExtra {
  find?: { reference: string; error: string };
  desk?: { value: string; error: string };
}

/** The desk pages: a centre's day (with calling the next in the queue), finding by reference, one appointment. */
@Injectable()
export class DeskPages {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly centres: CentresService,
    private readonly desk: DeskService,
    private readonly actions: DeskActionsService,
    private readonly queue: QueueService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async day(
    page: PageContext,
    clerk: AuthUser,
    centreId: string,
    query: StaffForm,
    extra: DayExtra = {},
  ): Promise<PageResult> {
    const { find } = extra;
    // another centre's day answers as an unknown one, as its appointments do
    if (!canActFor(clerk, centreId)) throw DeskError.notFound();
    const centre = await this.centres.get(centreId, clerk);
    const today = this.clock.now().setZone(centre.timeZone).toISODate()!;
    const asked = formField(query, 'date');
    const date = asked ? readDay(asked) : today;
    const errors: Errors = {};
    if (!date) errors.date = page.t.staff.day.dateInvalid;
    if (extra.desk) errors.desk = extra.desk.error;
    if (find) errors.reference = find.error;
    const shown = date ?? today;
    const list = await this.desk.dayList(centreId, shown, clerk);
    const tickets = await this.queue.tickets(list.map((appointment) => appointment.id));
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
        desk: extra.desk?.value ?? rememberedDesk(page),
        waiting: shown === today ? (await this.queue.display(centreId, 1)).waiting : undefined,
        queueNotice: formField(query, 'queue') === 'empty' ? t.queue.nobodyWaiting : undefined,
        errors,
        errorList: fieldErrors(errors, { desk: 'desk', reference: 'reference', date: 'date' }),
        hasErrors: Object.keys(errors).length > 0,
        rows: list.map((appointment) => ({
          id: appointment.id,
          time: clockTime(appointment.startsAt),
          reference: appointment.reference,
          status: t.status[appointment.status],
          number: appointment.queueNumber ?? t.queue.noNumber,
          called: calledText(tickets.get(appointment.id), page),
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
    return this.day(page, clerk, centreId, query, { find: { reference: typed, error } });
  }

  async appointment(
    page: PageContext,
    clerk: AuthUser,
    id: string,
    extra: {
      notice?: Notice;
      errors?: Errors;
      values?: Record<string, string>;
      status?: number;
      called?: boolean;
    } = {},
  ): Promise<PageResult> {
    const appointment = await this.desk.get(id, clerk);
    const ticket = (await this.queue.tickets([id])).get(id);
    const t = page.t.staff;
    const errors = extra.errors ?? {};
    const notice =
      extra.notice ??
      (extra.called && ticket?.desk
        ? {
            kind: 'success',
            text: format(t.queue.calledNotice, { number: ticket.number, desk: ticket.desk }),
          }
        : undefined);
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
        problems: identityProblems(appointment.identityCheck, page),
        ticket,
        calledText: calledText(ticket, page) || t.queue.notCalled,
        canCall: appointment.status === 'checked_in' && ticket !== undefined,
        desk: extra.values?.desk ?? rememberedDesk(page),
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
        notice,
        errors,
        errorList: fieldErrors(errors, { desk: 'desk', outcome: 'outcome-1', reason: 'reason' }),
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

  async refusal(
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

/** The server's problems with an identity check, in the clerk's language. */
export function identityProblems(
  decision: IdentityCheckResultView | null | undefined,
  page: PageContext,
): string[] {
  return (decision?.problems ?? []).map((problem) => (page.lang === 'da' ? problem.text : problem.textEn));
}

/** Where and when a ticket was last called, or empty when it has not been. */
function calledText(ticket: QueueTicketState | undefined, page: PageContext): string {
  if (!ticket?.calledAt || !ticket.desk) return '';
  const values = { desk: ticket.desk, time: clockTime(ticket.calledAt), calls: ticket.calls };
  return format(ticket.calls > 1 ? page.t.staff.queue.calledAgain : page.t.staff.queue.calledTo, values);
}

export function isWrongState(error: unknown): error is DomainError {
  return error instanceof DomainError && String(error.code).endsWith('WRONG_STATE');
}

function isNotEstablished(error: unknown): boolean {
  return error instanceof DeskError && error.code === DeskErrorCode.IdentityNotEstablished;
}
