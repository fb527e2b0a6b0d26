import { isUuid } from '@app/common';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { JOBS, QUEUES } from '../jobs/queues';
import { ImportOutcome, StudentImportRunner } from './student-import.runner';

export interface StudentImportJobData {
  importId: string;
}

/**
 * Consumes the imports queue. Retries come from the job options the outbox relay sets; after
 * the last attempt the import is marked failed with the reason, so a poller never waits forever.
 * Two jobs may run at once; imports of one university still run one after the other (advisory
 * lock in the runner).
 */
@Processor(QUEUES.imports, { concurrency: 2 })
export class StudentImportProcessor extends WorkerHost {
  private readonly logger = new Logger(StudentImportProcessor.name);
  private connectionErrors = 0;

  constructor(
    private readonly runner: StudentImportRunner,
    @InjectQueue(QUEUES.imports) queue: Queue,
  ) {
    super();
    // The registered Queue reconnects by itself too; without a listener BullMQ prints each error.
    queue.on('error', (error) => this.onError(error));
  }

  async process(job: Job<StudentImportJobData>): Promise<ImportOutcome> {
    if (job.name !== JOBS.studentImport)
      throw new UnrecoverableError(`Unknown job ${job.name} on ${QUEUES.imports}`);
    const importId = job.data?.importId;
    if (!isUuid(importId)) {
      throw new UnrecoverableError('The job names no student import');
    }
    try {
      const outcome = await this.runner.run(importId);
      if (this.connectionErrors > 0) this.connectionErrors = 0;
      return outcome;
    } catch (error) {
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade + 1 >= attempts) {
        const reason = `Import failed after ${attempts} attempt(s): ${(error as Error).message}`;
        await this.runner.markFailed(importId, reason).catch((markError: Error) => {
          this.logger.error(`Could not mark import ${importId} failed: ${markError.message}`);
        });
      }
      throw error;
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(
      `Student import job ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`,
    );
  }

  /** Connection errors while Redis is away: the worker reconnects by itself; log sparingly. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.connectionErrors += 1;
    if (this.connectionErrors === 1 || this.connectionErrors % 50 === 0) {
      this.logger.warn(`Imports worker: ${error.message} (${this.connectionErrors}x)`);
    }
  }
}
