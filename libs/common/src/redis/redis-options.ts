import type { RedisOptions } from 'ioredis';

/**
 * How long a disconnecting client waits for its socket to close before destroying it. ioredis
 * waits 2 s by default, on a timer that keeps the process alive, and it arms that timer even
 * when the socket is long gone (closing a queue while Redis is unreachable): every stop during
 * an outage then hangs 2 s per connection (and Jest reports a worker that "failed to exit
 * gracefully"). A socket that has not closed this long after our FIN is half-open; waiting
 * longer gains nothing.
 */
export const REDIS_DISCONNECT_TIMEOUT_MS = 100;

/** ioredis options from a redis:// URL, in the form BullMQ accepts as `connection`. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname && parsed.pathname !== '/' ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isFinite(db) ? db : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    disconnectTimeout: REDIS_DISCONNECT_TIMEOUT_MS,
  };
}

/** How long a request-path Redis command may take before it counts as "Redis is down". */
export const REQUEST_PATH_REDIS_TIMEOUT_MS = 500;

/**
 * Options for a client on the request path (rate-limit counters, readiness): a command never
 * waits for Redis. While disconnected it is refused at once (no offline queue), one in flight
 * when the connection drops is not retried, and one Redis does not answer gives up after
 * `commandTimeoutMs`. ioredis keeps reconnecting in the background. Not for BullMQ workers,
 * which need blocking commands and their own retry behaviour.
 */
export function failFastRedisOptions(
  url: string,
  commandTimeoutMs = REQUEST_PATH_REDIS_TIMEOUT_MS,
): RedisOptions {
  return {
    ...redisOptionsFromUrl(url),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 2_000,
  };
}
