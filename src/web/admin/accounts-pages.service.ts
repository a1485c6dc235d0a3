import { Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { UsersService } from '../../accounts/index.js';
import { AuthError, AuthErrorCode } from '../../auth/index.js';
import type { AuthUser, Role } from '../../auth/index.js';
import { CentresService } from '../../centres/index.js';
import { InputError } from '../../common/domain-error.js';
import { StaffSessions } from '../../staff-sessions/index.js';
import { format } from '../base/i18n.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';
import { fieldErrors, formField } from '../staff/staff-form.js';
import type { StaffForm } from '../staff/staff-form.js';
import { adminFrame } from './admin-pages.js';
import { actionKey, auditTime, formList, passwordError } from './admin-people-form.js';

type Errors = Record<string, string>;

/** What a finished change on an account's page says after its redirect (`?done=`). */
const DONE = {
  created: 'created',
  centres: 'centresSaved',
  disabled: 'disabledDone',
  enabled: 'enabledDone',
  password: 'passwordDone',
} as const;
type Done = keyof typeof DONE;

const NEW_TARGETS = { email: 'email', password: 'password', role: 'role-1', centreIds: 'centres-1' };
const ZONE = 'Europe/Copenhagen';

/**
 * Staff accounts: the list, a new account, one account's centres, access and password. The same UsersService calls
 * as the API (so the same rules and audit records); disabling and a new password also end the account's sessions.
 */
@Injectable()
export class AccountsPages {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly users: UsersService,
    private readonly centres: CentresService,
    private readonly sessions: StaffSessions,
  ) {}

  async list(page: PageContext, admin: AuthUser): Promise<PageResult> {
    const t = page.t.admin.people.accounts;
    const names = await this.centreNames(admin);
    const accounts = await this.users.list();
    return this.renderer.render('people-accounts.njk', page, {
      title: t.title,
      ...adminFrame(admin, 'accounts'),
      rows: accounts.map((account) => ({
        id: account.id,
        email: account.email,
        role: t.roles[account.role],
        centres:
          account.role === 'admin'
            ? t.allCentres
            : account.centreIds.map((id) => names.get(id) ?? id).join(', '),
        state: account.active ? t.active : t.disabled,
        active: account.active,
      })),
    });
  }

  async newForm(
    page: PageContext,
    admin: AuthUser,
    form: StaffForm = undefined,
    errors: Errors = {},
  ): Promise<PageResult> {
    const t = page.t.admin.people;
    const chosen = new Set(formList(form, 'centreIds'));
    const role = formField(form, 'role');
    return this.renderer.render(
      'people-account-new.njk',
      page,
      {
        title: t.newAccount.title,
        ...adminFrame(admin, 'accounts'),
        email: formField(form, 'email'),
        roles: (['staff', 'admin'] as const).map((value) => ({
          value,
          label: t.accounts.roles[value],
          checked: value === role,
        })),
        centreItems: (await this.centres.listForUser(admin)).map((centre) => ({
          value: centre.id,
          label: centre.name,
          checked: chosen.has(centre.id),
        })),
        errors,
        errorList: fieldErrors(errors, NEW_TARGETS),
        hasErrors: Object.keys(errors).length > 0,
      },
      Object.keys(errors).length ? 422 : 200,
    );
  }

  async create(page: PageContext, admin: AuthUser, form: StaffForm): Promise<PageResult> {
    const t = page.t.admin.people.newAccount;
    const email = formField(form, 'email').trim();
    const password = formField(form, 'password');
    const role = formField(form, 'role');
    const centreIds = formList(form, 'centreIds');
    const errors: Errors = {};
    if (!isEmail(email) || email.length > 254) errors.email = t.emailInvalid;
    const weak = passwordError(password, t);
    if (weak) errors.password = weak;
    if (role !== 'admin' && role !== 'staff') errors.role = t.roleMissing;
    else if (role === 'staff' && centreIds.length === 0) errors.centreIds = t.centresMissing;
    if (Object.keys(errors).length) return this.newForm(page, admin, form, errors);
    try {
      const created = await this.users.create({ email, password, role: role as Role, centreIds }, admin);
      return { redirect: `/admin/accounts/${created.id}?done=created` };
    } catch (error) {
      if (error instanceof AuthError && error.code === AuthErrorCode.EmailTaken) errors.email = t.emailTaken;
      else if (error instanceof InputError) errors.centreIds = t.centresMissing;
      else throw error;
      return this.newForm(page, admin, form, errors);
    }
  }

  async account(
    page: PageContext,
    admin: AuthUser,
    id: string,
    done: string | undefined,
    extra: { errors?: Errors; chosen?: string[] } = {},
  ): Promise<PageResult> {
    const t = page.t.admin.people;
    const account = await this.users.get(id);
    const errors = extra.errors ?? {};
    const chosen = new Set(extra.chosen ?? account.centreIds);
    const emails = new Map((await this.users.list()).map((user) => [user.id, user.email]));
    const history = await this.users.auditTrail(id);
    const notice = done && done in DONE ? t.account[DONE[done as Done]] : undefined;
    return this.renderer.render(
      'people-account.njk',
      page,
      {
        title: format(t.account.title, { email: account.email }),
        ...adminFrame(admin, 'accounts'),
        account,
        roleText: t.accounts.roles[account.role],
        own: account.id === admin.id,
        notice,
        centreItems: (await this.centres.listForUser(admin)).map((centre) => ({
          value: centre.id,
          label: centre.name,
          checked: chosen.has(centre.id),
        })),
        history: history.map((entry) => ({
          when: auditTime(entry.at, ZONE, page.lang),
          who: emails.get(entry.userId) ?? t.audit.unknownUser,
          what: (t.account.actions as Record<string, string>)[actionKey(entry.action)] ?? entry.action,
        })),
        errors,
        errorList: fieldErrors(errors, {
          centreIds: 'centres-1',
          password: 'new-password',
          active: 'disable',
        }),
        hasErrors: Object.keys(errors).length > 0,
      },
      Object.keys(errors).length ? 422 : 200,
    );
  }

  async saveCentres(page: PageContext, admin: AuthUser, id: string, form: StaffForm): Promise<PageResult> {
    const centreIds = formList(form, 'centreIds');
    const missing = page.t.admin.people.newAccount.centresMissing;
    if (centreIds.length === 0)
      return this.account(page, admin, id, undefined, { errors: { centreIds: missing }, chosen: [] });
    try {
      await this.users.update(id, { centreIds }, admin);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return this.account(page, admin, id, undefined, { errors: { centreIds: missing }, chosen: centreIds });
    }
    return { redirect: `/admin/accounts/${id}?done=centres` };
  }

  /** Disabled, and signed out everywhere at once (its sessions would end at their next request anyway). */
  async setActive(page: PageContext, admin: AuthUser, id: string, active: boolean): Promise<PageResult> {
    try {
      await this.users.update(id, { active }, admin);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return this.account(page, admin, id, undefined, {
        errors: { active: page.t.admin.people.account.ownAccount },
      });
    }
    if (!active) await this.sessions.endAllFor(id);
    return { redirect: `/admin/accounts/${id}?done=${active ? 'enabled' : 'disabled'}` };
  }

  /** A new password ends every session the account holds, on every device. */
  async resetPassword(page: PageContext, admin: AuthUser, id: string, form: StaffForm): Promise<PageResult> {
    const password = formField(form, 'password');
    const weak = passwordError(password, page.t.admin.people.newAccount);
    if (weak) return this.account(page, admin, id, undefined, { errors: { password: weak } });
    await this.users.resetPassword(id, password, admin);
    await this.sessions.endAllFor(id);
    return { redirect: `/admin/accounts/${id}?done=password` };
  }

  private async centreNames(admin: AuthUser): Promise<Map<string, string>> {
    return new Map((await this.centres.listForUser(admin)).map((centre) => [centre.id, centre.name]));
  }
}
