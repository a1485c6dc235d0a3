import type { FastifyInstance } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { errorBody } from './error-body.js';

const RETRY_AFTER_SECONDS = '2';
const stopping = new WeakSet<FastifyInstance>();

/**
 * Once stopping, a request that still arrives on an open keep-alive connection is answered 503 with the contract's
 * body (not Fastify's own) and every answer closes its connection, so that clients move to another instance.
 */
export function answerWhileStopping(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!stopping.has(fastify)) return done();
    void reply
      .header('Retry-After', RETRY_AFTER_SECONDS)
      .header('Connection', 'close')
      .status(503)
      .send(errorBody(503, 'This instance is shutting down; try again'));
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (stopping.has(fastify)) void reply.header('Connection', 'close');
    done(null, payload);
  });
}

/** The first step of a graceful stop: no new connections, idle ones closed; requests in flight are answered. */
export function stopTakingRequests(app: NestFastifyApplication): void {
  stopping.add(app.getHttpAdapter().getInstance());
  app.getHttpServer().close();
}
