import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppModule, AppOptions } from './app.module.js';
import { ERROR_BODY_MODELS, errorResponse } from './common/api-errors.js';
import { errorBody } from './common/error-body.js';
import { BODY_LIMIT_BYTES, readJsonBodies } from './common/json-body.js';
import { answerWhileStopping } from './common/shutdown.js';
import { JsonLogger, requestId } from './logging/json-logger.js';
import { PAGE_ROUTES } from './page-modules.js';
import { setUpWebPages } from './web/base/web-setup.js';

/**
 * A request Node's HTTP parser cannot read (headers over 16 kB, a broken request line, too slow to arrive) is
 * answered before any route sees it, as Fastify's own handler does, but with the contract's error body.
 */
function answerUnreadableRequest(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'The request did not arrive in time']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'The request headers are too large']
        : [400, 'The request is not valid HTTP'];
  const body = JSON.stringify(errorBody(status, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export function openApiDocument(app: INestApplication) {
  const config = new DocumentBuilder()
    .setTitle('Borgerservice MitID booking')
    .setDescription('Booking and check-in for the in-person route to MitID at Danish Citizen Service Centres')
    .setVersion('1')
    .addBearerAuth()
    // Every route answers 503 while the database is out of reach (http-exception.filter.ts) or the instance stops.
    .addGlobalResponse(errorResponse(503))
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: ERROR_BODY_MODELS });
}

/**
 * The whole HTTP application, as main.ts serves it and as the e2e tests boot it. It runs on Fastify, which spends
 * less CPU per request than Express did (see the README's architecture), set to answer as Express did: paths in
 * any case and with a trailing slash, path parameters of any length (a long one is an unknown id: 404), and
 * Node's five-minute limit on receiving a request.
 */
export async function createApp(options: AppOptions): Promise<NestFastifyApplication> {
  const logger = new JsonLogger(options.config.logLevel, options.logStream);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.config.trustProxy,
    genReqId: requestId,
    requestTimeout: 300_000,
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: 16 * 1024 },
    clientErrorHandler: answerUnreadableRequest,
    // A URL Fastify cannot decode (bad percent-encoding) is bad input like any other: the one validation status,
    // and Fastify's own answer, which quotes the path, is not sent. Fastify runs no hooks for it, so the request's
    // id header and log line are written here.
    frameworkErrors: (_error: Error, request: FastifyRequest, reply: FastifyReply) => {
      void reply
        .header('X-Request-Id', request.id)
        .status(422)
        .send(
          errorBody(422, 'The URL cannot be read', [{ field: 'request', message: 'is not a valid URL' }]),
        );
      logger.logRequest(request, reply);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  readJsonBodies(app.getHttpAdapter().getInstance());
  answerWhileStopping(app.getHttpAdapter().getInstance());
  app.useLogger(logger);
  logger.logRequests(app.getHttpAdapter().getInstance());
  await setUpWebPages(app.getHttpAdapter().getInstance(), options.config);
  app.setGlobalPrefix('api', { exclude: PAGE_ROUTES });
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
