import { OUTBOX_RELAY_OPTIONS, OutboxRelay, redisOptionsFromUrl } from '@app/common';
import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { DocumentsWorkerModule } from './documents/documents-worker.module';
import { WorkerHealthModule } from './health/worker-health';
import { IntegrationsWorkerModule } from './integrations/integrations-worker.module';
import { MatchingWorkerModule } from './matching/matching-worker.module';

/** The background worker: BullMQ processors and the outbox relay; HTTP only for its health. */
@Module({
  imports: [
    CoreModule,
    IntegrationsWorkerModule,
    DocumentsWorkerModule,
    MatchingWorkerModule,
    WorkerHealthModule,
  ],
  providers: [
    OutboxRelay,
    {
      provide: OUTBOX_RELAY_OPTIONS,
      inject: [appConfig.KEY],
      useFactory: (config: ConfigType<typeof appConfig>) => ({
        connection: redisOptionsFromUrl(config.redisUrl),
        prefix: config.queuePrefix,
        pollIntervalMs: config.outboxPollMs,
        batchSize: 200,
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      }),
    },
  ],
})
export class WorkerModule {}
