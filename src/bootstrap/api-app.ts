import {
  createLogger,
  createValidationPipe,
  IdempotencyStore,
  PinoNestLogger,
  ProblemDetailsFilter,
  registerIdempotencyHooks,
} from '@app/common';
import helmet from '@fastify/helmet';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { LogController } from 'fastify';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../app.module';
import { loadAppConfig } from '../config/app-config';
import { loadDocumentsConfig } from '../documents/documents.config';
import { loadOidcConfig } from '../identity/oidc/oidc.config';
import { loadReportingConfig } from '../reporting/reporting.config';
import { loadWebhooksConfig } from '../webhooks/webhooks.config';
import { loadMailConfig } from '../mail/mail.config';
import { BenchModule } from '../health/health.module';
import { registerPageBodyParsers } from '../pages/page-body-parsers';
import { PAGE_ROUTES_WITHOUT_PREFIX } from '../pages/page-routes';
import { RedactingLogger, redactTokenPaths } from '../pages/redact-token-paths';
import { buildOpenApiDocument, OPENAPI_JSON_PATH } from './openapi';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
/** A 10,000-row student import is a few MB of JSON. */
const BODY_LIMIT_BYTES = 16 * 1024 * 1024;

/** The API's modules; the bench endpoint (GET /health/bare) exists outside production only. */
export function apiRootModule(nodeEnv: string): DynamicModule {
  return { module: AppModule, imports: nodeEnv === 'production' ? [] : [BenchModule] };
}

/** Builds the HTTP API exactly as production runs it; tests use this too. */
export async function createApiApp(): Promise<NestFastifyApplication> {
  // Every setting is validated before Nest starts, so a bad one is a clear ConfigError.
  const config = loadAppConfig();
  const documents = loadDocumentsConfig();
  loadWebhooksConfig();
  loadMailConfig();
  loadReportingConfig();
  loadOidcConfig();
  const logger = createLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // One line per request, written when the response is done (see the onResponse hook).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      req.headers['x-request-id'] = id;
      return id;
    },
    // Health probes live at /health/* (what orchestrators expect) as well as under /api/v1.
    rewriteUrl: (req: IncomingMessage) =>
      req.url?.startsWith('/health/') ? `/api/v1${req.url}` : (req.url ?? '/'),
  });
  const root = apiRootModule(config.nodeEnv);
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    logger: new RedactingLogger(new PinoNestLogger(logger)),
  });
  // The pages for people (/sign/:token, /verify) are at the root; everything else is the API.
  app.setGlobalPrefix('api/v1', { exclude: PAGE_ROUTES_WITHOUT_PREFIX });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  await app.register(helmet, { contentSecurityPolicy: false });
  const fastify = app.getHttpAdapter().getInstance();
  registerIdempotencyHooks(fastify, app.get(IdempotencyStore));
  await registerPageBodyParsers(fastify);
  // POST /verify takes the PDF itself as the body.
  fastify.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: documents.verifyMaxBytes },
    (_request, body, done) => done(null, body),
  );
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    const line = {
      method: request.method,
      // A signing token (or a signer's receipt) in the path is a credential: never logged.
      url: redactTokenPaths(request.url),
      status,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    // A 503 is an expected "not now" (a dependency is down); the problem filter logged why.
    if (status === 503) request.log.warn(line, 'request refused: service unavailable');
    else if (status >= 500) request.log.error(line, 'request failed');
    else request.log.info(line, 'request completed');
  });
  setupOpenApi(app, documents.publicBaseUrl);
  return app;
}

function setupOpenApi(app: NestFastifyApplication, publicBaseUrl: string): void {
  const document = buildOpenApiDocument(app, publicBaseUrl);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH });
}
