import { bullJobId, JobDispatcher, JobOptions, newId, redisOptionsFromUrl } from '@app/common';
import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/config/data-source';
import { uniq } from '../helpers/api';
import { waitFor } from '../helpers/worker';

/** The dispatcher on its own against the real PostgreSQL and Redis, on a database of its own. */
describe('job dispatcher (PostgreSQL → BullMQ)', () => {
  let dataSource: DataSource;
  let queue: Queue;
  const dispatchers: JobDispatcher[] = [];
  const queueName = `dispatch-test-${uniq()}`;
  const connection = redisOptionsFromUrl(process.env.REDIS_URL!);
  const prefix = `${process.env.QUEUE_PREFIX}-dispatch`;

  function dispatcher(overrides: Partial<JobOptions> = {}): JobDispatcher {
    const made = new JobDispatcher(dataSource, {
      connection,
      prefix,
      pollIntervalMs: 60_000,
      batchSize: 50,
      leaseMs: 30_000,
      redriveAfterMs: 300_000,
      reconcileIntervalMs: 30_000,
      maxAttempts: 20,
      retry: { baseDelayMs: 10_000, maxDelayMs: 3_600_000 },
      handoverAttempts: 1,
      handoverBackoffMs: 1000,
      ...overrides,
    });
    dispatchers.push(made);
    return made;
  }

  beforeAll(async () => {
    Logger.overrideLogger(false); // the refused row is logged as an error on purpose
    dataSource = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!)).initialize();
    queue = new Queue(queueName, { connection, prefix });
  });

  // A dispatcher left listening would take the next test's rows on their commit notification
  // (FOR UPDATE SKIP LOCKED), so the test's own pass finds them locked: stop each after its test.
  afterEach(async () => {
    for (const d of dispatchers.splice(0)) await d.onApplicationShutdown();
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    await dataSource.destroy();
  });

  async function insert(key: string, nextAttemptAt = 'now()'): Promise<string> {
    const id = newId();
    await dataSource.query(
      `INSERT INTO jobs (id, queue, kind, key, subject_type, subject_id, payload, state, next_attempt_at)
       VALUES ($1, $2, 'test', $3, 'test', $1, '{"n":1}', 'queued', ${nextAttemptAt})`,
      [id, queueName, key],
    );
    return id;
  }

  const row = async (id: string) =>
    (await dataSource.query('SELECT dispatched_at, dispatch_count, next_attempt_at, last_error FROM jobs WHERE id = $1', [id]))[0];

  it('hands each due row over once, under a BullMQ id naming the row and its hand-over', async () => {
    const key = `job-${uniq()}`;
    const id = await insert(key);
    const later = await insert(`later-${uniq()}`, `now() + interval '1 hour'`);
    const d = dispatcher();
    while ((await d.dispatchOnce()) > 0);
    expect(await row(id)).toMatchObject({ dispatch_count: 1, dispatched_at: expect.any(Date) });
    expect(await row(later)).toMatchObject({ dispatch_count: 0, dispatched_at: null });
    const job = await queue.getJob(bullJobId(key, 1));
    expect(job?.data).toEqual({ jobId: id });
    expect(job?.name).toBe('test');
    await expect(d.dispatchOnce()).resolves.toBe(0);
  });

  it('a hand-over repeated after a crash before its commit collapses into the job already queued', async () => {
    const key = `job-${uniq()}`;
    const id = await insert(key);
    const d = dispatcher();
    await d.dispatchOnce();
    // As if the commit that stamped the hand-over had been lost: the row looks never handed over.
    await dataSource.query(
      'UPDATE jobs SET dispatched_at = NULL, dispatch_count = dispatch_count - 1 WHERE id = $1',
      [id],
    );
    await d.dispatchOnce();
    const jobs = (await queue.getJobs(['waiting'])).filter((j) => j.data.jobId === id);
    expect(jobs.map((j) => j.id)).toEqual([bullJobId(key, 1)]);
  });

  it('sets a row Redis refuses aside for a while, without blocking the rows after it', async () => {
    const poison = await insert('bad:id'); // BullMQ refuses a custom id with a single ':'
    const good = await insert(`job-${uniq()}`);
    await dispatcher().dispatchOnce();
    expect((await row(good)).dispatched_at).not.toBeNull();
    const refused = await row(poison);
    expect(refused).toMatchObject({ dispatched_at: null, dispatch_count: 0 });
    expect(refused.last_error).toMatch(/Redis refused the hand-over/);
    expect(refused.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 30_000);
    await dataSource.query('DELETE FROM jobs WHERE id = $1', [poison]);
  });

  it('wakes on the commit that makes a row due (LISTEN/NOTIFY), not on its poll', async () => {
    const d = dispatcher({ pollIntervalMs: 60_000 });
    await d.listen();
    // The catch-up pass after LISTEN has run; the next poll is a minute away.
    await waitFor(() => d.state.passes >= 1 && d.state.waitingForPoll);
    const passes = d.state.passes;
    const key = `job-${uniq()}`;
    const id = await insert(key);
    await waitFor(() => queue.getJob(bullJobId(key, 1)), 10_000);
    expect((await row(id)).dispatch_count).toBe(1);
    expect(d.state.passes).toBeGreaterThan(passes);

    // A row made due again (a re-drive, an admin's retry) wakes it too.
    await dataSource.query(
      `UPDATE jobs SET dispatched_at = NULL, next_attempt_at = now() WHERE id = $1`,
      [id],
    );
    await waitFor(() => queue.getJob(bullJobId(key, 2)), 10_000);
  });
});
