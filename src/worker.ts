import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, PinoNestLogger } from '@app/common';
import { Logger } from '@nestjs/common';
import { announceReady } from './bootstrap/ready-signal';
import { loadAppConfig } from './config/app-config';
import { loadReportingConfig } from './reporting/reporting.config';
import { loadWebhooksConfig } from './webhooks/webhooks.config';
import { loadMailConfig } from './mail/mail.config';
import { WorkerModule } from './worker.module';

/** The job path (dispatcher, runner, reconciler) and the handlers of every job kind; HTTP only for its health. */
export async function createWorkerApp() {
  const logger = new PinoNestLogger(createLogger(loadAppConfig().logLevel));
  // Settings Nest would otherwise read inside a provider (where a bad one ends the process):
  // validated first, so a bad one is a clear ConfigError.
  loadWebhooksConfig();
  loadMailConfig();
  loadReportingConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger });
  app.enableShutdownHooks();
  return app;
}

if (require.main === module) {
  createWorkerApp()
    .then(() => {
      new Logger('Worker').log('Worker started');
      return announceReady('worker');
    })
    .catch((error) => {
      console.error('Worker failed to start:', error);
      process.exit(1);
    });
}
