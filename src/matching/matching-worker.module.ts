import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '../jobs/queues';
import { MatchingRunProcessor } from './matching-run.processor';
import { MatchingRunRunner } from './matching-run.runner';

/** The worker side of matching: whole-cohort runs. */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.matching })],
  providers: [MatchingRunProcessor, MatchingRunRunner],
})
export class MatchingWorkerModule {}
