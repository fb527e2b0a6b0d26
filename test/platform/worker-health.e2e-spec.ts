import { Client } from 'pg';
import { migrate } from '../../src/cli/migrate';
import { WorkerHealthServer } from '../../src/health/worker-health';
import { TcpProxy, tryConnect } from '../helpers/tcp-proxy';
import { startWorker, TestWorker, waitFor } from '../helpers/worker';

/**
 * The worker's own health endpoints (it has no API): live, and ready naming the dependency that
 * is down. The worker reaches PostgreSQL and Redis through proxies the test cuts.
 *
 * A database and queue prefix of its own: a worker dispatching the shared database's jobs would
 * take other test files' jobs, and this one loses its dependencies on purpose.
 */
describe('worker health endpoint', () => {
  const databaseName = `dualroute_test_whealth${process.pid}_${Date.now().toString(36)}`;
  const databaseUrl = Object.assign(new URL(process.env.DATABASE_URL as string), {
    pathname: `/${databaseName}`,
  });
  const redisUrl = new URL(process.env.REDIS_URL as string);
  const pg = new TcpProxy(Number(databaseUrl.port || 5432), databaseUrl.hostname);
  const redis = new TcpProxy(Number(redisUrl.port || 6379), redisUrl.hostname);
  let worker: TestWorker;
  let base: string;

  beforeAll(async () => {
    await migrate(databaseUrl.toString());
    await pg.start(0);
    await redis.start(0);
    worker = await startWorker({
      DATABASE_URL: Object.assign(new URL(databaseUrl), { port: String(pg.port) }).toString(),
      REDIS_URL: redis.url,
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}:whealth`,
      WORKER_HEALTH_PORT: '0', // any free port; the test asks which
      HOST: '127.0.0.1',
    });
    base = `http://127.0.0.1:${worker.app.get(WorkerHealthServer).port}`;
  });

  afterAll(async () => {
    await pg.start().catch(() => undefined);
    await redis.start().catch(() => undefined);
    await worker?.close();
    await pg.stop();
    await redis.stop();
    const admin = new Client({
      connectionString: Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString(),
    });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin.end();
  });

  /** The client's own timeout is the hang detector: readiness must answer, not wait. */
  async function get(path: string) {
    const res = await fetch(base + path, { signal: AbortSignal.timeout(4_000) });
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as Record<string, unknown>,
    };
  }

  /** How many connections the worker holds through `proxy` once that number stops changing. */
  async function settledConnections(proxy: TcpProxy): Promise<number> {
    let last = -1;
    let same = 0;
    return waitFor(
      () => {
        same = proxy.connections === last ? same + 1 : 0;
        last = proxy.connections;
        return same >= 5 && last;
      },
      15_000,
      100,
    );
  }

  const readyAgain = () =>
    waitFor(async () => (await get('/health/ready')).status === 200, 20_000, 100);
  // On a loaded machine a probe of the dependency that is up can miss its 800 ms once: ask
  // again until the answer names exactly what is down (a hang detector, not a timing).
  const readyNaming = (down: string[]) =>
    waitFor(
      async () => {
        const res = await get('/health/ready');
        const named = res.status === 200 ? [] : res.body?.down;
        return JSON.stringify(named) === JSON.stringify(down) ? res : null;
      },
      20_000,
      100,
    );

  it('is live and ready while both dependencies answer', async () => {
    expect(await get('/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await readyNaming([])).toMatchObject({
      status: 200,
      body: { status: 'ok', details: { database: { status: 'up' }, redis: { status: 'up' } } },
    });
  });

  it('is not ready while Redis is down, says so, and is ready again once it is back', async () => {
    const connections = await settledConnections(redis);
    await redis.stop();
    expect(await tryConnect(redis.port)).toBe('ECONNREFUSED');
    const res = await readyNaming(['redis']);
    expect(res).toMatchObject({
      status: 503,
      type: expect.stringMatching(/^application\/problem\+json/),
      body: {
        status: 503,
        down: ['redis'],
        details: { database: { status: 'up' }, redis: { status: 'down' } },
      },
    });
    expect(Number(res.retryAfter)).toBeGreaterThan(0);
    expect((await get('/health/live')).status).toBe(200);
    await redis.start();
    await readyAgain();
    // BullMQ reconnects on its own schedule: let it, or closing the worker would wait for it.
    await waitFor(() => redis.connections >= connections, 30_000, 100);
  });

  it('is not ready while PostgreSQL is down, says so, and is ready again once it is back', async () => {
    await pg.stop();
    expect(await readyNaming(['database'])).toMatchObject({
      status: 503,
      body: {
        down: ['database'],
        details: { database: { status: 'down' }, redis: { status: 'up' } },
      },
    });
    await pg.start();
    await readyAgain();
  });

  it('answers other paths with a problem+json 404', async () => {
    expect(await get('/nothing')).toMatchObject({ status: 404, body: { status: 404 } });
  });
});
