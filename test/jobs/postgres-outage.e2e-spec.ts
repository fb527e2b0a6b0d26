import { redisOptionsFromUrl } from '@app/common';
import { Queue } from 'bullmq';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { JOBS, QUEUES } from '../../src/jobs/queues';
import { startApi, TestApi } from '../helpers/api';
import { agreementWorld, AgreementWorld, fullySigned } from '../helpers/agreements';
import { TcpProxy } from '../helpers/tcp-proxy';
import { startWorker, TestWorker, waitFor, withEnv } from '../helpers/worker';

/**
 * A PostgreSQL outage longer than BullMQ's quick retries loses nothing: the seal jobs' rows stay
 * unfinished in PostgreSQL, and once it is back the reconciler re-drives them. The worker reaches
 * PostgreSQL through a TCP proxy the test cuts; the API (and the test) reach it directly.
 */
describe('jobs through a PostgreSQL outage', () => {
  const prefix = `${process.env.QUEUE_PREFIX}:pg-outage`;
  const proxy = new TcpProxy(5432);
  let documentsDir: string;
  let api: TestApi;
  let worker: TestWorker;
  let world: AgreementWorld;
  let db: DataSource;
  let queue: Queue;

  beforeAll(async () => {
    documentsDir = join(process.env.TEST_DATA_DIR ?? '/tmp/dualroute-test', `pg-outage-${process.pid}`);
    const env = { DATABASE_URL: process.env.DATABASE_URL!, QUEUE_PREFIX: prefix, DOCUMENTS_DIR: documentsDir };
    await proxy.start(0);
    api = await withEnv(env, () => startApi());
    db = api.app.get(DataSource);
    world = await agreementWorld(api);
    queue = new Queue(QUEUES.documents, { connection: redisOptionsFromUrl(process.env.REDIS_URL!), prefix });
    worker = await startWorker({
      ...env,
      DATABASE_URL: Object.assign(new URL(process.env.DATABASE_URL!), { port: String(proxy.port) }).toString(),
      // Quick retries that an outage of a few seconds outlasts; the reconciler does the rest.
      JOB_HANDOVER_ATTEMPTS: '2',
      JOB_HANDOVER_BACKOFF_SECONDS: '0.2',
      JOB_LEASE_SECONDS: '1',
      JOB_REDRIVE_AFTER_SECONDS: '2',
      JOB_RECONCILE_INTERVAL_SECONDS: '0.5',
    });
  }, 120_000);

  afterAll(async () => {
    await proxy.start().catch(() => undefined);
    await worker?.close();
    await api?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await proxy.stop();
  });

  const sealJobs = (ids: string[]) =>
    db.query(
      `SELECT j.state, j.dispatch_count, d.status, d.storage_key
         FROM jobs j JOIN documents d ON d.id = j.subject_id
        WHERE j.kind = 'seal-agreement' AND d.agreement_id = ANY($1)`,
      [ids],
    ) as Promise<{ state: string; dispatch_count: number; status: string; storage_key: string }[]>;

  it('20 seal jobs handed over, PostgreSQL away longer than the quick retries: 20 of 20 sealed once it is back', async () => {
    await queue.pause();
    const ids = await fullySigned(api, world, 20);
    // Handed to the (paused) queue, not yet run.
    await waitFor(async () => {
      const jobs = await sealJobs(ids);
      return jobs.length === 20 && jobs.every((j) => j.dispatch_count === 1 && j.state === 'queued');
    }, 30_000);

    await proxy.stop();
    await queue.resume();
    // Every seal hand-over ran into the outage until BullMQ gave up on it.
    await waitFor(async () => {
      const failed = await queue.getJobs(['failed'], 0, -1);
      return failed.filter((j) => j.name === JOBS.sealAgreement).length >= 20;
    }, 60_000);
    const during = await sealJobs(ids);
    expect(during.filter((j) => j.status === 'ready')).toHaveLength(0);

    await proxy.start();
    const sealed = await waitFor(async () => {
      const jobs = await sealJobs(ids);
      return jobs.every((j) => j.state === 'succeeded' && j.status === 'ready') ? jobs : null;
    }, 90_000);
    expect(sealed).toHaveLength(20);
    for (const job of sealed) expect(job.dispatch_count).toBeGreaterThanOrEqual(2); // re-driven
    for (const id of ids) {
      const files = (await readdir(join(documentsDir, 'agreements', id))).filter((f) => f.includes('-signed-'));
      expect(files).toHaveLength(1);
    }
    const failedDocs = await db.query(
      `SELECT count(*)::int AS n FROM documents WHERE agreement_id = ANY($1) AND status = 'failed'`,
      [ids],
    );
    expect(failedDocs[0].n).toBe(0);
  }, 240_000);
});
