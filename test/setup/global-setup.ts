import { join } from 'node:path';
import { Client } from 'pg';
import { register } from 'tsconfig-paths';
import { TEST_ENV } from './test-env';

/** Once per run: a fresh test database with every migration applied, and a run-unique queue prefix. */
export default async function globalSetup(): Promise<void> {
  Object.assign(process.env, TEST_ENV);
  process.env.QUEUE_PREFIX = `test-${process.pid}-${Date.now()}`;
  register({
    baseUrl: join(__dirname, '..', '..'),
    paths: { '@app/common': ['libs/common/src'], '@app/common/*': ['libs/common/src/*'] },
  });
  const url = new URL(TEST_ENV.DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { migrate } = require('../../src/cli/migrate') as typeof import('../../src/cli/migrate');
  await migrate(TEST_ENV.DATABASE_URL);
}
