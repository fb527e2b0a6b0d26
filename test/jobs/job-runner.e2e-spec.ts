import {
  bullJobId,
  ClaimedJob,
  JobHandler,
  JobHandlerFor,
  JOB_OPTIONS,
  JobsService,
  newId,
  PermanentJobError,
} from '@app/common';
import { Injectable, Module } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CoreModule } from '../../src/core.module';
import { JobsWorkerModule } from '../../src/jobs/jobs-worker.module';
import { uniq } from '../helpers/api';
import { waitFor, withEnv } from '../helpers/worker';

const QUEUE = 'runner-test';

/** What each test job should do, by its payload's `mode`; hooks leave a trace in the same transaction. */
@Injectable()
@JobHandlerFor({ queue: QUEUE, kinds: ['probe'], concurrency: 4 })
class ProbeHandler implements JobHandler {
  readonly release = new Map<string, () => void>();

  async run(job: ClaimedJob) {
    const { mode, failures = 0 } = job.payload as { mode: string; failures?: number };
    if (mode === 'flaky' && job.attempts <= failures) throw new Error(`flaky run ${job.attempts}`);
    if (mode === 'broken') throw new TypeError('broken for good');
    if (mode === 'impossible') throw new PermanentJobError('nothing to do this for');
    if (mode === 'outage') throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    if (mode === 'slow') await new Promise<void>((resolve) => this.release.set(job.id, resolve));
    return { done: mode };
  }

  async onFailed(manager: EntityManager, job: ClaimedJob, reason: string) {
    await this.trace(manager, job, 'failed', reason);
  }

  async onRetryScheduled(manager: EntityManager, job: ClaimedJob, reason: string) {
    await this.trace(manager, job, 'retry', reason);
  }

  private trace(manager: EntityManager, job: ClaimedJob, action: string, reason: string) {
    return manager.query(
      `INSERT INTO audit_events (id, resource_type, resource_id, action, actor_kind, data)
       VALUES ($1, 'probe', $2, $3, 'system', $4)`,
      [newId(), job.id, action, { reason, attempt: job.attempts }],
    );
  }
}

@Module({ providers: [ProbeHandler] })
class ProbeModule {}

@Module({ imports: [CoreModule.forProcess('worker'), JobsWorkerModule, ProbeModule] })
class ProbeWorkerModule {}

/** The runner with its retry policy, hooks and lease fencing, through the real dispatcher and BullMQ. */
describe('job runner', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let probe: ProbeHandler;

  beforeAll(async () => {
    app = await withEnv(
      {
        DATABASE_URL: process.env.DATABASE_URL!,
        QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}:runner-${uniq()}`,
        JOB_RETRY_BASE_SECONDS: '0.05',
        JOB_RETRY_MAX_SECONDS: '0.2',
        JOB_MAX_ATTEMPTS: '3',
        JOB_LEASE_SECONDS: '30',
      },
      async () => {
        const context = await NestFactory.createApplicationContext(ProbeWorkerModule, { logger: false });
        await context.init();
        return context;
      },
    );
    db = app.get(DataSource);
    probe = app.get(ProbeHandler);
  });

  afterAll(async () => {
    for (const release of probe?.release.values() ?? []) release();
    await app?.close();
  });

  const keys = new Map<string, string>();
  async function enqueue(payload: Record<string, unknown>): Promise<string> {
    const key = `probe-${uniq()}`;
    await db.transaction((manager) =>
      app.get(JobsService).enqueue(manager, { queue: QUEUE, kind: 'probe', key, subject: { type: 'probe', id: newId() }, payload }),
    );
    const [{ id }] = await db.query('SELECT id FROM jobs WHERE key = $1', [key]);
    keys.set(id, key);
    return id;
  }

  const job = async (id: string) =>
    (await db.query('SELECT state, attempts, last_error, next_attempt_at, finished_at, lease_owner FROM jobs WHERE id = $1', [id]))[0];
  const traces = (id: string) =>
    db.query(`SELECT action, data FROM audit_events WHERE resource_type = 'probe' AND resource_id = $1 ORDER BY occurred_at, id`, [id]);

  it('retries an unexplained error with backoff and succeeds on a later run', async () => {
    const id = await enqueue({ mode: 'flaky', failures: 2 });
    const done = await waitFor(async () => ((await job(id)).state === 'succeeded' ? job(id) : null));
    expect(done).toMatchObject({ attempts: 3, last_error: null, lease_owner: null, finished_at: expect.any(Date) });
    expect((await traces(id)).map((t: { action: string }) => t.action)).toEqual(['retry', 'retry']);
  });

  it('fails a job whose unexplained error outlasts its attempts, and tells its subject once', async () => {
    const id = await enqueue({ mode: 'broken' });
    const failed = await waitFor(async () => ((await job(id)).state === 'failed' ? job(id) : null));
    expect(failed).toMatchObject({ attempts: 3, last_error: 'TypeError: broken for good' });
    expect((await traces(id)).map((t: { action: string }) => t.action)).toEqual(['retry', 'retry', 'failed']);
  });

  it('fails an impossible job at once', async () => {
    const id = await enqueue({ mode: 'impossible' });
    const failed = await waitFor(async () => ((await job(id)).state === 'failed' ? job(id) : null));
    expect(failed).toMatchObject({ attempts: 1, last_error: 'PermanentJobError: nothing to do this for' });
  });

  it('never fails a job because a dependency is down, past any number of attempts', async () => {
    const id = await enqueue({ mode: 'outage' });
    const waiting = await waitFor(async () => {
      const row = await job(id);
      return row.attempts >= 6 ? row : null;
    });
    expect(waiting.state).not.toBe('failed');
    expect((await traces(id)).some((t: { action: string }) => t.action === 'failed')).toBe(false);
    await db.query(`UPDATE jobs SET state = 'failed', lease_owner = NULL, lease_expires_at = NULL WHERE id = $1`, [id]);
  });

  it('a run whose lease was taken over cannot record its outcome', async () => {
    const id = await enqueue({ mode: 'slow' });
    await waitFor(() => probe.release.has(id));
    // Presumed dead: another run claimed the job meanwhile (a later attempt holds the lease).
    await db.query(`UPDATE jobs SET attempts = attempts + 1, lease_owner = 'another-worker/run' WHERE id = $1`, [id]);
    probe.release.get(id)!();
    const { prefix, connection } = app.get<{ prefix: string; connection: object }>(JOB_OPTIONS);
    const queue = new Queue(QUEUE, { prefix, connection });
    try {
      const outcome = await waitFor(async () => {
        const carrier = await Job.fromId(queue, bullJobId(keys.get(id)!, 1));
        return (await carrier?.isCompleted()) ? carrier!.returnvalue : null;
      });
      expect(outcome).toMatchObject({ outcome: 'superseded', done: 'slow' });
    } finally {
      await queue.close();
    }
    expect(await job(id)).toMatchObject({ state: 'running', attempts: 2, lease_owner: 'another-worker/run' });
  });
});
