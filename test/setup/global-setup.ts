import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsconfig-paths';
import {
  createOwnedDatabase,
  dropAbandonedDatabases,
  dropDatabase,
  listDatabases,
  ownerHere,
  splitDatabaseUrl,
  withAdmin,
} from '../../bench/scratch-databases';
import { testEnv } from './test-env';

/**
 * Once per run: the run's template database with every migration applied (each test file then
 * gets a copy of its own, see file-database.ts), the run's queue prefix, and the clean-up of
 * databases that killed runs left behind, recognised by their recorded owner, never by age.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  process.env.TEST_DATABASE_URL ??= `postgres://postgres@127.0.0.1:5432/dualroute_test_${runId}`;
  process.env.QUEUE_PREFIX = `test-${runId}`;
  // The owner of every database of this run: this (Jest's parent) process, which outlives the
  // workers; once it is gone, whatever of this run is left is abandoned.
  process.env.TEST_RUN_OWNER_PID = String(process.pid);
  // Documents and the generated development seal of this run, removed by the teardown.
  process.env.TEST_DATA_DIR ??= join(tmpdir(), `dualroute-test-${runId}`);
  const env = testEnv();
  Object.assign(process.env, env);
  register({
    baseUrl: join(__dirname, '..', '..'),
    paths: {
      '@app/common': ['libs/common/src'],
      '@app/common/*': ['libs/common/src/*'],
      '@app/agreement-pdf': ['libs/agreement-pdf/src'],
      '@app/agreement-pdf/*': ['libs/agreement-pdf/src/*'],
      '@app/matching-engine': ['libs/matching-engine/src'],
      '@app/matching-engine/*': ['libs/matching-engine/src/*'],
    },
  });
  const template = splitDatabaseUrl(env.DATABASE_URL).name;
  await withAdmin(env.DATABASE_URL, async (admin) => {
    const dropped = await dropAbandonedDatabases(admin, 'dualroute\\_test\\_%', env.REDIS_URL);
    if (dropped.length) {
      console.log(
        `\nDropped ${dropped.length} database(s) of test runs that ended without clean-up.`,
      );
    }
    const unowned = (await listDatabases(admin, 'dualroute\\_test\\_%')).filter((db) => !db.owner);
    if (unowned.length) {
      console.log(
        `\nLeft alone: ${unowned.length} dualroute_test_* database(s) with no recorded owner ` +
          `(drop them by hand when no run uses them): ${unowned.map((db) => db.name).join(', ')}`,
      );
    }
    await dropDatabase(admin, template);
    await createOwnedDatabase(admin, template, {
      ...ownerHere(`test run ${runId} on ${hostname()}`, process.env.QUEUE_PREFIX),
    });
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { migrate } = require('../../src/cli/migrate') as typeof import('../../src/cli/migrate');
  await migrate(env.DATABASE_URL);
  // Copies need a template nobody is connected to; refusing connections keeps it that way.
  await withAdmin(env.DATABASE_URL, (admin) =>
    admin.query(`ALTER DATABASE "${template}" WITH ALLOW_CONNECTIONS false`),
  );
}
