import Redis from 'ioredis';
import { rm } from 'node:fs/promises';
import { Client } from 'pg';

/** Drops this run's database, its data directory and its BullMQ keys in the shared Redis. */
export default async function globalTeardown(): Promise<void> {
  const prefix = process.env.QUEUE_PREFIX;
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (databaseUrl && /dualroute_test_/.test(databaseUrl) && !process.env.KEEP_TEST_DATABASE) {
    const url = new URL(databaseUrl);
    const name = url.pathname.slice(1);
    url.pathname = '/postgres';
    const admin = new Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
  const dataDir = process.env.TEST_DATA_DIR;
  if (dataDir && /dualroute-test-/.test(dataDir)) await rm(dataDir, { recursive: true, force: true });
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
