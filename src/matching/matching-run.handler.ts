import { ClaimedJob, isUuid, JobHandler, JobHandlerFor, PermanentJobError } from '@app/common';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JOBS, QUEUES } from '../jobs/queues';
import { MatchingRunRunner, RunVerificationError } from './matching-run.runner';

/** Whole-cohort matching runs on the job path, one at a time per worker (a run is CPU work of a second or less). */
@Injectable()
@JobHandlerFor({ queue: QUEUES.matching, kinds: [JOBS.matchingRun], concurrency: 1 })
export class MatchingRunHandler implements JobHandler {
  constructor(private readonly runner: MatchingRunRunner) {}

  async run(job: ClaimedJob) {
    try {
      return await this.runner.run(this.runId(job));
    } catch (error) {
      // A run whose result does not verify would propose the same wrong result again.
      if (error instanceof RunVerificationError) throw new PermanentJobError(error.message);
      throw error;
    }
  }

  async onFailed(manager: EntityManager, job: ClaimedJob, reason: string): Promise<void> {
    await this.runner.markFailed(manager, this.runId(job), reason);
  }

  async onRetryScheduled(manager: EntityManager, job: ClaimedJob): Promise<void> {
    await this.runner.requeue(manager, this.runId(job));
  }

  private runId(job: ClaimedJob): string {
    const { runId } = job.payload as { runId?: unknown };
    if (!isUuid(runId)) throw new PermanentJobError('The job names no matching run');
    return runId;
  }
}
