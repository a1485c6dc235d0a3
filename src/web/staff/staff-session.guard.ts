import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../../auth/index.js';
import { StaffSessions } from '../../staff-sessions/index.js';

export const STAFF_COOKIE = 'staff_session';
/** The session cookie goes to the desk pages and the administration pages alike. */
export const STAFF_COOKIE_PATH = '/';

/** No session, or one that has ended: the staff filter answers with the sign-in page. */
export class SignInRequired extends Error {}

type ClerkRequest = FastifyRequest & { clerk?: AuthUser };

/** The staff pages' own authentication: the session cookie, checked against the store on every request. */
@Injectable()
export class StaffSessionGuard implements CanActivate {
  constructor(private readonly sessions: StaffSessions) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ClerkRequest>();
    const user = await this.sessions.resolve(request.cookies[STAFF_COOKIE] ?? '');
    if (!user) throw new SignInRequired('no staff session');
    request.clerk = user;
    return true;
  }
}

/** The signed-in clerk, as a handler parameter. */
export const Clerk = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser =>
    context.switchToHttp().getRequest<ClerkRequest>().clerk!,
);
