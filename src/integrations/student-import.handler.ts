import { ClaimedJob, isUuid, JobHandler, JobHandlerFor, PermanentJobError } from '@app/common';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JOBS, QUEUES } from '../jobs/queues';
import { StudentImportRunner } from './student-import.runner';

/**
 * Student imports on the job path. Two run at once per worker; imports of one university still
 * run one after the other (advisory lock in the runner).
 */
@Injectable()
@JobHandlerFor({ queue: QUEUES.imports, kinds: [JOBS.studentImport], concurrency: 2 })
export class StudentImportHandler implements JobHandler {
  constructor(private readonly runner: StudentImportRunner) {}

  async run(job: ClaimedJob) {
    const outcome = await this.runner.run(this.importId(job));
    if (outcome.status === 'missing')
      throw new PermanentJobError(`Student import ${outcome.importId} does not exist`);
    return { ...outcome };
  }

  async onFailed(manager: EntityManager, job: ClaimedJob, reason: string): Promise<void> {
    await this.runner.markFailed(manager, this.importId(job), reason);
  }

  async onRetryScheduled(manager: EntityManager, job: ClaimedJob): Promise<void> {
    await this.runner.markQueued(manager, this.importId(job));
  }

  private importId(job: ClaimedJob): string {
    const { importId } = job.payload as { importId?: unknown };
    if (!isUuid(importId)) throw new PermanentJobError('The job names no student import');
    return importId;
  }
}
