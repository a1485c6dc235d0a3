import { Injectable } from '@nestjs/common';
import { QueueService } from '../../queue/index.js';
import { clockTime } from '../base/format.js';
import { format } from '../base/i18n.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';

/** How many of the last calls the screen lists. */
export const DISPLAY_CALLS = 8;
/** Without script the page reloads itself this often (with script the event stream keeps it current). */
export const DISPLAY_REFRESH_SECONDS = 10;

/** The waiting room's screen: numbers and desks only, from the queue's display (which holds no personal data). */
@Injectable()
export class DisplayPages {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly queue: QueueService,
  ) {}

  async screen(page: PageContext, centreId: string): Promise<PageResult> {
    const screen = await this.queue.screen(centreId, DISPLAY_CALLS);
    const t = page.t.display;
    const calls = screen.calls.map((call) => ({
      number: call.number,
      desk: call.desk,
      time: clockTime(call.calledAt),
    }));
    const latest = calls[0];
    return this.renderer.render('display.njk', page, {
      title: `${t.heading}, ${screen.centreName}`,
      centreName: screen.centreName,
      calls,
      latest,
      latestText: latest ? format(t.latestCall, { number: latest.number, desk: latest.desk }) : '',
      waitingText: format(t.waiting, { count: screen.waiting }),
      clock: clockTime(screen.now),
      now: screen.now,
      timeZone: screen.timeZone,
      // the public API's display: the same numbers and desks, and its event stream for live calls
      stateUrl: `/api/display/${screen.centreId}?limit=${DISPLAY_CALLS}`,
      eventsUrl: `/api/display/${screen.centreId}/events`,
      limit: DISPLAY_CALLS,
      refreshSeconds: DISPLAY_REFRESH_SECONDS,
    });
  }
}
