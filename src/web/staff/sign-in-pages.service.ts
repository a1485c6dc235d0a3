import { Injectable } from '@nestjs/common';
import { LoginService } from '../../accounts/index.js';
import { AuthError, AuthErrorCode } from '../../auth/index.js';
import type { AuthUser } from '../../auth/index.js';
import { CentresService } from '../../centres/index.js';
import type { PageContext } from '../base/page-context.js';
import { PageRenderer, PageResult } from '../base/page-renderer.js';
import { fieldErrors, formField, StaffForm } from './staff-form.js';
import { STAFF_COOKIE, STAFF_COOKIE_PATH } from './staff-session.guard.js';
import { StaffSessions } from '../../staff-sessions/index.js';

const DESK_HOME = '/staff/centre';
/** The pages a sign-in may lead to: a fixed list, so the form's `next` can never send anyone elsewhere. */
export const SIGN_IN_TARGETS = [DESK_HOME, '/admin'] as const;

function signInTarget(asked: string | undefined): string {
  return SIGN_IN_TARGETS.find((target) => target === asked) ?? DESK_HOME;
}

/** Sign-in, sign-out and the centres a clerk may use. */
@Injectable()
export class SignInPages {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly login: LoginService,
    private readonly sessions: StaffSessions,
    private readonly centres: CentresService,
  ) {}

  form(
    page: PageContext,
    options: {
      notice?: string;
      errors?: Record<string, string>;
      email?: string;
      status?: number;
      /** Where to go once signed in: one of SIGN_IN_TARGETS (the desk unless said). */
      next?: string;
    } = {},
  ): PageResult {
    const errors = options.errors ?? {};
    return this.renderer.render(
      'staff-sign-in.njk',
      page,
      {
        title: page.t.staff.signIn.title,
        notice: options.notice,
        errors,
        errorList: fieldErrors(errors, { email: 'email', password: 'password' }),
        hasErrors: Object.keys(errors).length > 0,
        email: options.email ?? '',
        next: signInTarget(options.next),
      },
      options.status ?? (Object.keys(errors).length ? 422 : 200),
    );
  }

  async start(page: PageContext, signedOut: boolean): Promise<PageResult> {
    if (await this.sessions.resolve(page.cookie(STAFF_COOKIE) ?? '')) return { redirect: DESK_HOME };
    return this.form(page, { notice: signedOut ? page.t.staff.signIn.signedOut : undefined });
  }

  async signIn(page: PageContext, body: StaffForm): Promise<PageResult> {
    const email = formField(body, 'email').trim();
    const password = formField(body, 'password');
    const next = signInTarget(formField(body, 'next'));
    const errors: Record<string, string> = {};
    if (!email) errors.email = page.t.staff.signIn.emailMissing;
    if (!password) errors.password = page.t.staff.signIn.passwordMissing;
    if (Object.keys(errors).length) return this.form(page, { errors, email, next });
    let token: string;
    try {
      ({ token } = await this.sessions.start(email, password));
    } catch (error) {
      if (error instanceof AuthError && error.code === AuthErrorCode.InvalidCredentials)
        return this.form(page, {
          errors: { password: page.t.staff.signIn.wrong },
          email,
          next,
          status: 401,
        });
      throw error;
    }
    void page.setCookie(STAFF_COOKIE, token, {
      path: STAFF_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: page.secureCookies,
    });
    return { redirect: next };
  }

  async signOut(page: PageContext): Promise<PageResult> {
    const token = page.cookie(STAFF_COOKIE);
    if (token) await this.sessions.end(token);
    void page.clearCookie(STAFF_COOKIE, { path: STAFF_COOKIE_PATH });
    return { redirect: '/staff?signedOut=1' };
  }

  async centreList(page: PageContext, clerk: AuthUser): Promise<PageResult> {
    const centres = await this.centres.listForUser(clerk);
    if (centres.length === 1) return { redirect: `/staff/centre/${centres[0].id}` };
    return this.renderer.render('staff-centres.njk', page, {
      title: page.t.staff.centres.title,
      clerk,
      centres,
    });
  }
}
