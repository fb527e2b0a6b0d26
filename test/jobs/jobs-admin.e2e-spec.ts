import { redisOptionsFromUrl } from '@app/common';
import { Queue } from 'bullmq';
import { JOBS, QUEUES } from '../../src/jobs/queues';
import { bearer, createTenant, startApi, TestApi, uniq } from '../helpers/api';
import { apiKey, createIntegrationKey } from '../helpers/imports';
import { startWorker, TestWorker, waitFor } from '../helpers/worker';

interface QueueView {
  name: string;
  counts: Record<string, number>;
  failed: {
    id: string;
    name: string;
    failedReason: string;
    attemptsMade: number;
    failedAt: string | null;
  }[];
}

describe('GET /admin/queues', () => {
  let api: TestApi;
  let worker: TestWorker;
  let queue: Queue;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    queue = new Queue(QUEUES.imports, {
      connection: redisOptionsFromUrl(process.env.REDIS_URL as string),
      prefix: process.env.QUEUE_PREFIX,
    });
  });

  afterAll(async () => {
    await queue?.close();
    await worker?.close();
    await api?.close();
  });

  it('shows admins the job counts of every queue and the failed jobs with their reason', async () => {
    // A job naming no import fails at once (not retried), whichever worker of this run takes it.
    const jobId = `admin-queues-${uniq()}`;
    await queue.add(JOBS.studentImport, { importId: 'not-an-import' }, { jobId, attempts: 3 });
    const imports = await waitFor(async () => {
      const res = await api.http
        .get('/api/v1/admin/queues')
        .set(bearer(api.adminToken))
        .expect(200);
      const view = (res.body.queues as QueueView[]).find((q) => q.name === QUEUES.imports);
      return view?.failed.some((f) => f.id === jobId) ? view : null;
    });
    expect(Object.keys(imports.counts).sort()).toEqual(
      [
        'active',
        'completed',
        'delayed',
        'failed',
        'paused',
        'prioritized',
        'waiting',
        'waiting-children',
      ].sort(),
    );
    expect(imports.counts.failed).toBeGreaterThanOrEqual(1);
    expect(imports.failed.length).toBeLessThanOrEqual(20);
    expect(imports.failed.find((f) => f.id === jobId)).toEqual({
      id: jobId,
      name: JOBS.studentImport,
      failedReason: 'The job names no student import',
      attemptsMade: 1,
      failedAt: expect.any(String),
    });
    expect(imports.failed[0]).not.toHaveProperty('data');
  });

  it('is for admins only', async () => {
    const tenant = await createTenant(api);
    await api.http.get('/api/v1/admin/queues').set(bearer(tenant.coordinatorToken)).expect(403);
    const key = await createIntegrationKey(api, tenant.coordinatorToken, tenant.universityId);
    await api.http.get('/api/v1/admin/queues').set(apiKey(key)).expect(403);
    await api.http.get('/api/v1/admin/queues').expect(401);
  });
});
