import { Module } from '@nestjs/common';
import { MatchingRunHandler } from './matching-run.handler';
import { MatchingRunRunner } from './matching-run.runner';

/** The worker side of matching: whole-cohort runs (jobs). */
@Module({
  providers: [MatchingRunHandler, MatchingRunRunner],
})
export class MatchingWorkerModule {}
