import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { register } from 'tsconfig-paths';
import { testEnv } from './test-env';

/** Once per run: a fresh database of this run with every migration applied, and a queue prefix. */
export default async function globalSetup(): Promise<void> {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  process.env.TEST_DATABASE_URL ??= `postgres://postgres@127.0.0.1:5432/dualroute_test_${runId}`;
  process.env.QUEUE_PREFIX = `test-${runId}`;
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
  const url = new URL(env.DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  // Leftovers of runs killed before their teardown: names end in the run's start time (base 36).
  const { rows } = await admin.query(
    `SELECT datname FROM pg_database WHERE datname LIKE 'dualroute_test_%'`,
  );
  for (const { datname } of rows as { datname: string }[]) {
    const startedAt = parseInt(datname.split('_').pop() ?? '', 36);
    if (datname !== name && startedAt < Date.now() - 3 * 3600_000) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
  }
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { migrate } = require('../../src/cli/migrate') as typeof import('../../src/cli/migrate');
  await migrate(env.DATABASE_URL);
}
