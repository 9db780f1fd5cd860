/**
 * Builds the API and worker applications. main.ts runs them; the end-to-end tests build the
 * same API application and listen on a free port.
 */
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { INestApplicationContext } from '@nestjs/common';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { LogController } from 'fastify';
import { randomUUID } from 'node:crypto';
import { ApiModule } from './api.module';
import type { AdlConfig } from './core/config/config';
import { requestLocale } from './core/i18n/locale';
import { PinoNestLogger, rootLogger } from './core/logging/logger';
import { createValidationPipe } from './core/validation/validation.pipe';
import { WorkerModule } from './worker.module';
import { servePortal } from './portal';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

export async function createApiApp(config: AdlConfig): Promise<NestFastifyApplication> {
  const logger = rootLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: true,
    requestIdHeader: false,
    // Fastify's two lines per request (in and out, with serialized request and response) cost more
    // CPU than a short GraphQL read itself; one line at the end replaces them (see onResponse below).
    logController: new LogController({ disableRequestLogging: true }),
    // A caller's well-formed X-Request-Id is kept (so one id spans services); otherwise a new one.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  adapter.getInstance().addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
    // The language of the response's messages (docs/api.md, "Languages"); a bilingual page says so itself.
    if (!reply.hasHeader('content-language')) void reply.header('content-language', requestLocale(req));
  });
  // Server errors always, with the request id; every other request at debug (LOG_LEVEL=debug to trace traffic).
  adapter.getInstance().addHook('onResponse', async (req, reply) => {
    if (reply.statusCode >= 500) {
      req.log.error({ method: req.method, url: req.url, statusCode: reply.statusCode, responseTime: reply.elapsedTime }, 'request failed');
    } else if (logger.isLevelEnabled('debug')) {
      req.log.debug(
        { method: req.method, url: req.url, statusCode: reply.statusCode, responseTime: reply.elapsedTime },
        'request completed',
      );
    }
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // The payment gateway signs its webhooks over their raw bytes (docs/payments.md): JSON bodies keep them.
    rawBody: true,
  });
  // Cookies are read by the national sign-in routes only (its flow cookie, docs/identity.md).
  await app.register(fastifyCookie);
  // Multipart bodies are streamed part by part by the upload route (evidence/, docs/evidence.md).
  await app.register(fastifyMultipart, { throwFileSizeLimit: true, limits: { files: 1, fields: 0, parts: 1 } });
  // The portal's pages and files (web/, docs/portal.md), when it has been built.
  await servePortal(app, config);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  return app;
}

export async function createWorkerApp(config: AdlConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoNestLogger(rootLogger(config.logLevel)),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  return app;
}
