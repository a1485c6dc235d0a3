import { Injectable } from '@nestjs/common';
import { canActFor } from '../../auth/index.js';
import type { AuthUser } from '../../auth/index.js';
import { CentresService } from '../../centres/index.js';
import { Clock } from '../../common/clock.js';
import { DeskError, DeskService } from '../../desk/index.js';
import { QueueError, QueueErrorCode, QueueService } from '../../queue/index.js';
import { clockTime, localTime } from '../base/format.js';
import { format } from '../base/i18n.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';
import { DeskPages } from './desk-pages.service.js';
import { formField, readDesk, rememberDesk, StaffForm } from './staff-form.js';

type DeskField = { desk: string } | { value: string; error: string };

/**
 * Calling applicants to the clerk's desk and the queue slip. A call answers with a redirect (POST → 303 → GET), so
 * reloading the page never calls anyone again; a refused call shows the page it came from with why.
 */
@Injectable()
export class QueuePages {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly queue: QueueService,
    private readonly desk: DeskService,
    private readonly centres: CentresService,
    private readonly deskPages: DeskPages,
    private readonly clock: Clock,
  ) {}

  /** The earliest checked-in applicant not yet called, to the clerk's desk: on to that appointment. */
  async callNext(page: PageContext, clerk: AuthUser, centreId: string, form: StaffForm): Promise<PageResult> {
    if (!canActFor(clerk, centreId)) throw DeskError.notFound();
    const field = this.deskField(page, form);
    if (!('desk' in field)) return this.deskPages.day(page, clerk, centreId, {}, { desk: field });
    try {
      const call = await this.queue.callNext(centreId, field.desk, clerk);
      return { redirect: `/staff/appointment/${call.appointmentId}?called=1` };
    } catch (error) {
      if (error instanceof QueueError && error.code === QueueErrorCode.NobodyWaiting)
        return { redirect: `/staff/centre/${centreId}?queue=empty` };
      throw error;
    }
  }

  /** This applicant, called (again) to the clerk's desk. */
  async call(page: PageContext, clerk: AuthUser, id: string, form: StaffForm): Promise<PageResult> {
    const field = this.deskField(page, form);
    if (!('desk' in field))
      return this.deskPages.appointment(page, clerk, id, {
        errors: { desk: field.error },
        values: { desk: field.value },
      });
    try {
      await this.queue.callAppointment(id, field.desk, clerk);
    } catch (error) {
      if (error instanceof QueueError && error.code === QueueErrorCode.NotWaiting)
        return this.deskPages.appointment(page, clerk, id, {
          notice: { kind: 'error', text: page.t.staff.queue.notWaiting },
          status: 409,
        });
      throw error;
    }
    return { redirect: `/staff/appointment/${id}?called=1` };
  }

  /** The slip handed to the applicant: the number, the centre and the time; no name, no CPR number. */
  async slip(page: PageContext, clerk: AuthUser, id: string): Promise<PageResult> {
    const appointment = await this.desk.get(id, clerk);
    const centre = await this.centres.get(await this.desk.centreIdOf(id, clerk), clerk);
    const ticket = (await this.queue.tickets([id])).get(id);
    const t = page.t.staff.queue.slip;
    const now = this.clock.now().setZone(centre.timeZone).toISO()!;
    return this.renderer.render(
      'staff-slip.njk',
      page,
      {
        title: ticket ? format(t.title, { number: ticket.number }) : page.t.staff.queue.slipLink,
        clerk,
        appointmentId: appointment.id,
        centreName: centre.name,
        number: ticket?.number,
        printed: format(t.printed, { time: localTime(now, page.lang) }),
        appointmentTime: format(t.appointment, { time: clockTime(appointment.startsAt) }),
      },
      ticket ? 200 : 409,
    );
  }

  /** The desk field of a call form; a valid one is remembered on this computer for the next call. */
  private deskField(page: PageContext, form: StaffForm): DeskField {
    const typed = formField(form, 'desk');
    const desk = readDesk(typed);
    const t = page.t.staff.queue;
    if (!desk) return { value: typed, error: typed.trim() ? t.deskInvalid : t.deskMissing };
    rememberDesk(page, desk);
    return { desk };
  }
}
