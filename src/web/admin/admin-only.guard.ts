import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../../auth/index.js';

/** A signed-in staff account on an administration page: the admin filter answers with the 403 page. */
export class AdministratorsOnly extends Error {}

/**
 * The administration pages are for administrators: runs after StaffSessionGuard, which has put the signed-in
 * account on the request. A desk account is refused, whatever its centres.
 */
@Injectable()
export class AdminOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const clerk = context.switchToHttp().getRequest<FastifyRequest & { clerk?: AuthUser }>().clerk;
    if (clerk?.role !== 'admin') throw new AdministratorsOnly('not an administrator');
    return true;
  }
}
