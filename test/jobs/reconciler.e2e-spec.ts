import { JobReconciler, ReconcileResult, redisOptionsFromUrl } from '@app/common';
import { Queue } from 'bullmq';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { QUEUES } from '../../src/jobs/queues';
import { startApi, TestApi } from '../helpers/api';
import { agreementWorld, AgreementWorld, fullySigned } from '../helpers/agreements';
import { startWorker, TestWorker, waitFor, withEnv } from '../helpers/worker';

/**
 * Two workers' reconcilers race over the same stuck rows (handed over long ago and lost by
 * Redis, or left running by a worker that died): each row is re-driven once and sealed once.
 */
describe('the reconciler', () => {
  const prefix = `${process.env.QUEUE_PREFIX}:reconciler`;
  let documentsDir: string;
  let env: Record<string, string>;
  let api: TestApi;
  let world: AgreementWorld;
  let db: DataSource;
  let queue: Queue;

  beforeAll(async () => {
    documentsDir = join(process.env.TEST_DATA_DIR ?? '/tmp/dualroute-test', `reconcile-${process.pid}`);
    env = { DATABASE_URL: process.env.DATABASE_URL!, QUEUE_PREFIX: prefix, DOCUMENTS_DIR: documentsDir };
    api = await withEnv(env, () => startApi());
    db = api.app.get(DataSource);
    world = await agreementWorld(api);
    queue = new Queue(QUEUES.documents, { connection: redisOptionsFromUrl(process.env.REDIS_URL!), prefix });
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
  });

  it('two workers racing over 20 stuck seal jobs: each re-driven once and sealed once', async () => {
    const ids = await fullySigned(api, world, 20);
    const [lost, died] = [ids.slice(0, 10), ids.slice(10)];
    // Handed to BullMQ an hour ago and gone from Redis since.
    await db.query(
      `UPDATE jobs j SET dispatched_at = now() - interval '1 hour', dispatch_count = 1
         FROM documents d WHERE d.id = j.subject_id AND d.agreement_id = ANY($1) AND j.kind = 'seal-agreement'`,
      [lost],
    );
    // Claimed by a worker that died mid-run: its lease ran out, its document stayed processing.
    await db.query(
      `UPDATE jobs j SET dispatched_at = now() - interval '1 hour', dispatch_count = 1, state = 'running',
              attempts = 1, lease_owner = 'dead-worker/seal', lease_expires_at = now() - interval '1 minute'
         FROM documents d WHERE d.id = j.subject_id AND d.agreement_id = ANY($1) AND j.kind = 'seal-agreement'`,
      [died],
    );
    await db.query(`UPDATE documents SET status = 'processing', attempts = 1 WHERE kind = 'signed' AND agreement_id = ANY($1)`, [died]);

    const overrides = {
      ...env,
      JOB_REDRIVE_AFTER_SECONDS: '1',
      JOB_RECONCILE_INTERVAL_SECONDS: '0.2',
      JOB_LEASE_SECONDS: '10',
    };
    const workers: TestWorker[] = await Promise.all([startWorker(overrides), startWorker(overrides)]);
    try {
      // Besides their own timers, both reconcile at the same instant, again and again.
      const rounds: ReconcileResult[] = [];
      const reconcilers = workers.map((w) => w.app.get(JobReconciler));
      for (let i = 0; i < 10; i += 1) {
        rounds.push(...(await Promise.all(reconcilers.map((r) => r.reconcileOnce()))));
      }
      expect(rounds.some((r) => !r.leader) || rounds.every((r) => r.redriven.length === 0)).toBe(true);

      const jobs = await waitFor(async () => {
        const rows: { agreement_id: string; state: string; dispatch_count: number; attempts: number; status: string; doc_attempts: number }[] =
          await db.query(
            `SELECT d.agreement_id, j.state, j.dispatch_count, j.attempts, d.status, d.attempts AS doc_attempts
               FROM jobs j JOIN documents d ON d.id = j.subject_id
              WHERE j.kind = 'seal-agreement' AND d.agreement_id = ANY($1)`,
            [ids],
          );
        return rows.length === 20 && rows.every((r) => r.state === 'succeeded' && r.status === 'ready') ? rows : null;
      }, 60_000);
      for (const job of jobs) {
        expect({ id: job.agreement_id, dispatches: job.dispatch_count }).toEqual({ id: job.agreement_id, dispatches: 2 });
        // One run after the re-drive (plus the dead one for those that died).
        const runsBefore = died.includes(job.agreement_id) ? 1 : 0;
        expect(job.attempts).toBe(runsBefore + 1);
        expect(job.doc_attempts).toBe(runsBefore + 1);
        const files = (await readdir(join(documentsDir, 'agreements', job.agreement_id))).filter((f) => f.includes('-signed-'));
        expect(files).toHaveLength(1);
      }
      const sealedRuns = (await queue.getJobs(['completed'], 0, -1)).filter((j) => j.name === 'seal-agreement' && j.returnvalue?.outcome === 'succeeded');
      expect(sealedRuns).toHaveLength(20);
    } finally {
      for (const w of workers) await w.close();
    }
  }, 180_000);
});
