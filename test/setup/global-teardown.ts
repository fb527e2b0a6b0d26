import Redis from 'ioredis';

/** Removes this run's BullMQ keys from the shared Redis. */
export default async function globalTeardown(): Promise<void> {
  const prefix = process.env.QUEUE_PREFIX;
  if (!prefix) return;
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
