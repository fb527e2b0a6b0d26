import { registerAs } from '@nestjs/config';
import { bool, ConfigError, decimal, int } from '../config/app-config';
import { seconds } from '../jobs/jobs.config';
import { parseRetryDelays, secretBoxKey } from './delivery';

/** Settings of the webhooks (WEBHOOK_*), validated once at start-up. */
export interface WebhooksConfig {
  /** WEBHOOK_RETRY_DELAYS (seconds, default 5,300,1800,7200,18000,36000,36000): waits between attempts. */
  retryDelaysMs: number[];
  /** WEBHOOK_DISABLE_AFTER_DAYS (default 5): an endpoint failing this long is disabled. */
  disableAfterMs: number;
  /** WEBHOOK_ALLOW_PRIVATE_TARGETS (default false; refused in production): loopback and private targets. */
  allowPrivateTargets: boolean;
  /** Production requires https:// endpoints. */
  requireHttps: boolean;
  /** WEBHOOK_TIMEOUT_SECONDS (default 10): one attempt, connect to response. */
  timeoutMs: number;
  /** WEBHOOK_SECRET_OVERLAP_HOURS (default 24): the old secret keeps signing this long after a rotation. */
  secretOverlapMs: number;
  /** WEBHOOK_SECRET_KEY: encrypts endpoint secrets at rest (required in production). */
  secretKey: Buffer;
  /** WEBHOOK_CONCURRENCY (default 64): attempts one worker makes at once. */
  concurrency: number;
  /**
   * WEBHOOK_ENDPOINT_CONCURRENCY (default 16): attempts to one endpoint one worker makes at
   * once, so a hanging receiver holds a quarter of the slots, never all of them (4 capped one
   * fast receiver at ~250 deliveries/s in bench:webhooks; 16 reaches ~520/s).
   */
  endpointConcurrency: number;
}

export function loadWebhooksConfig(env: NodeJS.ProcessEnv = process.env): WebhooksConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const allowPrivateTargets = bool(
    env.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    false,
    'WEBHOOK_ALLOW_PRIVATE_TARGETS',
  );
  if (production && allowPrivateTargets) {
    throw new ConfigError(
      'WEBHOOK_ALLOW_PRIVATE_TARGETS=true lets webhooks reach internal addresses: development and tests only',
    );
  }
  return {
    retryDelaysMs: parseRetryDelays(env.WEBHOOK_RETRY_DELAYS),
    disableAfterMs: Math.round(
      decimal(env.WEBHOOK_DISABLE_AFTER_DAYS, 5, 'WEBHOOK_DISABLE_AFTER_DAYS', 0.00001, 365) *
        86_400_000,
    ),
    allowPrivateTargets,
    requireHttps: production,
    timeoutMs: seconds(env.WEBHOOK_TIMEOUT_SECONDS, 10, 'WEBHOOK_TIMEOUT_SECONDS', 0.05, 60),
    secretOverlapMs: Math.round(
      decimal(env.WEBHOOK_SECRET_OVERLAP_HOURS, 24, 'WEBHOOK_SECRET_OVERLAP_HOURS', 0, 720) *
        3_600_000,
    ),
    secretKey: secretBoxKey(env.WEBHOOK_SECRET_KEY, nodeEnv),
    concurrency: int(env.WEBHOOK_CONCURRENCY, 64, 'WEBHOOK_CONCURRENCY', 1, 1000),
    endpointConcurrency: int(
      env.WEBHOOK_ENDPOINT_CONCURRENCY,
      16,
      'WEBHOOK_ENDPOINT_CONCURRENCY',
      1,
      1000,
    ),
  };
}

export const webhooksConfig = registerAs('webhooks', () => loadWebhooksConfig());
