import { DomainError, JobQueues, redisOptionsFromUrl } from '@app/common';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig } from '../config/app-config';
import { ALL_QUEUES } from './queues';

export const JOB_STATES = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
  'paused',
  'completed',
  'failed',
] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface FailedJobView {
  id: string | null;
  name: string;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
}

export interface QueueView {
  name: string;
  counts: Record<JobState, number>;
  /** The most recent failures, newest first (job data is left out: it is not the admin's business). */
  failed: FailedJobView[];
}

const LAST_FAILED = 20;
const TIMEOUT_MS = 900;

/**
 * Read-only view of the BullMQ queues for admins. Its Queue handles are opened on first use (an
 * API replica that is never asked holds no extra Redis connections) and fail fast while Redis
 * is away, answering 503 instead of hanging the request.
 */
@Injectable()
export class QueueMonitorService implements OnApplicationShutdown {
  private readonly queues: JobQueues;

  constructor(@Inject(appConfig.KEY) config: ConfigType<typeof appConfig>) {
    this.queues = new JobQueues(
      redisOptionsFromUrl(config.redisUrl),
      config.queuePrefix,
      TIMEOUT_MS,
    );
  }

  async snapshot(): Promise<QueueView[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new DomainError(
              503,
              'queues-unavailable',
              'Service unavailable',
              'The job queues (Redis) did not answer in time.',
            ),
          ),
        TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([
        Promise.all(ALL_QUEUES.map((name) => this.describe(name))),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
  }

  private async describe(name: string): Promise<QueueView> {
    const queue = this.queues.get(name);
    const [counts, failed] = await Promise.all([
      queue.getJobCounts(...JOB_STATES),
      queue.getFailed(0, LAST_FAILED - 1),
    ]);
    return {
      name,
      counts: Object.fromEntries(JOB_STATES.map((state) => [state, counts[state] ?? 0])) as Record<
        JobState,
        number
      >,
      failed: failed
        .filter((job) => job)
        .map((job) => ({
          id: job.id ?? null,
          name: job.name,
          failedReason: job.failedReason,
          attemptsMade: job.attemptsMade,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        })),
    };
  }
}
