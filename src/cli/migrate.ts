import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../config/app-config';
import { dataSourceOptions, ensureDatabase } from '../config/data-source';

/** Creates the database when missing and applies pending migrations. */
export async function migrate(databaseUrl = loadAppConfig().databaseUrl): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    // An advisory lock (held on one connection) keeps two starting instances from migrating at once.
    const lock = dataSource.createQueryRunner();
    await lock.query('SELECT pg_advisory_lock(734201)');
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock(734201)');
      await lock.release();
    }
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  migrate()
    .then((applied) => console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date'))
    .catch((error) => {
      console.error('Migration failed:', error);
      process.exit(1);
    });
}
