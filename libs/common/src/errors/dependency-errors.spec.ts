import Redis from 'ioredis';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Client, Pool } from 'pg';
import { QueryFailedError } from 'typeorm';
import { failFastRedisOptions } from '../redis/redis-options';
import { unavailableDependency } from './dependency-errors';
import { ProblemDetailsFilter } from './problem.filter';

/**
 * Real errors from real clients: what pg, pg-pool and ioredis throw when PostgreSQL or Redis
 * cannot be reached counts as "unavailable" (503); what PostgreSQL answers to a bad query does not.
 */
describe('unavailableDependency', () => {
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const adminUrl = Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString();
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const filter = new ProblemDetailsFilter();

  /** A port nothing listens on (connection refused). */
  async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  async function caught(promise: Promise<unknown>): Promise<unknown> {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected a rejection');
  }

  it('PostgreSQL refusing connections', async () => {
    const port = await closedPort();
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres' });
    const error = await caught(client.connect());
    expect(unavailableDependency(error)).toBe('database');
    expect(filter.toProblem(error)).toMatchObject({
      status: 503,
      type: expect.stringMatching(/service-unavailable$/),
    });
  });

  it('PostgreSQL accepting but never answering: the pool gives up after its connection timeout', async () => {
    const held: net.Socket[] = [];
    const silent = net.createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const pool = new Pool({
      host: '127.0.0.1',
      port: (silent.address() as AddressInfo).port,
      user: 'postgres',
      max: 1,
      connectionTimeoutMillis: 200,
    });
    try {
      const [connecting, waiting] = await Promise.all([
        caught(pool.query('SELECT 1')),
        caught(pool.query('SELECT 1')),
      ]);
      expect(unavailableDependency(connecting)).toBe('database'); // the connection attempt timed out
      expect(unavailableDependency(waiting)).toBe('database'); // waited for the full pool, in vain
    } finally {
      await pool.end();
      held.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('a connection terminated under a query, as TypeORM wraps it', async () => {
    const victim = new Client({ connectionString: adminUrl });
    const admin = new Client({ connectionString: adminUrl });
    await victim.connect();
    await admin.connect();
    victim.on('error', () => undefined);
    try {
      const [{ pid }] = (await victim.query('SELECT pg_backend_pid() AS pid')).rows;
      const running = caught(victim.query('SELECT pg_sleep(5)'));
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      const driverError = await running;
      const wrapped = new QueryFailedError('SELECT pg_sleep(5)', [], driverError as Error);
      expect(unavailableDependency(driverError)).toBe('database');
      expect(unavailableDependency(wrapped)).toBe('database');
    } finally {
      await victim.end().catch(() => undefined);
      await admin.end();
    }
  });

  it('Redis unreachable to a fail-fast client', async () => {
    const redis = new Redis({
      ...failFastRedisOptions(`redis://127.0.0.1:${await closedPort()}`),
      lazyConnect: true,
    });
    redis.on('error', () => undefined);
    try {
      const error = await caught(redis.ping());
      expect(unavailableDependency(error)).toBe('redis');
    } finally {
      redis.disconnect();
    }
  });

  it('not a query PostgreSQL answered with an error, nor any other error', async () => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      for (const sql of [
        'SELEC 1',
        'SELECT 1/0',
        "SELECT 'x'::int",
        'SELECT * FROM no_such_table',
      ]) {
        const driverError = await caught(client.query(sql));
        expect(
          unavailableDependency(new QueryFailedError(sql, [], driverError as Error)),
        ).toBeNull();
        expect(unavailableDependency(driverError)).toBeNull();
      }
    } finally {
      await client.end();
    }
    const redis = new Redis(redisUrl);
    const replyError = await caught(redis.call('NO_SUCH_COMMAND'));
    redis.disconnect();
    expect(unavailableDependency(replyError)).toBeNull();
    expect(unavailableDependency(new Error('boom'))).toBeNull();
    expect(unavailableDependency('ECONNREFUSED')).toBeNull();
    expect(filter.toProblem(new Error('boom'))).toMatchObject({ status: 500 });
  });
});
