import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors.js';
import type { AuthUser } from './auth-user.js';
import type { Role } from './auth-user.js';

export const IS_PUBLIC = 'auth:isPublic';
export const ROLES = 'auth:roles';

/** Routes are closed by default; this opens one to callers without a login. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Documents what the guard does on every route not @Public(): a bearer token, and 401 without a valid one. */
export const BearerAuth = () => applyDecorators(ApiBearerAuth(), ApiErrors(401));

/** Only these roles may use the route; any other is answered 403. */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROLES, roles), ApiErrors(403));

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser =>
    context.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
