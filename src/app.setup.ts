import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { errorCodes } from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppModule, AppOptions } from './app.module.js';
import { errorBody } from './common/error-body.js';
import { JsonLogger, requestId } from './logging/json-logger.js';

/** Request bodies are small JSON documents; anything larger is refused with 413 before it is parsed. */
const BODY_LIMIT_BYTES = 100 * 1024;

/**
 * JSON bodies only, as the contract has no other kind. An empty JSON body is no body (a POST to …/cancel may
 * carry the header and nothing else); a body must be an object or an array, as every route's is; a body of
 * another type is read, within the limit, and ignored, so the route's validation names what is missing rather
 * than the request failing on its media type.
 */
function readJsonBodies(fastify: FastifyInstance): void {
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.length === 0) done(null, undefined);
    else if (!/^\s*[[{]/.test(text)) done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(), undefined);
    else void json(request, text, done);
  });
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));
}

export function openApiDocument(app: INestApplication) {
  const config = new DocumentBuilder()
    .setTitle('Borgerservice MitID booking')
    .setDescription('Booking and check-in for the in-person route to MitID at Danish Citizen Service Centres')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * The whole HTTP application, as main.ts serves it and as the e2e tests boot it. It runs on Fastify: on a
 * booking it spends about a third less CPU than Express did (see the README's hot paths).
 */
export async function createApp(options: AppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.config.trustProxy,
    genReqId: requestId,
    routerOptions: { ignoreTrailingSlash: true },
    // A URL Fastify cannot decode (bad percent-encoding) is bad input like any other: the one validation status,
    // and Fastify's own answer, which quotes the path, is not sent.
    frameworkErrors: (_error: Error, request: FastifyRequest, reply: FastifyReply) => {
      void reply
        .header('X-Request-Id', request.id)
        .status(422)
        .send(errorBody(422, 'The URL cannot be read', [{ field: 'request', message: 'is not a valid URL' }]));
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  readJsonBodies(app.getHttpAdapter().getInstance());
  const logger = new JsonLogger(options.config.logLevel, options.logStream);
  app.useLogger(logger);
  logger.logRequests(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix('api');
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
