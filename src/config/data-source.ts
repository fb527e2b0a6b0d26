import 'reflect-metadata';
import { SnakeNamingStrategy } from '@app/common';
import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { DatabasePoolConfig, loadAppConfig, loadDatabasePoolConfig } from './app-config';
import { ENTITIES } from './entities';

export function dataSourceOptions(
  databaseUrl: string,
  pool: DatabasePoolConfig = loadDatabasePoolConfig(),
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsTransactionMode: 'each',
    // A query never waits long for a connection: with PostgreSQL down (or the pool exhausted)
    // the request fails within connectionTimeoutMillis and answers 503, instead of hanging.
    extra: { max: pool.size, connectionTimeoutMillis: pool.connectTimeoutMs },
  };
}

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    // Another process may have created it between our check and create.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

/** The TypeORM CLI's data source (npm run migration:*). */
export default new DataSource(dataSourceOptions(loadAppConfig().databaseUrl));
