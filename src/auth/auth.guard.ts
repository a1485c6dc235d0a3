import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import { AuthError, AuthErrorCode } from './auth.error.js';
import { IS_PUBLIC, ROLES } from './auth.decorators.js';
import { ActiveUsers } from './active-users.js';
import type { AuthUser, Role } from './auth-user.js';

interface TokenClaims {
  sub: string;
}

/** Global: every route needs a valid bearer token of an active user unless marked @Public(); @Roles narrows it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: ActiveUsers,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const user = await this.authenticate(request.headers.authorization);
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new AuthError(AuthErrorCode.Forbidden, 'Your role may not use this route');
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<AuthUser> {
    const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(header ?? '')?.[1];
    if (!token) throw new AuthError(AuthErrorCode.NotAuthenticated, 'A bearer token is required');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(token, { algorithms: ['HS256'] });
    } catch {
      throw new AuthError(AuthErrorCode.NotAuthenticated, 'The token is invalid or has expired');
    }
    const user = await this.users.findActive(claims.sub);
    if (!user)
      throw new AuthError(AuthErrorCode.NotAuthenticated, 'The account no longer exists or is disabled');
    return user;
  }
}
