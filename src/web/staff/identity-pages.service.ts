import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/index.js';
import { AppConfig } from '../../config/app-config.js';
import { DeskError, DeskErrorCode, DeskService, IdentityCheckService } from '../../desk/index.js';
import type { AppointmentView, IdentityCheckDto, IdentityCheckResultView } from '../../desk/index.js';
import { CONTROL_QUESTION_OUTCOMES, DOCUMENT_RULES, DOCUMENT_TYPES } from '../../identity/index.js';
import type { ControlQuestions, DocumentType } from '../../identity/index.js';
import { DOCUMENT_NAMES } from '../../notifications/index.js';
import { format } from '../base/i18n.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';
import { DeskPages, identityProblems, isWrongState } from './desk-pages.service.js';
import { fieldErrors, formField, StaffForm } from './staff-form.js';

type Errors = Record<string, string>;

const IDENTITY_TARGETS = { witnessCpr: 'witness-cpr', controlQuestions: 'questions-1' };
/** What the clerk saw of the witness: none of it is written back into the page once recorded. */
const WITNESS_FIELDS = [
  'witnessCpr',
  'witnessPresent',
  'witnessIdType',
  'witnessCprDocumentType',
  'witnessMitid',
] as const;

/** The identity check at the desk: the form, and the server's decision beside it. */
@Injectable()
export class IdentityPages {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly desk: DeskService,
    private readonly identity: IdentityCheckService,
    private readonly deskPages: DeskPages,
    private readonly config: AppConfig,
  ) {}

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
        cprDocumentTypes: [
          { value: '', label: t.witnessCprDocumentNone },
          ...DOCUMENT_RULES.showsCpr.map((type) => ({ value: type, label: DOCUMENT_NAMES[type][page.lang] })),
        ],
        witnessCprDocumentType: values.witnessCprDocumentType ?? '',
        mitidLegend: format(t.witnessMitid, { days: this.config.witnessMitidMinDays }),
        questions: CONTROL_QUESTION_OUTCOMES.map((value) => ({
          value,
          label: page.t.staff.questions[value],
          checked: values.controlQuestions === value,
        })),
        decision: extra.decision,
        problems: identityProblems(extra.decision, page),
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
    for (const name of WITNESS_FIELDS) values[name] = formField(form, name).trim();
    values.controlQuestions = formField(form, 'controlQuestions').trim();
    for (const type of DOCUMENT_TYPES) values[`doc_${type}`] = formField(form, `doc_${type}`);
    const errors: Errors = {};
    const cpr = values.witnessCpr.replace(/\s+/g, '');
    if (cpr && !/^\d{6}-?\d{4}$/.test(cpr)) errors.witnessCpr = t.witnessCprInvalid;
    if (!(CONTROL_QUESTION_OUTCOMES as readonly string[]).includes(values.controlQuestions))
      errors.controlQuestions = t.questionsMissing;
    if (Object.keys(errors).length)
      return this.identityForm(page, clerk, await this.desk.get(id, clerk), { values, errors });
    const idType = values.witnessIdType;
    const cprDocument = values.witnessCprDocumentType;
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
            cprDocumentType: (DOCUMENT_RULES.showsCpr as readonly string[]).includes(cprDocument)
              ? (cprDocument as DocumentType)
              : null,
            mitidOver30Days: values.witnessMitid === 'yes',
          }
        : null,
      controlQuestions: values.controlQuestions as ControlQuestions,
    };
    try {
      const decision = await this.identity.record(id, dto, clerk);
      // recorded: the witness's CPR number is not written back into the page, nor the rest of the witness
      const kept = Object.fromEntries(
        Object.entries(values).filter(([name]) => !(WITNESS_FIELDS as readonly string[]).includes(name)),
      );
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
      else if (isWrongState(error)) return this.deskPages.refusal(page, clerk, id, error);
      else throw error;
      return this.identityForm(page, clerk, await this.desk.get(id, clerk), { values, errors });
    }
  }
}
