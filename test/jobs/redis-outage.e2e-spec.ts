import { bullJobId, JobDispatcher, redisOptionsFromUrl } from '@app/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { jobKeys, QUEUES } from '../../src/jobs/queues';
import { createTenant, startApi, TestApi } from '../helpers/api';
import {
  apiKey,
  createIntegrationKey,
  createProgrammeFor,
  studentRows,
  waitForImport,
} from '../helpers/imports';
import { TcpProxy, tryConnect } from '../helpers/tcp-proxy';
import { startWorker, TestWorker, waitFor, withEnv } from '../helpers/worker';

/**
 * Redis is only the carrier: an outage delays work but never loses or doubles it, and a Redis
 * that lost its data is noticed and refilled from PostgreSQL. The worker reaches Redis through a
 * TCP proxy the test can cut; the API does not need Redis for this work at all.
 *
 * A database and queue prefix of its own: a worker of another file would take these jobs.
 */
describe('jobs through a Redis outage and a Redis that lost its data', () => {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `${process.env.QUEUE_PREFIX}:redis-outage`;
  const proxy = new TcpProxy(Number(new URL(redisUrl).port || 6379), new URL(redisUrl).hostname);
  let env: Record<string, string>;
  let api: TestApi;
  let worker: TestWorker;
  let queue: Queue;
  let db: DataSource;
  let key: Record<string, string>;
  let programmeId: string;

  beforeAll(async () => {
    env = { DATABASE_URL: process.env.DATABASE_URL!, QUEUE_PREFIX: prefix };
    await proxy.start(0);
    api = await withEnv(env, () => startApi());
    worker = await startWorker({ ...env, REDIS_URL: proxy.url });
    db = api.app.get(DataSource);
    queue = new Queue(QUEUES.imports, { connection: redisOptionsFromUrl(redisUrl), prefix });
    const tenant = await createTenant(api);
    programmeId = await createProgrammeFor(api, tenant.coordinatorToken, tenant.universityId);
    key = apiKey(await createIntegrationKey(api, tenant.coordinatorToken, tenant.universityId));
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await proxy.stop();
  });

  async function jobOf(importId: string) {
    const [row] = await db.query(
      `SELECT id, key, state, dispatched_at AS "dispatchedAt", dispatch_count AS "dispatchCount", attempts
         FROM jobs WHERE subject_id = $1`,
      [importId],
    );
    return row as { id: string; key: string; state: string; dispatchedAt: Date | null; dispatchCount: number; attempts: number };
  }

  /** The job once the runner has recorded its outcome (it does so just after the import commits). */
  function settledJobOf(importId: string) {
    return waitFor(async () => {
      const job = await jobOf(importId);
      return job.state === 'running' ? null : job;
    });
  }

  const postImport = (n: number) =>
    api.http.post('/api/v1/imports/students').set(key).send({ students: studentRows(programmeId, n) });

  it('runs an import through the proxy while Redis is up', async () => {
    const res = await postImport(5);
    expect(res.status).toBe(202);
    await expect(waitForImport(api.http, res.body.id, key)).resolves.toMatchObject({
      status: 'completed',
      created: 5,
    });
  });

  it('accepts work while Redis is unreachable, runs it once Redis is back, and never twice', async () => {
    await proxy.stop();
    expect(await tryConnect(proxy.port)).toBe('ECONNREFUSED');
    const dispatcher = worker.app.get(JobDispatcher);
    const failuresBefore = dispatcher.state.failures;

    // The API does not need the queue: the request succeeds and leaves a queued job in PostgreSQL.
    const res = await postImport(20);
    expect(res.status).toBe(202);
    const importId: string = res.body.id;
    expect(await jobOf(importId)).toMatchObject({
      key: jobKeys.studentImport(importId),
      state: 'queued',
      dispatchedAt: null,
    });

    // The dispatcher tries, fails and waits; nothing has moved meanwhile.
    await waitFor(() => dispatcher.state.failures >= failuresBefore + 3, 30_000);
    expect(await jobOf(importId)).toMatchObject({ state: 'queued', dispatchedAt: null });
    const pending = await api.http.get(`/api/v1/imports/${importId}`).set(key).expect(200);
    expect(pending.body).toMatchObject({ status: 'queued', startedAt: null });

    // Redis is back: the row is handed over and the worker's connections recover and run it.
    await proxy.start();
    const done = await waitForImport(api.http, importId, key, 45_000);
    expect(done).toMatchObject({ status: 'completed', created: 20, rejected: 0 });
    expect(await settledJobOf(importId)).toMatchObject({ state: 'succeeded', dispatchCount: 1, attempts: 1 });
    // BullMQ records the carrier's completion just after the run settled the row in PostgreSQL.
    const returned = await waitFor(async () => {
      const carrier = await queue.getJob(bullJobId(jobKeys.studentImport(importId), 1));
      return (await carrier?.isCompleted()) ? carrier!.returnvalue : null;
    });
    expect(returned).toMatchObject({ outcome: 'succeeded', importId, processed: true, created: 20 });
    await expect(dispatcher.dispatchOnce()).resolves.toBe(0);
    const after = await api.http.get(`/api/v1/imports/${importId}`).set(key).expect(200);
    expect(after.body).toMatchObject({ status: 'completed', created: 20, version: done.version });
  });

  it('catches up when a worker starts while Redis is down', async () => {
    await worker.close();
    await proxy.stop();
    const res = await postImport(4);
    expect(res.status).toBe(202);
    worker = await startWorker({ ...env, REDIS_URL: proxy.url });
    await waitFor(() => worker.app.get(JobDispatcher).state.failures >= 1, 30_000);
    expect(await jobOf(res.body.id)).toMatchObject({ state: 'queued', dispatchedAt: null });
    await proxy.start();
    await expect(waitForImport(api.http, res.body.id, key, 45_000)).resolves.toMatchObject({
      created: 4,
    });
  });

  it('notices a Redis that lost its data and re-drives the lost jobs from PostgreSQL (10 of 10)', async () => {
    await worker.close();
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) ids.push((await postImport(2)).body.id);
    // Handed over to BullMQ, then Redis restarts without persistence before any worker took them.
    const dispatcher = new JobDispatcher(db, {
      ...worker.app.get(JobDispatcher)['options'],
      connection: redisOptionsFromUrl(redisUrl),
    });
    while ((await dispatcher.dispatchOnce()) > 0);
    await dispatcher.onApplicationShutdown();
    for (const id of ids) expect(await jobOf(id)).toMatchObject({ state: 'queued', dispatchCount: 1 });
    const redis = new Redis(redisUrl);
    const lost = await redis.keys(`${prefix}:*`);
    expect(lost.length).toBeGreaterThan(0);
    await redis.del(...lost);
    redis.disconnect();

    worker = await startWorker({
      ...env,
      REDIS_URL: proxy.url,
      JOB_REDRIVE_AFTER_SECONDS: '1',
      JOB_RECONCILE_INTERVAL_SECONDS: '0.5',
    });
    const done = await Promise.all(ids.map((id) => waitForImport(api.http, id, key, 60_000)));
    expect(done.map((d) => d.status)).toEqual(ids.map(() => 'completed'));
    for (const id of ids) expect(await settledJobOf(id)).toMatchObject({ state: 'succeeded', dispatchCount: 2, attempts: 1 });
  });

  it('keeps working after all that', async () => {
    const res = await postImport(3);
    await expect(waitForImport(api.http, res.body.id, key, 10_000)).resolves.toMatchObject({
      created: 3,
    });
  });
});
