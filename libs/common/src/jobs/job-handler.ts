import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { JobRecord } from './job-record.entity';

/** A claimed job as its handler sees it: what to do, and which run this is. */
export type ClaimedJob = Readonly<
  Pick<
    JobRecord,
    'id' | 'queue' | 'kind' | 'key' | 'subjectType' | 'subjectId' | 'payload' | 'attempts'
  >
>;

/** A `jobs` row as raw SQL returns it (snake_case), enough to describe the job to its handler. */
export interface JobRow {
  id: string;
  queue: string;
  kind: string;
  key: string;
  subject_type: string;
  subject_id: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export function claimedJob(row: JobRow): ClaimedJob {
  return {
    id: row.id,
    queue: row.queue,
    kind: row.kind,
    key: row.key,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    payload: row.payload,
    attempts: row.attempts,
  };
}

/**
 * Does the work of some job kinds. `run` must be idempotent (a re-driven job may find its work
 * done, or half done by a run that died) and throws PermanentJobError when the work is impossible.
 * The hooks write the outcome onto the job's subject in the transaction that records it on the job.
 */
export interface JobHandler {
  /** Jobs of its queue one worker process runs at once, when known only at run time (configuration). */
  readonly concurrency?: number;
  /** A short summary for the log line of a successful run. */
  run(job: ClaimedJob): Promise<Record<string, unknown> | void>;
  /** The job is failed for good (impossible, or out of attempts): say so on its subject. */
  onFailed?(manager: EntityManager, job: ClaimedJob, reason: string): Promise<void>;
  /** The run failed and the job waits for its next attempt: give the subject back (e.g. `queued`). */
  onRetryScheduled?(manager: EntityManager, job: ClaimedJob, reason: string): Promise<void>;
}

export interface JobHandlerOptions {
  queue: string;
  kinds: readonly string[];
  /** Jobs of this queue one worker process runs at once (the highest of a queue's handlers wins). */
  concurrency?: number;
}

/** Marks a provider as the handler of some job kinds; the worker's runner finds it by this. */
export const JobHandlerFor = DiscoveryService.createDecorator<JobHandlerOptions>();
