import { Client } from 'pg';
import { migrate } from '../../src/cli/migrate';

export interface OwnDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A migrated database for one test file whose workers must see only its own jobs (fault tests:
 * a worker of another file on a shared database would take and finish them). The name ends in
 * the run's start time in base 36, like the run's database, so a crashed run's copy is found.
 */
export async function ownDatabase(tag: string): Promise<OwnDatabase> {
  const name = `dualroute_test_${tag}${process.pid}_${Date.now().toString(36)}`;
  const url = Object.assign(new URL(process.env.DATABASE_URL as string), { pathname: `/${name}` }).toString();
  await migrate(url);
  return {
    url,
    name,
    drop: async () => {
      const admin = new Client({
        connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
      });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
