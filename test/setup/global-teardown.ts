import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import {
  clearQueueKeys,
  dropDatabase,
  listDatabases,
  recordOwner,
  withAdmin,
} from '../../bench/scratch-databases';

/**
 * Drops what this run created and nothing else: the databases whose recorded owner is this
 * process (the template and any file database a crashed worker left), the run's data directory
 * and its Redis keys. KEEP_TEST_DATABASE=1 keeps the databases (marked kept, so no later run
 * sweeps them).
 */
export default async function globalTeardown(): Promise<void> {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (databaseUrl) {
    await withAdmin(databaseUrl, async (admin) => {
      const ours = (await listDatabases(admin, '%')).filter(
        (db) => db.owner && db.owner.pid === process.pid && db.owner.host === hostname(),
      );
      for (const { name, owner } of ours) {
        if (!process.env.KEEP_TEST_DATABASE) await dropDatabase(admin, name);
        else {
          if (owner && !owner.kept) await recordOwner(admin, name, { ...owner, kept: true });
          await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
        }
      }
      if (process.env.KEEP_TEST_DATABASE && ours.length) {
        console.log(`\nKept: ${ours.map((db) => db.name).join(', ')}`);
      }
    });
  }
  const dataDir = process.env.TEST_DATA_DIR;
  if (dataDir && /dualroute-test-/.test(dataDir))
    await rm(dataDir, { recursive: true, force: true });
  // The run's prefix and every per-file prefix derived from it.
  if (process.env.QUEUE_PREFIX) await clearQueueKeys(redisUrl, process.env.QUEUE_PREFIX);
}
