import { relative } from 'node:path';
import {
  clearQueueKeys,
  createOwnedDatabase,
  DatabaseOwner,
  dropDatabase,
  ownerHere,
  recordOwner,
  splitDatabaseUrl,
  withAdmin,
  withDatabase,
} from '../../bench/scratch-databases';

/**
 * Every e2e test file gets a database and a queue prefix of its own, so files never see each
 * other's rows, jobs or workers, whatever the order they run in. Runs in the test file's
 * sandbox before the file is loaded (setupFilesAfterEnv):
 * - now: points DATABASE_URL and QUEUE_PREFIX at this file's (so code that reads them while
 *   the file is collected sees them too);
 * - beforeAll (registered before, so run before, the file's own hooks): copies the run's
 *   migrated template database, which is fast (no migrations);
 * - afterAll (after the file's describe blocks closed their API and workers): drops the
 *   database and the prefix's Redis keys. Hence a test file keeps its hooks inside its
 *   describe block: a top-level afterAll would run after this one.
 */
const runDatabaseUrl = process.env.TEST_DATABASE_URL;
const runPrefix = process.env.QUEUE_PREFIX;
if (!runDatabaseUrl || !runPrefix || !process.env.TEST_RUN_OWNER_PID) {
  throw new Error('The e2e global setup has not run (TEST_DATABASE_URL, QUEUE_PREFIX)');
}
const template = splitDatabaseUrl(runDatabaseUrl).name;
// Unique per file: a worker runs one file at a time, and files start at different instants.
const fileTag = `w${process.env.JEST_WORKER_ID ?? '0'}_${Date.now().toString(36)}`;
const name = `${template}_${fileTag}`;
const databaseUrl = withDatabase(runDatabaseUrl, name);
const queuePrefix = `${runPrefix}-${fileTag}`;
process.env.DATABASE_URL = databaseUrl;
process.env.QUEUE_PREFIX = queuePrefix;

// Owned by the run (Jest's parent process), not by this worker: workers come and go.
const owner: DatabaseOwner = ownerHere(
  `test file ${relative(process.cwd(), expect.getState().testPath ?? '?')}`,
  queuePrefix,
  Number(process.env.TEST_RUN_OWNER_PID),
);

beforeAll(async () => {
  await withAdmin(databaseUrl, (admin) => createOwnedDatabase(admin, name, owner, template));
});

afterAll(async () => {
  await withAdmin(databaseUrl, (admin) =>
    process.env.KEEP_TEST_DATABASE
      ? recordOwner(admin, name, { ...owner, kept: true })
      : dropDatabase(admin, name),
  );
  await clearQueueKeys(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', queuePrefix);
});
