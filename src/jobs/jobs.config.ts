import { registerAs } from '@nestjs/config';
import { ConfigError, int } from '../config/app-config';

/** Settings of the job path (JOB_*), validated once at start-up. */
export interface JobsConfig {
  /** JOB_POLL_MS (default 200): the dispatcher's fallback poll; commits wake it at once. */
  pollIntervalMs: number;
  /** JOB_LEASE_SECONDS (default 30): a run's claim without a heartbeat lasts this long. */
  leaseMs: number;
  /** JOB_REDRIVE_AFTER_SECONDS (default 300, API.md): unfinished work is re-driven after this. */
  redriveAfterMs: number;
  /** JOB_RECONCILE_INTERVAL_SECONDS (default 30): how often the reconciler looks. */
  reconcileIntervalMs: number;
  /** JOB_MAX_ATTEMPTS (default 20): runs an unexplained error may fail before the job is failed. */
  maxAttempts: number;
  /** JOB_RETRY_BASE_SECONDS (default 10) and JOB_RETRY_MAX_SECONDS (default 3600): the backoff. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** JOB_HANDOVER_ATTEMPTS (default 8, 1 s doubling: about two minutes) for runs that cannot reach PostgreSQL. */
  handoverAttempts: number;
  handoverBackoffMs: number;
}

/** Seconds, decimals allowed (tests use fractions), within [min, max]; empty means the fallback. */
export function seconds(
  value: string | undefined,
  fallback: number,
  name: string,
  min: number,
  max: number,
): number {
  if (value === undefined || value === '') return fallback * 1000;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new ConfigError(
      `${name} must be a number of seconds from ${min} to ${max}, not "${value}"`,
    );
  }
  return Math.round(n * 1000);
}

export function loadJobsConfig(env: NodeJS.ProcessEnv = process.env): JobsConfig {
  const config: JobsConfig = {
    pollIntervalMs: int(env.JOB_POLL_MS, 200, 'JOB_POLL_MS', 10, 60_000),
    leaseMs: seconds(env.JOB_LEASE_SECONDS, 30, 'JOB_LEASE_SECONDS', 0.5, 3600),
    redriveAfterMs: seconds(
      env.JOB_REDRIVE_AFTER_SECONDS,
      300,
      'JOB_REDRIVE_AFTER_SECONDS',
      0.5,
      7 * 86_400,
    ),
    reconcileIntervalMs: seconds(
      env.JOB_RECONCILE_INTERVAL_SECONDS,
      30,
      'JOB_RECONCILE_INTERVAL_SECONDS',
      0.1,
      3600,
    ),
    maxAttempts: int(env.JOB_MAX_ATTEMPTS, 20, 'JOB_MAX_ATTEMPTS', 1, 1000),
    retryBaseMs: seconds(env.JOB_RETRY_BASE_SECONDS, 10, 'JOB_RETRY_BASE_SECONDS', 0.01, 86_400),
    retryMaxMs: seconds(env.JOB_RETRY_MAX_SECONDS, 3600, 'JOB_RETRY_MAX_SECONDS', 0.01, 7 * 86_400),
    handoverAttempts: int(env.JOB_HANDOVER_ATTEMPTS, 8, 'JOB_HANDOVER_ATTEMPTS', 1, 100),
    handoverBackoffMs: seconds(
      env.JOB_HANDOVER_BACKOFF_SECONDS,
      1,
      'JOB_HANDOVER_BACKOFF_SECONDS',
      0.01,
      3600,
    ),
  };
  if (config.retryMaxMs < config.retryBaseMs) {
    throw new ConfigError('JOB_RETRY_MAX_SECONDS must not be less than JOB_RETRY_BASE_SECONDS');
  }
  return config;
}

export const jobsConfig = registerAs('jobs', () => loadJobsConfig());
