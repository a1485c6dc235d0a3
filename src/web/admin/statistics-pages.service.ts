import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { AuthUser } from '../../auth/index.js';
import { CentresService } from '../../centres/index.js';
import type { CentreView } from '../../centres/index.js';
import { Clock } from '../../common/clock.js';
import { StatisticsService } from '../../statistics/index.js';
import type { CentreStatistics } from '../../statistics/index.js';
import { format } from '../base/i18n.js';
import { longDate } from '../base/format.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';
import { fieldErrors, formField, readDay } from '../staff/staff-form.js';
import type { StaffForm } from '../staff/staff-form.js';
import { adminFrame } from './admin-pages.js';
import { percent } from './admin-people-form.js';
import { barChartSvg } from './statistics-chart.js';

type Errors = Record<string, string>;
interface Period {
  centre: CentreView;
  from: string;
  to: string;
}

const MAX_DAYS = 366;
const TARGETS = { centre: 'centre', from: 'from', to: 'to' };

/** A centre's figures for a period: the form (GET, no personal data), two charts drawn on the server, a table, CSV. */
@Injectable()
export class StatisticsPages {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly centres: CentresService,
    private readonly statistics: StatisticsService,
    private readonly clock: Clock,
  ) {}

  async page(page: PageContext, admin: AuthUser, query: StaffForm): Promise<PageResult> {
    const t = page.t.admin.people.figures;
    const centres = await this.centres.listForUser(admin);
    const { period, errors, values } = this.read(page, centres, query);
    const figures = period
      ? await this.statistics.forCentre(period.centre.id, period.from, period.to)
      : undefined;
    const rows = figures ? this.rows(page, figures) : [];
    const search = period
      ? new URLSearchParams({ centre: period.centre.id, from: period.from, to: period.to }).toString()
      : '';
    return this.renderer.render(
      'people-figures.njk',
      page,
      {
        title: t.title,
        ...adminFrame(admin, 'statistics'),
        centreOptions: centres.map((centre) => ({ value: centre.id, label: centre.name })),
        values,
        heading: period
          ? format(t.heading, {
              centre: period.centre.name,
              from: longDate(period.from, page.lang),
              to: longDate(period.to, page.lang),
            })
          : '',
        charts: figures ? this.charts(page, rows) : undefined,
        rows,
        csvHref: period ? `/admin/figures.csv?${search}` : '',
        errors,
        errorList: fieldErrors(errors, TARGETS),
        hasErrors: Object.keys(errors).length > 0,
      },
      Object.keys(errors).length ? 422 : 200,
    );
  }

  /** The table's figures as CSV (RFC 4180, UTF-8 with a BOM so that spreadsheets read the letters right). */
  async csv(page: PageContext, admin: AuthUser, query: StaffForm): Promise<PageResult> {
    const centres = await this.centres.listForUser(admin);
    const { period } = this.read(page, centres, query);
    if (!period) return this.page(page, admin, query);
    const t = page.t.admin.people.figures;
    const figures = await this.statistics.forCentre(period.centre.id, period.from, period.to);
    const cell = (value: string | number) => {
      const text = String(value);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const lines = [
      [t.measure, t.value],
      [t.centre, period.centre.name],
      [t.from, period.from],
      [t.to, period.to],
      ...this.rows(page, figures).map((row) => [row.label, row.raw]),
    ];
    return {
      file: `\uFEFF${lines.map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`,
      type: 'text/csv; charset=utf-8',
      name: `figures-${period.from}-${period.to}.csv`,
    };
  }

  private read(
    page: PageContext,
    centres: CentreView[],
    query: StaffForm,
  ): { period?: Period; errors: Errors; values: Record<string, string> } {
    const t = page.t.admin.people.figures;
    const today = this.clock.now().setZone('Europe/Copenhagen');
    const asked = {
      centre: formField(query, 'centre'),
      from: formField(query, 'from'),
      to: formField(query, 'to'),
    };
    const centre = centres.find((c) => c.id === asked.centre) ?? (asked.centre ? undefined : centres[0]);
    const from = asked.from ? readDay(asked.from) : today.startOf('month').toISODate()!;
    const to = asked.to ? readDay(asked.to) : today.toISODate()!;
    const errors: Errors = {};
    if (!centre && centres.length) errors.centre = t.centreMissing;
    if (!from) errors.from = t.fromInvalid;
    if (!to) errors.to = t.toInvalid;
    else if (from && to < from) errors.to = t.toBeforeFrom;
    else if (from && DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days >= MAX_DAYS)
      errors.to = t.tooLong;
    const shown = (iso: string | undefined, typed: string) =>
      iso ? DateTime.fromISO(iso).toFormat('dd.MM.yyyy') : typed;
    const values = {
      centre: centre?.id ?? asked.centre,
      from: shown(from, asked.from),
      to: shown(to, asked.to),
    };
    if (Object.keys(errors).length || !centre || !from || !to) return { errors, values };
    return { period: { centre, from, to }, errors, values };
  }

  private rows(page: PageContext, figures: CentreStatistics) {
    const t = page.t.admin.people.figures;
    const outcomes = page.t.staff.outcomes;
    const count = (label: string, value: number) => ({
      label,
      value: String(value),
      raw: value,
      count: true,
    });
    const share = (label: string, value: number) => ({
      label,
      value: percent(value, page.lang),
      raw: value,
      count: false,
    });
    return [
      count(t.booked, figures.booked),
      count(t.cancelledByCitizen, figures.cancelled.byCitizen),
      count(t.cancelledByCentre, figures.cancelled.byCentre),
      count(t.noShows, figures.noShows),
      count(t.completed, figures.completed.total),
      ...(Object.keys(outcomes) as (keyof typeof outcomes)[]).map((outcome) =>
        count(outcomes[outcome], figures.completed.byOutcome[outcome] ?? 0),
      ),
      share(t.flaggedShare, figures.flaggedShare),
      share(t.withWitnessShare, figures.withWitnessShare),
    ];
  }

  /** Each chart twice: narrow for phones, wide for larger screens (an SVG's text shrinks with it). */
  private charts(page: PageContext, rows: ReturnType<StatisticsPages['rows']>) {
    const t = page.t.admin.people.figures;
    const counts = rows.filter((row) => row.count).map((row) => ({ label: row.label, value: row.raw }));
    const shares = rows
      .filter((row) => !row.count)
      .map((row) => ({ label: row.label, value: Math.round(row.raw * 1000) / 10 }));
    const both = (id: string, spec: Omit<Parameters<typeof barChartSvg>[0], 'id' | 'width'>) => ({
      narrow: barChartSvg({ ...spec, id: `${id}-narrow`, width: 340 }),
      wide: barChartSvg({ ...spec, id: `${id}-wide`, width: 520 }),
    });
    return {
      counts: both('counts', { title: t.chartTitle, description: t.chartDesc, bars: counts }),
      shares: both('shares', {
        title: t.sharesTitle,
        description: t.sharesDesc,
        bars: shares,
        valueText: (value: number) => percent(value / 100, page.lang),
        max: 100,
      }),
    };
  }
}
