import { newId, redisOptionsFromUrl } from '@app/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOBS, jobKeys, QUEUES } from '../../src/jobs/queues';
import { bearer, createTenant, startApi, TestApi, uniq } from '../helpers/api';
import { apiKey, createIntegrationKey, createProgrammeFor, studentRows, waitForImport } from '../helpers/imports';
import { startWorker, TestWorker, waitFor, withEnv } from '../helpers/worker';

interface QueueView {
  name: string;
  counts: Record<string, number>;
  failed: { id: string; name: string; failedReason: string; attemptsMade: number; failedAt: string | null }[];
}

/** What admins see of the job path and how they repair it; a database of its own (no other file's worker). */
describe('admin: queues and jobs', () => {
  const prefix = `${process.env.QUEUE_PREFIX}:admin-jobs`;
  let env: Record<string, string>;
  let api: TestApi;
  let worker: TestWorker | null = null;
  let queue: Queue;
  let db: DataSource;
  let admin: Record<string, string>;

  beforeAll(async () => {
    env = { DATABASE_URL: process.env.DATABASE_URL!, QUEUE_PREFIX: prefix };
    api = await withEnv(env, () => startApi());
    db = api.app.get(DataSource);
    admin = bearer(api.adminToken);
    queue = new Queue(QUEUES.imports, { connection: redisOptionsFromUrl(process.env.REDIS_URL!), prefix });
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await api?.close();
  });

  async function ensureWorker(): Promise<void> {
    worker ??= await startWorker(env);
  }

  /** A student-import job for an import that does not exist (yet): its work is impossible. */
  async function orphanImportJob(overrides = ''): Promise<{ jobId: string; importId: string }> {
    const jobId = newId();
    const importId = newId();
    await db.query(
      `INSERT INTO jobs (id, queue, kind, key, subject_type, subject_id, payload, state)
       VALUES ($1, $2, $3, $4, 'student_import', $5, $6, 'queued')`,
      [jobId, QUEUES.imports, JOBS.studentImport, jobKeys.studentImport(importId), importId, { importId }],
    );
    if (overrides) await db.query(`UPDATE jobs SET ${overrides} WHERE id = $1`, [jobId]);
    return { jobId, importId };
  }

  it('shows admins each queue\'s counts and the failed hand-overs with their reason', async () => {
    await ensureWorker();
    // A hand-over that names no job row fails at once (not retried).
    const carrierId = `admin-queues-${uniq()}`;
    await queue.add(JOBS.studentImport, { importId: 'not-a-job' }, { jobId: carrierId, attempts: 3 });
    const imports = await waitFor(async () => {
      const res = await api.http.get('/api/v1/admin/queues').set(admin).expect(200);
      const view = (res.body.queues as QueueView[]).find((q) => q.name === QUEUES.imports);
      return view?.failed.some((f) => f.id === carrierId) ? view : null;
    });
    expect(Object.keys(imports.counts).sort()).toEqual(
      ['active', 'completed', 'delayed', 'failed', 'paused', 'prioritized', 'waiting', 'waiting-children'].sort(),
    );
    expect(imports.failed.find((f) => f.id === carrierId)).toEqual({
      id: carrierId,
      name: JOBS.studentImport,
      failedReason: 'The BullMQ job names no job row',
      attemptsMade: 1,
      failedAt: expect.any(String),
    });
    expect(imports.failed[0]).not.toHaveProperty('data');
  });

  it('lists a failed job with its reason and retries it once its cause is gone', async () => {
    await ensureWorker();
    const { jobId, importId } = await orphanImportJob();
    const failed = await waitFor(async () => {
      const res = await api.http.get(`/api/v1/admin/jobs/${jobId}`).set(admin).expect(200);
      return res.body.state === 'failed' ? res.body : null;
    });
    expect(failed).toMatchObject({
      id: jobId,
      queue: QUEUES.imports,
      kind: JOBS.studentImport,
      subjectType: 'student_import',
      subjectId: importId,
      attempts: 1,
      lastError: `PermanentJobError: Student import ${importId} does not exist`,
      finishedAt: expect.any(String),
    });
    expect(failed).not.toHaveProperty('payload');
    const list = await api.http.get('/api/v1/admin/jobs?state=failed&queue=imports').set(admin).expect(200);
    expect(list.body.data.map((j: { id: string }) => j.id)).toContain(jobId);
    expect(list.body).toHaveProperty('nextCursor');

    // The cause goes away (the import arrives), the admin retries, the job runs and succeeds.
    const tenant = await createTenant(api);
    const programmeId = await createProgrammeFor(api, tenant.coordinatorToken, tenant.universityId);
    await db.query(
      `INSERT INTO student_imports (id, version, university_id, status, requested_by_kind, rows, total_rows)
       VALUES ($1, 1, $2, 'failed', 'user', $3, 2)`,
      [importId, tenant.universityId, JSON.stringify(studentRows(programmeId, 2))],
    );
    const retried = await api.http
      .post(`/api/v1/admin/jobs/${jobId}/retry`)
      .set(admin)
      .send({ reason: 'the import row was restored' })
      .expect(200);
    expect(retried.body).toMatchObject({ id: jobId, attempts: 0 });
    expect(['queued', 'running', 'succeeded']).toContain(retried.body.state);
    const key = apiKey(await createIntegrationKey(api, tenant.coordinatorToken, tenant.universityId));
    // The restored row reads 'failed' until the job runs, so wait for the job before the import.
    const done = await waitFor(async () => {
      const res = await api.http.get(`/api/v1/admin/jobs/${jobId}`).set(admin).expect(200);
      return ['succeeded', 'failed'].includes(res.body.state) ? res : null;
    });
    expect(done.body).toMatchObject({ state: 'succeeded', attempts: 1, lastError: null });
    await expect(waitForImport(api.http, importId, key)).resolves.toMatchObject({ status: 'completed', created: 2 });
    const [audit] = await db.query(
      `SELECT actor_kind, data FROM audit_events WHERE resource_type = 'job' AND resource_id = $1 AND action = 'retried'`,
      [jobId],
    );
    expect(audit).toMatchObject({
      actor_kind: 'user',
      data: { from: 'failed', attempts: 1, reason: 'the import row was restored' },
    });

    // A succeeded job is not retried.
    const again = await api.http.post(`/api/v1/admin/jobs/${jobId}/retry`).set(admin).send({}).expect(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.body).toMatchObject({ type: expect.stringContaining('job-not-retryable'), state: 'succeeded' });
  });

  it('shows stuck work (handed over long ago, never started) and moves it on a retry', async () => {
    await worker?.close();
    worker = null;
    const { jobId } = await orphanImportJob(`dispatched_at = now() - interval '1 hour', dispatch_count = 1`);
    const fresh = await orphanImportJob(`dispatched_at = now(), dispatch_count = 1`);
    const stuck = await api.http.get('/api/v1/admin/jobs?stuck=true').set(admin).expect(200);
    const ids = stuck.body.data.map((j: { id: string }) => j.id);
    expect(ids).toContain(jobId);
    expect(ids).not.toContain(fresh.jobId);
    await api.http.post(`/api/v1/admin/jobs/${fresh.jobId}/retry`).set(admin).expect(409);

    const metrics = await api.http.get('/api/v1/admin/jobs/metrics').set(admin).expect(200);
    const imports = metrics.body.kinds.find((k: { kind: string }) => k.kind === JOBS.studentImport);
    expect(imports).toMatchObject({ queue: QUEUES.imports, stuck: 1, queued: expect.any(Number) });
    expect(imports.lastHour).toEqual(expect.objectContaining({ succeeded: expect.any(Number), failed: expect.any(Number) }));

    const retried = await api.http.post(`/api/v1/admin/jobs/${jobId}/retry`).set(admin).expect(200);
    expect(retried.body).toMatchObject({ state: 'queued', dispatchedAt: null });
    await ensureWorker();
    await waitFor(async () => {
      const res = await api.http.get(`/api/v1/admin/jobs/${jobId}`).set(admin).expect(200);
      return res.body.state === 'failed' && res.body.dispatchCount === 2; // ran again (and its import is still missing)
    });
  });

  it('answers bad input and unknown jobs with problem+json', async () => {
    const state = await api.http.get('/api/v1/admin/jobs?state=stuck').set(admin).expect(422);
    expect(state.body.errors).toEqual([expect.objectContaining({ field: 'state' })]);
    await api.http.get('/api/v1/admin/jobs?stuck=maybe').set(admin).expect(422);
    await api.http.get('/api/v1/admin/jobs/not-a-uuid').set(admin).expect(400);
    const missing = await api.http.get(`/api/v1/admin/jobs/${newId()}`).set(admin).expect(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    await api.http.post(`/api/v1/admin/jobs/${newId()}/retry`).set(admin).send({}).expect(404);
  });

  it('is for admins only', async () => {
    const tenant = await createTenant(api);
    const key = apiKey(await createIntegrationKey(api, tenant.coordinatorToken, tenant.universityId));
    for (const path of ['/api/v1/admin/queues', '/api/v1/admin/jobs', '/api/v1/admin/jobs/metrics']) {
      await api.http.get(path).set(bearer(tenant.coordinatorToken)).expect(403);
      await api.http.get(path).set(key).expect(403);
      await api.http.get(path).expect(401);
    }
    await api.http.post(`/api/v1/admin/jobs/${newId()}/retry`).set(bearer(tenant.coordinatorToken)).send({}).expect(403);
  });
});
