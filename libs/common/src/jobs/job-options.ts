import type { RedisOptions } from 'ioredis';
import type { RetryPolicy } from './job-failures';

export const JOB_OPTIONS = Symbol('JOB_OPTIONS');

/** Settings of the one job path, shared by the API (enqueue, admin) and the worker. */
export interface JobOptions {
  connection: RedisOptions;
  /** BullMQ key prefix, so instances sharing a Redis never see each other's jobs. */
  prefix: string;
  /** The dispatcher's fallback poll; a commit wakes it at once through LISTEN/NOTIFY. */
  pollIntervalMs: number;
  batchSize: number;
  /** How long a claim holds without a heartbeat; heartbeats renew it every third of it. */
  leaseMs: number;
  /** A job not finished this long after its dispatch is re-driven (JOB_REDRIVE_AFTER_SECONDS). */
  redriveAfterMs: number;
  /** How often the reconciler looks for such jobs. */
  reconcileIntervalMs: number;
  /** Runs an unexplained error may fail before the job is failed. */
  maxAttempts: number;
  retry: RetryPolicy;
  /**
   * BullMQ's own retries of a hand-over whose run could not even reach PostgreSQL (claim or
   * outcome not recorded): quick, for blips; longer outages are the reconciler's.
   */
  handoverAttempts: number;
  handoverBackoffMs: number;
}

/** The channel the dispatcher listens on; a trigger on `jobs` notifies it when a row becomes due. */
export const JOBS_CHANNEL = 'jobs_due';

/** The BullMQ job id of a row's n-th hand-over (BullMQ refuses ':' in custom ids). */
export function bullJobId(key: string, dispatchCount: number): string {
  return `${key}-d${dispatchCount}`;
}
