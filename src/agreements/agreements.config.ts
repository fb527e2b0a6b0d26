import { registerAs } from '@nestjs/config';
import { int } from '../config/app-config';

/** Settings of the agreements module, read from the environment once and validated. */
export interface AgreementsConfig {
  /** How long a signing link stays usable (SIGNING_LINK_TTL_HOURS, default 168 = 7 days). */
  signingLinkTtlHours: number;
  /**
   * Requests per minute per client IP to each public signing endpoint
   * (SIGNING_RATE_LIMIT_PER_MINUTE, default 30). Counted in Redis, so it holds across replicas.
   */
  signingRateLimitPerMinute: number;
}

export function loadAgreementsConfig(env: NodeJS.ProcessEnv = process.env): AgreementsConfig {
  return {
    signingLinkTtlHours: int(env.SIGNING_LINK_TTL_HOURS, 168, 'SIGNING_LINK_TTL_HOURS', 1, 2160),
    signingRateLimitPerMinute: int(
      env.SIGNING_RATE_LIMIT_PER_MINUTE,
      30,
      'SIGNING_RATE_LIMIT_PER_MINUTE',
      1,
      100_000,
    ),
  };
}

export const agreementsConfig = registerAs('agreements', () => loadAgreementsConfig());
