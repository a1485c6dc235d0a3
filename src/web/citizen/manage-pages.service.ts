import { Injectable } from '@nestjs/common';
import { BookingError, BookingErrorCode, CitizenChangesService, WitnessDto } from '../../bookings/index.js';
import type { BookingView } from '../../bookings/index.js';
import { Clock } from '../../common/clock.js';
import { DomainError, InputError } from '../../common/domain-error.js';
import { validateInto } from '../../common/validation.js';
import { AppConfig } from '../../config/app-config.js';
import { DOCUMENT_NAMES, calendarFile } from '../../notifications/index.js';
import { localTime } from '../base/format.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';
import {
  field,
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

type Notice = { kind: 'success' | 'error'; text: string };

/**
 * The manage pages of one booking. The token arrives once (the e-mail link's fragment, read by a script, or the code
 * typed into a form), is exchanged for a cookie scoped to the booking, and every page after that reads the cookie.
 * A wrong code and an unknown reference get the same answer.
 */
@Injectable()
export class ManagePagesService {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly bookings: CitizenChangesService,
    private readonly session: ManageSession,
    private readonly times: TimeChoicesService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private codeForm(page: PageContext, reference: string, status = 200): PageResult {
    return this.renderer.render(
      'manage-code.njk',
      page,
      {
        title: status === 404 ? page.t.manage.notFoundTitle : page.t.manage.codeTitle,
        reference,
        notFound: status === 404,
      },
      status,
    );
  }

  /** The booking behind the cookie, or undefined (no cookie, an expired one, or a booking that is gone). */
  private async current(
    page: PageContext,
    reference: string,
  ): Promise<{ booking: BookingView; token: string } | undefined> {
    const token = this.session.token(page);
    if (!token) return undefined;
    try {
      return { booking: await this.bookings.get(reference, token), token };
    } catch (error) {
      if (error instanceof BookingError && error.code === BookingErrorCode.NotFound) return undefined;
      throw error;
    }
  }

  private viewPage(page: PageContext, booking: BookingView, notice?: Notice, status = 200): PageResult {
    return this.renderer.render(
      'manage.njk',
      page,
      {
        title: page.t.manage.title,
        booking,
        when: localTime(booking.startsAt, page.lang),
        documents: booking.documents.map((d) => DOCUMENT_NAMES[d.type][page.lang]),
        witnessDays: this.config.witnessMitidMinDays,
        changeable: booking.status === 'booked',
        notice,
      },
      status,
    );
  }

  async view(page: PageContext, reference: string): Promise<PageResult> {
    const found = await this.current(page, reference);
    return found ? this.viewPage(page, found.booking) : this.codeForm(page, reference);
  }

  /** The code (from the form, or the fragment by script) for a cookie; a wrong one answers as an unknown booking. */
  async openWithCode(page: PageContext, reference: string, form: FormBody): Promise<PageResult> {
    const code = field(form, 'code');
    try {
      const booking = await this.bookings.get(reference, code);
      this.session.open(page, booking.reference, code);
      return { redirect: `/bookings/${booking.reference}` };
    } catch (error) {
      if (error instanceof BookingError && error.code === BookingErrorCode.NotFound)
        return this.codeForm(page, reference, 404);
      throw error;
    }
  }

  async cancelConfirmation(page: PageContext, reference: string): Promise<PageResult> {
    const found = await this.current(page, reference);
    if (!found) return this.codeForm(page, reference);
    return this.renderer.render('manage-cancel.njk', page, {
      title: page.t.manage.cancelTitle,
      booking: found.booking,
      when: localTime(found.booking.startsAt, page.lang),
    });
  }

  async cancel(page: PageContext, reference: string): Promise<PageResult> {
    const found = await this.current(page, reference);
    if (!found) return this.codeForm(page, reference);
    try {
      const cancelled = await this.bookings.cancel(reference, found.token);
      return this.viewPage(page, cancelled, { kind: 'success', text: page.t.manage.cancelled });
    } catch (error) {
      return this.refused(page, found.booking, error);
    }
  }

  async moveChoices(
    page: PageContext,
    reference: string,
    query: Query | FormBody,
    taken = false,
  ): Promise<PageResult> {
    const found = await this.current(page, reference);
    if (!found) return this.codeForm(page, reference);
    const { booking } = found;
    const choices = await this.times.week(
      booking.centre.id,
      booking.appointmentType.code,
      field(query, 'week') || booking.startsAt,
      page.lang,
    );
    return this.renderer.render(
      'book-time.njk',
      page,
      {
        title: page.t.time.moveTitle,
        choices,
        taken,
        errors: {},
        form: { action: `/bookings/${booking.reference}/move`, method: 'post', hidden: {} },
        previousWeek: choices.week.previous,
        nextWeek: choices.week.next,
        backHref: `/bookings/${booking.reference}`,
      },
      taken ? 409 : 200,
    );
  }

  async move(page: PageContext, reference: string, form: FormBody): Promise<PageResult> {
    const found = await this.current(page, reference);
    if (!found) return this.codeForm(page, reference);
    const startsAt = field(form, 'startsAt');
    if (field(form, 'week') || !startsAt) return this.moveChoices(page, reference, form);
    try {
      const moved = await this.bookings.reschedule(reference, found.token, startsAt);
      return this.viewPage(page, moved, { kind: 'success', text: page.t.manage.moved });
    } catch (error) {
      if (
        error instanceof BookingError &&
        (error.code === BookingErrorCode.SlotFull ||
          (error.code === BookingErrorCode.NotBookable && error.details.some((d) => d.field === 'startsAt')))
      )
        return this.moveChoices(page, reference, {}, true);
      return this.refused(page, found.booking, error);
    }
  }

  private witnessForm(
    page: PageContext,
    booking: BookingView,
    witness: Partial<WitnessForm>,
    errors: Record<string, string> = {},
  ) {
    const failed = Object.keys(errors).length > 0;
    return this.renderer.render(
      'manage-witness.njk',
      page,
      {
        title: page.t.manage.witnessTitle,
        booking,
        witness,
        errors,
        errorList: Object.entries(errors).map(([target, message]) => ({ target, message })),
        hasErrors: failed,
        witnessDays: this.config.witnessMitidMinDays,
      },
      failed ? 422 : 200,
    );
  }

  async witnessPage(page: PageContext, reference: string): Promise<PageResult> {
    const found = await this.current(page, reference);
    if (!found) return this.codeForm(page, reference);
    return this.witnessForm(page, found.booking, { fullName: found.booking.witness?.fullName ?? '' });
  }

  async saveWitness(page: PageContext, reference: string, form: FormBody): Promise<PageResult> {
    const found = await this.current(page, reference);
    if (!found) return this.codeForm(page, reference);
    const witness = witnessFrom(form);
    const messages = page.t.witness.errors;
    if (isBlankWitness(witness))
      return this.witnessForm(page, found.booking, witness, { witnessFullName: messages.fullName });
    try {
      const dto = validateInto(WitnessDto, witnessBody(witness), 'body');
      const saved = await this.bookings.setWitness(reference, found.token, dto);
      return this.viewPage(page, saved, { kind: 'success', text: page.t.manage.witnessSaved });
    } catch (error) {
      if (
        error instanceof InputError ||
        (error instanceof BookingError && error.code !== BookingErrorCode.WrongState)
      ) {
        const text = (error as DomainError).details.map((d) => `${d.field} ${d.message}`).join(' ');
        const errors: Record<string, string> = {};
        if (/fullName/.test(text)) errors.witnessFullName = messages.fullName;
        if (/applicant/.test(text)) errors.witnessCprNumber = messages.sameAsApplicant;
        else if (/18/.test(text)) errors.witnessCprNumber = messages.underage;
        else if (/cprNumber/.test(text)) errors.witnessCprNumber = messages.cprNumber;
        if (/phone/.test(text)) errors.witnessPhone = messages.phone;
        if (Object.keys(errors).length) return this.witnessForm(page, found.booking, witness, errors);
      }
      return this.refused(page, found.booking, error);
    }
  }

  async calendar(page: PageContext, reference: string): Promise<PageResult> {
    const found = await this.current(page, reference);
    if (!found) return this.codeForm(page, reference);
    const { booking } = found;
    const file = calendarFile({
      bookingId: booking.id,
      sequence: Math.floor(this.clock.now().toSeconds()),
      method: booking.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
      startsAt: new Date(booking.startsAt),
      endsAt: new Date(booking.endsAt),
      summary: `MitID – ${booking.centre.name}`,
      location: `${booking.centre.name}, ${booking.centre.address}`,
      description: `${booking.reference}\n${this.config.publicBaseUrl}/bookings/${booking.reference}`,
      organizer: { name: booking.centre.name, email: this.config.mailFrom.replace(/^.*<([^>]+)>.*$/, '$1') },
    });
    return { file, type: 'text/calendar; charset=utf-8', name: `mitid-${booking.reference}.ics` };
  }

  async print(page: PageContext, reference: string): Promise<PageResult> {
    const found = await this.current(page, reference);
    if (!found) return this.codeForm(page, reference);
    return this.renderer.render('print.njk', page, {
      title: page.t.receipt.print,
      booking: found.booking,
      when: localTime(found.booking.startsAt, page.lang),
      documents: found.booking.documents.map((d) => DOCUMENT_NAMES[d.type][page.lang]),
      witnessDays: this.config.witnessMitidMinDays,
      receiptCode: receiptCode(found.booking.reference),
    });
  }

  close(page: PageContext, reference: string): PageResult {
    this.session.close(page, reference);
    return { redirect: '/' };
  }

  /** A change the booking's state or the cut-off forbids: the booking again, with why. */
  private refused(page: PageContext, booking: BookingView, error: unknown): PageResult {
    if (error instanceof BookingError && error.code === BookingErrorCode.PastCutoff)
      return this.viewPage(page, booking, { kind: 'error', text: page.t.manage.pastCutoff }, 409);
    if (error instanceof BookingError && error.code === BookingErrorCode.WrongState)
      return this.viewPage(page, booking, { kind: 'error', text: page.t.manage.cannotChange }, 409);
    throw error;
  }
}
