import { Module } from '@nestjs/common';

/** Processors for integration jobs (student imports), loaded only by the worker. */
@Module({})
export class IntegrationsWorkerModule {}
