import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { apiRootModule } from '../bootstrap/api-app';
import { buildOpenApiDocument } from '../bootstrap/openapi';
import { loadAppConfig } from '../config/app-config';
import { loadDocumentsConfig } from '../documents/documents.config';

/**
 * `npm run openapi:export [-- file]`: writes the OpenAPI document (stdout without a file). Nest's
 * preview mode builds the module graph without instantiating providers, so this needs neither
 * PostgreSQL nor Redis and listens on nothing.
 */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await NestFactory.create<NestFastifyApplication>(
    apiRootModule(config.nodeEnv),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  app.setGlobalPrefix('api/v1');
  const json = JSON.stringify(
    buildOpenApiDocument(app, loadDocumentsConfig().publicBaseUrl),
    null,
    2,
  );
  await app.close();
  const file = process.argv[2];
  if (file) {
    mkdirSync(dirname(file), { recursive: true }); // var/ is not in a fresh checkout
    writeFileSync(file, json + '\n');
  } else process.stdout.write(json + '\n');
}

main().catch((error) => {
  console.error('OpenAPI export failed:', error);
  process.exit(1);
});
