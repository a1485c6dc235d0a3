import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfRefused } from './page-exception.filter.js';

/**
 * Every form post carries the token of @fastify/csrf-protection (double submit: a signed secret cookie and the
 * `_csrf` field). The plugin's check answers a refusal itself; here its answer becomes an error the pages' filter
 * renders.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): Promise<boolean> | boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method === 'GET' || request.method === 'HEAD') return true;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return new Promise((resolve, reject) => {
      const refusing = Object.create(reply, {
        send: { value: () => reject(new CsrfRefused('CSRF token missing or invalid')) },
      }) as FastifyReply;
      request.server.csrfProtection(request, refusing, () => resolve(true));
    });
  }
}
