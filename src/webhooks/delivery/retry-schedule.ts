import { ConfigError } from '../../config/app-config';

/**
 * When a failed delivery is tried again: WEBHOOK_RETRY_DELAYS, the wait after each failed attempt
 * in seconds. The default spreads seven retries over about 27 hours (5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h, 10 h), so a receiver that is down for a day still gets its events.
 */

const DEFAULT_DELAYS_SECONDS = '5,300,1800,7200,18000,36000,36000';

/** Plus or minus this share of each wait, so that retries of one outage do not arrive together. */
const JITTER = 0.2;

/** WEBHOOK_RETRY_DELAYS in milliseconds; empty means the default. */
export function parseRetryDelays(raw: string | undefined): number[] {
  const value = raw === undefined || raw.trim() === '' ? DEFAULT_DELAYS_SECONDS : raw;
  const delays = value.split(',').map((part) => part.trim());
  if (!delays.every((part) => /^\d+(\.\d+)?$/.test(part) && Number(part) > 0)) {
    throw new ConfigError(
      `WEBHOOK_RETRY_DELAYS must be positive numbers of seconds separated by commas, not "${raw}"`,
    );
  }
  return delays.map((part) => Math.round(Number(part) * 1000));
}

/**
 * How long to wait after the failedAttempts-th failed attempt (1-based), jittered; null when the
 * schedule is exhausted and the delivery has failed for good.
 */
export function nextRetryDelayMs(
  failedAttempts: number,
  delaysMs: readonly number[],
  random: () => number = Math.random,
): number | null {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) {
    throw new RangeError(`failed attempts are counted from 1, not ${failedAttempts}`);
  }
  if (failedAttempts > delaysMs.length) return null;
  const delay = delaysMs[failedAttempts - 1];
  return Math.round(delay * (1 + JITTER * (2 * random() - 1)));
}
