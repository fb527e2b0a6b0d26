import { isUuid } from '@app/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { JOBS, QUEUES } from '../jobs/queues';
import { MatchingRunRunner, RunVerificationError } from './matching-run.runner';

/** Consumes the matching queue, one run at a time per worker (a run is CPU work of a second or less). */
@Processor(QUEUES.matching, { concurrency: 1 })
export class MatchingRunProcessor extends WorkerHost {
  private readonly logger = new Logger(MatchingRunProcessor.name);

  constructor(private readonly runner: MatchingRunRunner) {
    super();
  }

  async process(job: Job<{ runId: string }>) {
    if (job.name !== JOBS.matchingRun)
      throw new UnrecoverableError(`Unknown job ${job.name} on ${QUEUES.matching}`);
    const runId = job.data?.runId;
    if (!isUuid(runId)) throw new UnrecoverableError('The job names no matching run');
    try {
      return await this.runner.run(runId);
    } catch (error) {
      const last =
        error instanceof RunVerificationError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (last) {
        await this.runner
          .markFailed(runId, (error as Error).message)
          .catch((e: Error) =>
            this.logger.error(`Could not mark run ${runId} failed: ${e.message}`),
          );
        if (error instanceof RunVerificationError) throw new UnrecoverableError(error.message);
      } else {
        // Back to queued, so the retry may claim it again.
        await this.runner.requeue(runId).catch(() => undefined);
      }
      throw error;
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(
      `Matching run job ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`,
    );
  }
}
