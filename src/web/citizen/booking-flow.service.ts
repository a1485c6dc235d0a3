import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  ApplicantDto,
  BookingCreationService,
  BookingError,
  BookingErrorCode,
  CreateBookingDto,
  WitnessDto,
} from '../../bookings/index.js';
import type { CreatedBookingView } from '../../bookings/index.js';
import { CentresService } from '../../centres/index.js';
import { DomainError, FieldIssue, InputError } from '../../common/domain-error.js';
import { validateInto } from '../../common/validation.js';
import { AppConfig } from '../../config/app-config.js';
import { DOCUMENT_TYPES, evaluateDocuments, witnessAdvice } from '../../identity/index.js';
import { DOCUMENT_NAMES } from '../../notifications/index.js';
import { PersonalDataCipher } from '../../personal-data/index.js';
import { countries, countryName, localTime, longDate } from '../base/format.js';
import { format } from '../base/i18n.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';
import {
  ApplicantForm,
  applicantBody,
  applicantFrom,
  arrivalDate,
  documentsFrom,
  field,
  FlowState,
  FormBody,
  isBlankWitness,
  Query,
  witnessBody,
  witnessFrom,
  WitnessForm,
} from './booking-form.js';
import { ManageSession } from './manage-session.js';
import { receiptCode } from './receipt-code.js';
import { TimeChoicesService } from './time-choices.service.js';

type Errors = Record<string, string>;
type Step = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Where each form field's error summary link points (a radio group or date group: its first input). */
const TARGETS: Record<string, string> = {
  language: 'language-1',
  arrivedInDenmarkOn: 'arrivalDay',
  documents: 'documents-1',
  centre: 'centre-1',
  type: 'type-1',
  startsAt: 'startsAt-1',
};

function summary(errors: Errors): { target: string; message: string }[] {
  return Object.entries(errors).map(([name, message]) => ({ target: TARGETS[name] ?? name, message }));
}

