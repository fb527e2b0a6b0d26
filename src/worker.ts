import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** BullMQ processors and the outbox relay; no HTTP listener. */
export async function createWorkerApp() {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}

if (require.main === module) {
  createWorkerApp()
    .then((app) => app.get(Logger).log('Worker started'))
    .catch((error) => {
      console.error('Worker failed to start:', error);
      process.exit(1);
    });
}
