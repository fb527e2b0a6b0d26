import {
  AuditService,
  DomainError,
  JobRecord,
  JobStore,
  NotFoundError,
  Page,
  Principal,
} from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { ListJobsQueryDto } from './dto/job.dto';
import { jobsConfig } from './jobs.config';

/** What admins see of the job path, and the one repair they make: put a job back in line. */
@Injectable()
export class JobsAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: JobStore,
    private readonly audit: AuditService,
    @Inject(jobsConfig.KEY) private readonly config: ConfigType<typeof jobsConfig>,
  ) {}

  list(query: ListJobsQueryDto): Promise<Page<JobRecord>> {
    return this.store.list(query, this.config.redriveAfterMs);
  }

  async get(id: string): Promise<JobRecord> {
    const job = await this.store.get(id);
    if (!job) throw new NotFoundError('Job', id);
    return job;
  }

  metrics() {
    return this.store.metrics(this.config.redriveAfterMs);
  }

  /**
   * A failed or stuck job runs again now, with a fresh budget of attempts; the dispatcher is
   * woken by the commit. Anything else (queued and moving, running under a live lease,
   * succeeded) is a 409 naming its state.
   */
  async retry(principal: Principal, id: string, reason: string | undefined): Promise<JobRecord> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.store.requeue(manager, id, this.config.redriveAfterMs);
      if (!before) {
        const current = await this.get(id);
        throw new DomainError(
          409,
          'job-not-retryable',
          'Job cannot be retried',
          `Only a failed job, or one stuck for longer than ${this.config.redriveAfterMs / 1000} s, can be retried; this one is ${current.state}.`,
          { state: current.state },
        );
      }
      await this.audit.record(manager, principal, {
        resourceType: 'job',
        resourceId: id,
        action: 'retried',
        data: {
          kind: before.kind,
          subject: { type: before.subjectType, id: before.subjectId },
          from: before.state,
          attempts: before.attempts,
          lastError: before.lastError,
          reason: reason ?? null,
        },
      });
    });
    return this.get(id);
  }
}
