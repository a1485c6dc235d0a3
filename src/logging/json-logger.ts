import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pino, Logger as Pino, DestinationStream } from 'pino';
import { isRealDate } from '../common/gregorian.js';

const REQUEST_ID = /^[\w-]{8,64}$/;

/** The caller's X-Request-Id when it looks like one, else a new one; it is sent back and logged. */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

const CPR_AT = /^(\d\d)(\d\d)(\d\d)-?\d{4}/;

/** DDMMYY that is a real date in one of the centuries a CPR number can be born in (more is redacted, never less). */
function cprShaped(match: RegExpExecArray): boolean {
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return [1800, 1900, 2000].some((century) => isRealDate(century + year, month, day));
}

/**
 * Every CPR-shaped number in a text replaced: ten digits (a hyphen after the sixth allowed) whose first six are
 * a real DDMMYY date, also inside a longer run of digits. Other runs of digits (ids, counts) stay readable.
 */
export function redactCprNumbers(text: string): string {
  if (!/\d{6}-?\d{4}/.test(text)) return text;
  const covered = new Uint8Array(text.length);
  for (let i = 0; i + 10 <= text.length; i++) {
    const match = CPR_AT.exec(text.slice(i, i + 11));
    if (match && cprShaped(match)) covered.fill(1, i, i + match[0].length);
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (!covered[i]) out += text[i];
    else if (i === 0 || !covered[i - 1]) out += '[redacted]';
  }
  return out;
}

/** Strings anywhere in a log object, redacted; other values as they are. */
function redactStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactCprNumbers(value);
  if (depth > 8 || value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
      key,
      redactStrings(inner, depth + 1),
    ]),
  );
}

/** Someone may type a CPR number where a reference belongs; it must not reach the log. */
function loggedPath(url: string): string {
  return redactCprNumbers(url.split('?')[0]);
}

/**
 * Structured JSON logs: Nest's own messages through LoggerService, and one line per request with its id,
 * method, path and status. Headers (tokens) and bodies (personal data) are never serialised.
 * (nestjs-pino would do this, but it is CommonJS requiring the ESM-only @nestjs/common, which Jest on
 * Node 20 cannot load.)
 */
export class JsonLogger implements LoggerService {
  readonly pino: Pino;

  constructor(level: string, destination: DestinationStream = process.stdout) {
    this.pino = pino({ level, base: { service: 'borgerservice-booking' } }, destination);
  }

  /** Sends each request's id back in X-Request-Id and logs the request when its response has gone. */
  logRequests(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request, reply, done) => {
      void reply.header('X-Request-Id', request.id);
      done();
    });
    fastify.addHook('onResponse', (request, reply, done) => {
      this.logRequest(request, reply);
      done();
    });
  }

  /** The one line per request: id, method, path without the query, status and time; a 5xx at error level. */
  logRequest(request: FastifyRequest, reply: FastifyReply): void {
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    if (!this.pino.isLevelEnabled(level)) return;
    const line = {
      req: { id: request.id, method: request.method, path: loggedPath(request.url) },
      res: { statusCode: reply.statusCode },
      responseTime: Math.round(reply.elapsedTime),
    };
    this.pino[level](line, level === 'error' ? 'request errored' : 'request completed');
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write(
      'error',
      message,
      rest.find((r) => typeof r === 'string' && !r.includes('\n')) as string | undefined,
    );
  }

  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }

  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }

  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }

  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    context?: string,
  ): void {
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) {
      this.pino[level](redactStrings({ context, ...message }) as object);
    } else {
      this.pino[level](
        { context },
        redactCprNumbers(message instanceof Error ? message.name : String(message)),
      );
    }
  }
}
