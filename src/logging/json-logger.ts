import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { pino, Logger as Pino, DestinationStream } from 'pino';
import { pinoHttp, HttpLogger } from 'pino-http';

const REQUEST_ID = /^[\w-]{8,64}$/;

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

  httpMiddleware(): HttpLogger {
    return pinoHttp({
      logger: this.pino,
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const given = request.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          // Someone may type a CPR number where a reference belongs; it must not reach the log.
          path: request.url.split('?')[0].replace(/\d{6}-?\d{4}/g, '[redacted]'),
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
        err: (error: Error) => ({ type: error.name }),
      },
    });
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
      this.pino[level]({ context, ...message });
    } else {
      this.pino[level]({ context }, message instanceof Error ? message.name : String(message));
    }
  }
}
