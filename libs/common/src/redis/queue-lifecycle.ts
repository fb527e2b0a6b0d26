import type Redis from 'ioredis';

/** Rejects when the promise has not settled within `ms` (e.g. a Redis call during an outage). */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Closes a Redis client without hanging on an outage: QUIT when Redis answers in time,
 * otherwise the socket is cut (QUIT never returns on a half-open connection).
 */
export async function closeRedis(client: Redis, ms = 1_000): Promise<void> {
  try {
    await withTimeout(client.quit(), ms, 'quit timed out');
  } catch {
    client.disconnect();
  }
}

/** Errors that mean "Redis is away" rather than "this job is wrong". */
export function isConnectionError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /connect|connection|closed|writeable|ECONN|ETIMEDOUT|EPIPE|EHOSTUNREACH|timed out|timeout/i.test(message);
}
