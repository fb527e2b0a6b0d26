import {
  JOB_OPTIONS,
  JobDispatcher,
  JobOptions,
  JobReconciler,
  JobRunner,
  redisOptionsFromUrl,
} from '@app/common';
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { appConfig } from '../config/app-config';
import { jobsConfig } from './jobs.config';

/**
 * The worker's side of the one job path: the dispatcher (PostgreSQL → BullMQ), the runner (every
 * provider marked @JobHandlerFor in the worker's modules) and the reconciler.
 */
@Module({
  imports: [DiscoveryModule, ConfigModule.forFeature(jobsConfig)],
  providers: [
    {
      provide: JOB_OPTIONS,
      inject: [appConfig.KEY, jobsConfig.KEY],
      useFactory: (
        app: ConfigType<typeof appConfig>,
        jobs: ConfigType<typeof jobsConfig>,
      ): JobOptions => ({
        connection: redisOptionsFromUrl(app.redisUrl),
        prefix: app.queuePrefix,
        pollIntervalMs: jobs.pollIntervalMs,
        batchSize: 200,
        leaseMs: jobs.leaseMs,
        redriveAfterMs: jobs.redriveAfterMs,
        reconcileIntervalMs: jobs.reconcileIntervalMs,
        maxAttempts: jobs.maxAttempts,
        retry: { baseDelayMs: jobs.retryBaseMs, maxDelayMs: jobs.retryMaxMs },
        handoverAttempts: jobs.handoverAttempts,
        handoverBackoffMs: jobs.handoverBackoffMs,
      }),
    },
    JobDispatcher,
    JobRunner,
    JobReconciler,
  ],
  exports: [JobDispatcher, JobRunner, JobReconciler],
})
export class JobsWorkerModule {}
