import { OutboxRelay, redisOptionsFromUrl } from '@app/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrate } from '../../src/cli/migrate';
import { jobIds, QUEUES } from '../../src/jobs/queues';
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
 * A Redis outage delays work but never loses or doubles it. The worker reaches Redis through a
 * TCP proxy the test can cut; the API uses Redis directly (it only writes the outbox).
 *
 * This file has a database and queue prefix of its own: the relay of any worker on a shared
 * database would send our outbox rows through the real Redis and spoil the outage.
 */
describe('outbox relay through a Redis outage', () => {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  // Ends in a base-36 start time, like the run databases, so a crashed run's copy gets cleaned up.
  const databaseName = `dualroute_test_outbox${process.pid}_${Date.now().toString(36)}`;
  const databaseUrl = Object.assign(new URL(process.env.DATABASE_URL as string), {
    pathname: `/${databaseName}`,
  }).toString();
  const prefix = `${process.env.QUEUE_PREFIX}:outbox`;
  const proxy = new TcpProxy(Number(new URL(redisUrl).port || 6379), new URL(redisUrl).hostname);
  const env = { DATABASE_URL: databaseUrl, QUEUE_PREFIX: prefix };

  let api: TestApi;
  let worker: TestWorker;
  let queue: Queue;
  let db: DataSource;
  let key: Record<string, string>;
  let programmeId: string;

  beforeAll(async () => {
    await migrate(databaseUrl);
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
    await queue?.close();
    await proxy.stop();
    const admin = new Client({
      connectionString: Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString(),
    });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin.end();
  });

  async function outboxRow(
    importId: string,
  ): Promise<{ id: string; jobId: string; sentAt: Date | null }> {
    const [row] = await db.query(
      `SELECT id, job_id AS "jobId", sent_at AS "sentAt" FROM outbox WHERE payload->>'importId' = $1`,
      [importId],
    );
    return row;
  }

  it('runs an import through the proxy while Redis is up', async () => {
    const res = await api.http
      .post('/api/v1/imports/students')
      .set(key)
      .send({ students: studentRows(programmeId, 5) });
    expect(res.status).toBe(202);
    await expect(waitForImport(api.http, res.body.id, key)).resolves.toMatchObject({
      status: 'completed',
      created: 5,
    });
  });

  it('accepts work while Redis is unreachable, runs it once Redis is back, and never enqueues it twice', async () => {
    await proxy.stop();
    expect(await tryConnect(proxy.port)).toBe('ECONNREFUSED');

    // The API does not need the queue: the request succeeds and leaves an unsent outbox row.
    const res = await api.http
      .post('/api/v1/imports/students')
      .set(key)
      .send({ students: studentRows(programmeId, 20) });
    expect(res.status).toBe(202);
    const importId: string = res.body.id;
    const jobId = jobIds.studentImport(importId);
    expect(await outboxRow(importId)).toMatchObject({ jobId, sentAt: null });

    // Many relay polls (every 50 ms, backing off) later, nothing has moved.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await outboxRow(importId)).toMatchObject({ sentAt: null });
    const pending = await api.http.get(`/api/v1/imports/${importId}`).set(key).expect(200);
    expect(pending.body).toMatchObject({ status: 'queued', startedAt: null });
    expect(await queue.getJob(jobId)).toBeUndefined();

    // Redis is back: the relay sends the row, the worker's connections recover and run the job.
    await proxy.start();
    const done = await waitForImport(api.http, importId, key, 45_000);
    expect(done).toMatchObject({ status: 'completed', created: 20, rejected: 0 });
    expect((await outboxRow(importId)).sentAt).toBeInstanceOf(Date);

    const job = await queue.getJob(jobId);
    expect(job).toBeDefined();
    expect(job?.finishedOn).toEqual(expect.any(Number));
    expect(job?.returnvalue).toMatchObject({ importId, processed: true, created: 20 });
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    expect(counts).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: 2, failed: 0 });

    // Relaying again sends nothing: the row is marked sent.
    const relay = worker.app.get(OutboxRelay);
    await expect(relay.relayOnce()).resolves.toBe(0);

    // Even a row re-sent after a crash between add() and commit collapses into the same job.
    const { id: rowId } = await outboxRow(importId);
    await db.query('UPDATE outbox SET sent_at = NULL WHERE id = $1', [rowId]);
    await waitFor(async () => (await outboxRow(importId)).sentAt);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed')).toEqual(
      counts,
    );
    const again = await queue.getJob(jobId);
    expect(again?.processedOn).toBe(job?.processedOn);
    const after = await api.http.get(`/api/v1/imports/${importId}`).set(key).expect(200);
    expect(after.body).toMatchObject({ status: 'completed', created: 20, version: done.version });
  });

  it('catches up when a worker starts while Redis is down', async () => {
    await worker.close();
    await proxy.stop();
    const res = await api.http
      .post('/api/v1/imports/students')
      .set(key)
      .send({ students: studentRows(programmeId, 4) });
    expect(res.status).toBe(202);
    worker = await startWorker({ ...env, REDIS_URL: proxy.url });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await outboxRow(res.body.id)).toMatchObject({ sentAt: null });
    await proxy.start();
    await expect(waitForImport(api.http, res.body.id, key, 45_000)).resolves.toMatchObject({
      created: 4,
    });
  });

  it('keeps working after the outage', async () => {
    const res = await api.http
      .post('/api/v1/imports/students')
      .set(key)
      .send({ students: studentRows(programmeId, 3) });
    await expect(waitForImport(api.http, res.body.id, key, 10_000)).resolves.toMatchObject({
      created: 3,
    });
  });
});
