import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  createOwnedDatabase,
  dropAbandonedDatabases,
  dropDatabase,
  ownerHere,
  withAdmin,
  withDatabase,
} from '../../bench/scratch-databases';
import { loadAppConfig } from '../config/app-config';
import { dataSourceOptions } from '../config/data-source';
import { migrate } from './migrate';

/**
 * Fails when the entities and the migrations disagree: applies every migration to a fresh
 * database of its own, then asks TypeORM's schema builder what it would change to match the
 * entities (what `npm run migration:generate` would write). Anything at all is drift: either a
 * migration is missing, or a constraint lives only in a migration and the next generated
 * migration would silently drop it. Constraints TypeORM cannot express (triggers) stay in
 * migrations only; the schema builder does not look at them.
 */
async function main(): Promise<number> {
  const baseUrl = loadAppConfig().databaseUrl;
  const name = `dualroute_test_migration_check_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(baseUrl, name);
  await withAdmin(baseUrl, async (admin) => {
    await dropAbandonedDatabases(admin, 'dualroute\\_test\\_migration\\_check\\_%');
    await createOwnedDatabase(admin, name, ownerHere('migration:check'));
  });
  try {
    await migrate(url);
    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      if (pending.upQueries.length === 0) {
        console.log('migration:check: the migrations produce exactly the schema of the entities');
        return 0;
      }
      console.error(
        `migration:check: the entities and the migrations differ; migration:generate would write:\n` +
          pending.upQueries.map((q) => `  ${q.query};`).join('\n'),
      );
      return 1;
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await withAdmin(baseUrl, (admin) => dropDatabase(admin, name));
  }
}

main()
  .then((code) => (process.exitCode = code))
  .catch((error) => {
    console.error('migration:check failed:', error);
    process.exitCode = 2;
  });
