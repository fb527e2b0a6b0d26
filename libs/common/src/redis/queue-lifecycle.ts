import type { Queue } from 'bullmq';

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
 * Closes a queue handle without hanging when Redis is unreachable: a graceful close when it
 * answers, otherwise a hard disconnect that also stops ioredis's reconnect timer.
 */
export async function closeQueue(queue: Queue, ms = 2_000): Promise<void> {
  try {
    await withTimeout(queue.close(), ms, 'close timed out');
  } catch {
    await queue.disconnect().catch(() => undefined);
  }
}

/** Errors that mean "Redis is away" rather than "this job is wrong". */
export function isConnectionError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /connect|connection|closed|writeable|ECONN|ETIMEDOUT|EPIPE|EHOSTUNREACH|timed out|timeout/i.test(message);
}
