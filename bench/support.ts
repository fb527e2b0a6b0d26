/** What the self-contained benchmarks share: a database of their own and their queue keys. */
import Redis from 'ioredis';
import { Client } from 'pg';

/** Drops the database of `url` (the benchmark then migrates a fresh one). */
export async function dropBenchDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** After the run: the database goes unless BENCH_KEEP_DB=1. */
export async function dropBenchDatabaseUnlessKept(url: string): Promise<void> {
  if (process.env.BENCH_KEEP_DB !== '1') await dropBenchDatabase(url);
}

/** Removes every Redis key of the benchmark's QUEUE_PREFIX. */
export async function clearQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
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
