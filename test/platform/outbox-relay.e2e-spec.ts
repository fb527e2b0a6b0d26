import { newId, OUTBOX_MAX_ATTEMPTS, OutboxRelay, redisOptionsFromUrl } from '@app/common';
import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { migrate } from '../../src/cli/migrate';
import { dataSourceOptions } from '../../src/config/data-source';
import { uniq } from '../helpers/api';

/**
 * The relay on its own against the real PostgreSQL and Redis, on a database of its own: in the
 * shared test database other test files' workers relay (and would take) these rows too.
 */
describe('outbox relay', () => {
  let databaseUrl: string;
  let dataSource: DataSource;
  let relay: OutboxRelay;
  let queue: Queue;
  const queueName = `relay-test-${uniq()}`;
  const connection = redisOptionsFromUrl(process.env.REDIS_URL!);
  const prefix = `${process.env.QUEUE_PREFIX}-relay`;

  beforeAll(async () => {
    Logger.overrideLogger(false); // the parked row is logged as an error on purpose
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/dualroute_test_relay_${process.pid}_${Date.now().toString(36)}`;
    databaseUrl = url.toString();
    await migrate(databaseUrl);
    dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
    relay = new OutboxRelay(dataSource, {
      connection,
      prefix,
      pollIntervalMs: 60_000,
      batchSize: 50,
      defaultJobOptions: {},
    });
    queue = new Queue(queueName, { connection, prefix });
  });
  afterAll(async () => {
    await relay.onApplicationShutdown();
    await queue.obliterate({ force: true });
    await queue.close();
    await dataSource.destroy();
    const admin = new Client({ connectionString: databaseUrl.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  });

  async function insert(jobId: string): Promise<string> {
    const id = newId();
    await dataSource.query(
      `INSERT INTO outbox (id, queue, job_name, job_id, payload) VALUES ($1, $2, 'test', $3, '{"n":1}')`,
      [id, queueName, jobId],
    );
    return id;
  }

  it('sends each row once and collapses duplicates by job id', async () => {
    const jobId = `job-${uniq()}`;
    const first = await insert(jobId);
    const second = await insert(jobId);
    while ((await relay.relayOnce()) > 0);
    const rows = await dataSource.query('SELECT sent_at FROM outbox WHERE id = ANY($1)', [[first, second]]);
    expect(rows.every((r: { sent_at: Date | null }) => r.sent_at !== null)).toBe(true);
    expect(await queue.getJobCountByTypes('waiting')).toBe(1);
    expect((await queue.getJob(jobId))?.data).toEqual({ n: 1 });
  });

  it('parks a row Redis refuses without blocking the rows after it', async () => {
    const poison = await insert('bad:id'); // BullMQ refuses a custom id with a single ':'
    const good = await insert(`job-${uniq()}`);
    await relay.relayOnce();
    const [goodRow] = await dataSource.query('SELECT sent_at FROM outbox WHERE id = $1', [good]);
    expect(goodRow.sent_at).not.toBeNull();
    let [poisonRow] = await dataSource.query('SELECT sent_at, attempts, last_error FROM outbox WHERE id = $1', [poison]);
    expect(poisonRow).toMatchObject({ sent_at: null, attempts: 1 });
    expect(poisonRow.last_error).toEqual(expect.any(String));
    for (let i = 1; i < OUTBOX_MAX_ATTEMPTS + 2; i++) await relay.relayOnce();
    [poisonRow] = await dataSource.query('SELECT sent_at, attempts FROM outbox WHERE id = $1', [poison]);
    expect(poisonRow).toMatchObject({ sent_at: null, attempts: OUTBOX_MAX_ATTEMPTS });
  });
});
