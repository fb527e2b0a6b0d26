import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '../jobs/queues';
import { StudentImportProcessor } from './student-import.processor';
import { StudentImportRunner } from './student-import.runner';

/**
 * Processors for integration jobs (student imports), loaded only by the worker. registerQueue
 * is what makes @nestjs/bullmq discover @Processor classes and start their BullMQ Workers (with
 * the root connection and prefix from CoreModule); jobs arrive through the outbox relay.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.imports })],
  providers: [StudentImportProcessor, StudentImportRunner],
})
export class IntegrationsWorkerModule {}