/** The field names of InputError details (`applicant.cprNumber`) without their prefix. */
function issueFields(error: DomainError, prefix: string): string[] {
  return error.details
    .map((issue: FieldIssue) => issue.field)
    .filter((name) => name.startsWith(prefix))
    .map((name) => name.slice(prefix.length).split(/[.[]/)[0]);
}

/**
 * The booking flow's pages: centre → type → time (GET, nothing personal in their URLs) → about you → documents →
 * witness → review → receipt (POST, the entered data carried from step to step encrypted in a hidden field).
 */
@Injectable()
export class BookingFlowService {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly times: TimeChoicesService,
    private readonly centres: CentresService,
    private readonly bookings: BookingCreationService,
    private readonly cipher: PersonalDataCipher,
    private readonly config: AppConfig,
    private readonly session: ManageSession,
  ) {}

  private steps(page: PageContext): string[] {
    const s = page.t.steps;
    return [s.centre, s.type, s.time, s.details, s.documents, s.witness, s.review];
  }

  private render(
    page: PageContext,
    template: string,
    step: Step,
    title: string,
    data: object,
    errors: Errors = {},
    status?: number,
  ) {
    const failed = Object.keys(errors).length > 0;
    return this.renderer.render(
      template,
      page,
      {
        title,
        step,
        steps: this.steps(page),
        errors,
        errorList: summary(errors),
        hasErrors: failed,
        ...data,
      },
      status ?? (failed ? 422 : 200),
    );
  }

  private seal(state: FlowState): string {
    return this.cipher.encrypt(state);
  }

  private open(form: FormBody): FlowState {
    try {
      return this.cipher.decrypt<FlowState>(field(form, 'state'));
    } catch {
      throw InputError.field('state', 'is not a state this server wrote');
    }
  }

  async centreStep(page: PageContext, errors: Errors = {}): Promise<PageResult> {
    const centres = await this.centres.listPublic();
    const centreItems = centres.map((c) => ({ value: c.id, label: c.name, hint: c.address }));
    return this.render(page, 'book-centre.njk', 1, page.t.centre.title, { centres, centreItems }, errors);
  }

  async typeStep(page: PageContext, query: Query, errors: Errors = {}): Promise<PageResult> {
    const centreId = field(query, 'centre');
    if (!centreId) return this.centreStep(page, { centre: page.t.centre.required });
    const centre = await this.times.centre(centreId);
    const typeItems = centre.appointmentTypes.map((type) => ({
      value: type.code,
      label: type.name,
      hint: format(page.t.type.minutes, { n: type.durationMinutes }),
    }));
    return this.render(page, 'book-type.njk', 2, page.t.type.title, { centre, typeItems }, errors);
  }

  async timeStep(page: PageContext, query: Query, errors: Errors = {}): Promise<PageResult> {
    const centreId = field(query, 'centre');
    const type = field(query, 'type');
    if (!type) return this.typeStep(page, query, { type: page.t.type.required });
    const choices = await this.times.week(centreId, type, field(query, 'week'), page.lang);
    const weekHref = (week: string | null) =>
      week && `/book/time?${new URLSearchParams({ centre: centreId, type, week }).toString()}`;
    return this.render(
      page,
      'book-time.njk',
      3,
      page.t.time.title,
      {
        choices,
        form: { action: '/book/details', method: 'get', hidden: { centre: centreId, type } },
        previousHref: weekHref(choices.week.previous),
        nextHref: weekHref(choices.week.next),
        backHref: `/book/type?${new URLSearchParams({ centre: centreId }).toString()}`,
      },
      errors,
    );
  }

  /** The time step again after the chosen time was taken: the rest of what was entered is kept. */
  async retimeStep(
    page: PageContext,
    state: FlowState,
    week: string,
    taken: boolean,
    errors: Errors = {},
  ): Promise<PageResult> {
    const choices = await this.times.week(state.centreId, state.type, week, page.lang);
    return this.render(
      page,
      'book-time.njk',
      3,
      page.t.time.title,
      {
        choices,
        taken,
        form: { action: '/book/time', method: 'post', hidden: { state: this.seal(state) } },
        previousWeek: choices.week.previous,
        nextWeek: choices.week.next,
      },
      errors,
      taken ? 409 : undefined,
    );
  }

  async detailsStep(page: PageContext, query: Query): Promise<PageResult> {
    const startsAt = field(query, 'startsAt');
    if (!startsAt) return this.timeStep(page, query, { startsAt: page.t.time.required });
    await this.times.centre(field(query, 'centre'));
    const state: FlowState = { centreId: field(query, 'centre'), type: field(query, 'type'), startsAt };
    return this.details(page, state, undefined, {});
  }

  private async details(
    page: PageContext,
    state: FlowState,
    applicant: ApplicantForm | undefined,
    errors: Errors,
  ) {
    return this.render(
      page,
      'book-details.njk',
      4,
      page.t.details.title,
      {
        state: this.seal(state),
        applicant: applicant ??
          state.applicant ?? { language: page.lang, nationality: '', countryOfResidence: 'DK' },
        countries: countries(page.lang),
        summaryOfTime: await this.timeSummary(page, state),
      },
      errors,
    );
  }

  private async timeSummary(page: PageContext, state: FlowState) {
    const centre = await this.times.centre(state.centreId);
    const type = centre.appointmentTypes.find((t) => t.code === state.type);
    return { centre, typeName: type?.name ?? state.type, when: localTime(state.startsAt, page.lang) };
  }

  /** Field errors of the applicant, with the API's own validation, in the page's words. */
  private applicantErrors(page: PageContext, applicant: ApplicantForm): Errors {
    const messages = page.t.details.errors;
    const errors: Errors = {};
    if (!applicant.noCpr && !applicant.cprNumber) errors.cprNumber = messages.cprOrNone;
    if (arrivalDate(applicant) === 'invalid') errors.arrivedInDenmarkOn = messages.arrivedInDenmarkOn;
    const body = applicantBody(applicant);
    try {
      validateInto(
        ApplicantDto,
        arrivalDate(applicant) === 'invalid' ? { ...body, arrivedInDenmarkOn: undefined } : body,
        'body',
      );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const name of issueFields(error, '')) {
        if (name in messages) errors[name] ??= messages[name as keyof typeof messages];
      }
    }
    // the order of the form, so that the summary reads as the page does
    const order = [
      'fullName',
      'email',
      'phone',
      'cprNumber',
      'nationality',
      'countryOfResidence',
      'arrivedInDenmarkOn',
      'language',
    ];
    return Object.fromEntries(order.filter((name) => errors[name]).map((name) => [name, errors[name]]));
  }

  async submitDetails(page: PageContext, form: FormBody): Promise<PageResult> {
    const state = this.open(form);
    const applicant = applicantFrom(form, page.lang);
    if (field(form, 'nav') === 'back')
      return this.retimeStep(page, { ...state, applicant }, state.startsAt, false);
    const errors = this.applicantErrors(page, applicant);
    if (Object.keys(errors).length) return this.details(page, state, applicant, errors);
    return this.documentsPage(page, { ...state, applicant, documentsChecked: false }, {});
  }

  private documentsPage(page: PageContext, state: FlowState, errors: Errors, advice?: object) {
    const chosen = new Set(state.documents ?? []);
    return this.render(
      page,
      'book-documents.njk',
      5,
      page.t.documents.title,
      {
        state: this.seal(state),
        documents: DOCUMENT_TYPES.map((type) => ({
          value: type,
          label: DOCUMENT_NAMES[type][page.lang],
          checked: chosen.has(type),
        })),
        advice,
      },
      errors,
    );
  }

  async submitDocuments(page: PageContext, form: FormBody): Promise<PageResult> {
    const state = this.open(form);
    if (field(form, 'nav') === 'back') return this.details(page, state, undefined, {});
    const documents = documentsFrom(form);
    if (documents.length === 0)
      return this.documentsPage(page, { ...state, documents }, { documents: page.t.documents.required });
    const advice = evaluateDocuments(documents, page.lang);
    const next: FlowState = { ...state, documents, documentsChecked: true };
    // Not enough: told at once, on the same page; continuing with the same choice goes on (the desk decides).
    const seenBefore = state.documentsChecked && String(state.documents) === String(documents);
    if (field(form, 'nav') === 'check' || (!advice.sufficient && !seenBefore))
      return this.documentsPage(page, next, {}, advice);
    return this.witnessPage(page, next, undefined, {}, advice);
  }

  /** The witness advice before the booking exists: the foreigner flag over what was entered, with the centre's policy. */
  private async adviceFor(page: PageContext, state: FlowState) {
    const applicant = state.applicant!;
    const arrived = arrivalDate(applicant);
    return witnessAdvice(
      {
        nationality: applicant.nationality,
        countryOfResidence: applicant.countryOfResidence,
        hasCprNumber: !applicant.noCpr,
        arrivedInDenmarkOn: arrived && arrived !== 'invalid' ? arrived : undefined,
        documents: state.documents ?? [],
        language: page.lang,
        previousCheckFailed: false,
      },
      {
        policy: await this.centres.witnessPolicyOf(state.centreId),
        recentArrivalMonths: this.config.recentArrivalMonths,
        appointmentDate: DateTime.fromISO(state.startsAt, { setZone: true }).toISODate()!,
      },
    );
  }

  private async witnessPage(
    page: PageContext,
    state: FlowState,
    witness: WitnessForm | undefined,
    errors: Errors,
    documentAdvice?: object,
    status?: number,
  ) {
    const advice = await this.adviceFor(page, state);
    return this.render(
      page,
      'book-witness.njk',
      6,
      page.t.witness.title,
      {
        state: this.seal(state),
        witness: witness ?? state.witness ?? {},
        advice,
        documentAdvice,
        witnessDays: this.config.witnessMitidMinDays,
      },
      errors,
      status,
    );
  }

  async submitWitness(page: PageContext, form: FormBody): Promise<PageResult> {
    const state = this.open(form);
    const witness = witnessFrom(form);
    if (field(form, 'nav') === 'back') return this.documentsPage(page, state, {});
    const messages = page.t.witness.errors;
    const errors: Errors = {};
    const advice = await this.adviceFor(page, state);
    if (isBlankWitness(witness)) {
      if (advice.required) errors.witnessFullName = messages.requiredWitness;
    } else {
      try {
        validateInto(WitnessDto, witnessBody(witness), 'body');
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        for (const name of issueFields(error, '')) {
          const key = name as keyof typeof messages;
          if (key in messages) errors[`witness${name[0].toUpperCase()}${name.slice(1)}`] = messages[key];
        }
      }
    }
    if (Object.keys(errors).length) return this.witnessPage(page, state, witness, errors);
    return this.review(page, { ...state, witness: isBlankWitness(witness) ? null : witness });
  }

  private async review(page: PageContext, state: FlowState, alert?: string, status?: number) {
    const applicant = state.applicant!;
    const arrived = arrivalDate(applicant);
    return this.render(
      page,
      'book-review.njk',
      7,
      page.t.review.title,
      {
        state: this.seal(state),
        // a new key per review page: a double click on it books once, a changed booking is a new request
        idempotencyKey: randomUUID(),
        time: await this.timeSummary(page, state),
        applicant,
        nationality: countryName(applicant.nationality, page.lang),
        residence: countryName(applicant.countryOfResidence, page.lang),
        arrived: arrived ? longDate(arrived, page.lang) : '',
        documents: (state.documents ?? []).map((type) => DOCUMENT_NAMES[type][page.lang]),
        witness: state.witness,
        advice: await this.adviceFor(page, state),
        alert,
      },
      {},
      status,
    );
  }

  /** A new time chosen after the first was taken: straight back to the review. */
  async submitRetime(page: PageContext, form: FormBody): Promise<PageResult> {
    const state = this.open(form);
    const week = field(form, 'week');
    if (week) return this.retimeStep(page, state, week, false);
    const startsAt = field(form, 'startsAt');
    if (!startsAt)
      return this.retimeStep(page, state, state.startsAt, false, { startsAt: page.t.time.required });
    const next = { ...state, startsAt };
    return next.applicant && next.documents
      ? this.review(page, next)
      : this.details(page, next, undefined, {});
  }

  async confirm(page: PageContext, form: FormBody): Promise<PageResult> {
    const state = this.open(form);
    if (field(form, 'nav') === 'back') return this.witnessPage(page, state, undefined, {});
    const key = field(form, 'idempotencyKey') || randomUUID();
    const body = {
      centreId: state.centreId,
      appointmentType: state.type,
      startsAt: state.startsAt,
      applicant: applicantBody(state.applicant!),
      documents: (state.documents ?? []).map((type) => ({ type })),
      ...(state.witness ? { witness: witnessBody(state.witness) } : {}),
    };
    let booking: CreatedBookingView;
    try {
      booking = (await this.bookings.create(validateInto(CreateBookingDto, body, 'body'), key)).booking;
    } catch (error) {
      return this.refused(page, state, error);
    }
    this.session.open(page, booking.reference, booking.manageToken);
    return this.renderer.render('receipt.njk', page, {
      title: page.t.receipt.title,
      booking,
      when: localTime(booking.startsAt, page.lang),
      email: state.applicant!.email,
      documents: booking.documents.map((d) => DOCUMENT_NAMES[d.type][page.lang]),
      witnessAdvice: booking.witnessAdvice,
      witnessDays: this.config.witnessMitidMinDays,
      receiptCode: receiptCode(booking.reference),
    });
  }

  /** A booking the service refused, answered with the step that can put it right. */
  private async refused(page: PageContext, state: FlowState, error: unknown): Promise<PageResult> {
    if (!(error instanceof DomainError)) throw error;
    const fields = error.details.map((issue) => issue.field);
    if (
      error.code === BookingErrorCode.SlotFull ||
      (error.code === BookingErrorCode.NotBookable && fields.includes('startsAt'))
    )
      return this.retimeStep(page, state, state.startsAt, true);
    if (error.code === BookingErrorCode.PersonHasActiveBooking)
      return this.review(page, state, page.t.review.personHasBooking, 409);
    if (error.code === BookingErrorCode.WitnessInvalid) {
      const messages = page.t.witness.errors;
      const text = error.details.map((issue) => issue.message).join(' ');
      // a required witness first: its reasons may name the applicant too
      const message = /a witness is required/.test(text)
        ? /earlier visit/.test(text)
          ? messages.requiredAfterFailedCheck
          : messages.requiredWitness
        : /applicant/.test(text)
          ? messages.sameAsApplicant
          : /18/.test(text)
            ? messages.underage
            : messages.requiredWitness;
      const target = fields.includes('witness') ? 'witnessFullName' : 'witnessCprNumber';
      return this.witnessPage(page, state, undefined, { [target]: message }, undefined, 422);
    }
    if (
      error instanceof InputError ||
      (error instanceof BookingError && error.code === BookingErrorCode.NotBookable)
    ) {
      const messages = page.t.details.errors;
      const errors: Errors = {};
      for (const name of issueFields(error, 'applicant.'))
        if (name in messages) errors[name] = messages[name as keyof typeof messages];
      if (Object.keys(errors).length) return this.details(page, state, undefined, errors);
    }
    throw error;
  }
}
