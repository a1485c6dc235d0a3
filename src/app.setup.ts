import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, AppOptions } from './app.module.js';
import { JsonLogger } from './logging/json-logger.js';

export function openApiDocument(app: INestApplication) {
  const config = new DocumentBuilder()
    .setTitle('Borgerservice MitID booking')
    .setDescription('Booking and check-in for the in-person route to MitID at Danish Citizen Service Centres')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** The whole HTTP application, as main.ts serves it and as the e2e tests boot it. */
export async function createApp(options: AppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
    bodyParser: false,
  });
  const logger = new JsonLogger(options.config.logLevel, options.logStream);
  app.useLogger(logger);
  app.use(logger.httpMiddleware());
  app.useBodyParser('json', { limit: '100kb' });
  app.set('trust proxy', options.config.trustProxy);
  app.disable('x-powered-by');
  app.setGlobalPrefix('api');
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
