import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { isConnectionError, withTimeout } from '../redis/queue-lifecycle';
import { describeFailure } from './job-failures';
import { bullJobId, JOB_OPTIONS, JobOptions, JOBS_CHANNEL } from './job-options';
import { JobQueues } from './job-queues';

const REDIS_TIMEOUT_MS = 5_000;
/** A row Redis refuses while reachable (too large, out of memory) waits this long before the next try. */
const REFUSED_DELAY_MS = 60_000;

interface DueRow {
  id: string;
  queue: string;
  kind: string;
  key: string;
  dispatch_count: number;
}

/**
 * Hands due job rows to BullMQ. A commit that makes a row due wakes it through LISTEN/NOTIFY (a
 * trigger on `jobs`), so a job starts milliseconds after the transaction that asked for it;
 * polling stays as the fallback for lost notifications and for retries that come due later.
 * Several dispatchers (one per worker) can run at once: each batch is claimed with FOR UPDATE
 * SKIP LOCKED. A crash between the hand-over and the commit re-sends a row under the same BullMQ
 * id, which BullMQ collapses. While Redis is away rows simply wait.
 */
@Injectable()
export class JobDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobDispatcher.name);
  private readonly queues: JobQueues;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private wakeAgain = false;
  private stopped = false;
  private failures = 0;
  private listener: Client | null = null;
  private listenerRetry: NodeJS.Timeout | null = null;
  private scheduledDelay: number | null = null;
  private passes = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(JOB_OPTIONS) private readonly options: JobOptions,
  ) {
    this.queues = new JobQueues(options.connection, options.prefix);
  }

  onApplicationBootstrap(): void {
    void this.listen();
    this.schedule(0);
  }

  /** Passes done, consecutive failed ones, and whether the next waits for the poll (for tests and health). */
  get state(): { passes: number; failures: number; waitingForPoll: boolean } {
    return {
      passes: this.passes,
      failures: this.failures,
      waitingForPoll:
        !this.running && !this.wakeAgain && this.scheduledDelay === this.options.pollIntervalMs,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.listenerRetry) clearTimeout(this.listenerRetry);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.running;
    await this.queues.close();
  }

  /** One pass; returns how many rows were handed over. Public so tests and tools can drive it. */
  async dispatchOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: DueRow[] = await manager.query(
        `SELECT id, queue, kind, key, dispatch_count FROM jobs
          WHERE state = 'queued' AND dispatched_at IS NULL AND next_attempt_at <= now()
          ORDER BY next_attempt_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize],
      );
      if (rows.length === 0) return 0;
      const byQueue = new Map<string, DueRow[]>();
      for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
      const sent: string[] = [];
      for (const [queue, batch] of byQueue) {
        try {
          await this.handOver(queue, batch);
          sent.push(...batch.map((row) => row.id));
        } catch (error) {
          if (isConnectionError(error)) throw error; // Redis is away: every row waits
          sent.push(...(await this.handOverOneByOne(manager, queue, batch)));
        }
      }
      if (sent.length) {
        await manager.query(
          `UPDATE jobs SET dispatched_at = now(), dispatch_count = dispatch_count + 1, updated_at = now()
            WHERE id = ANY($1)`,
          [sent],
        );
      }
      return sent.length;
    });
  }

  /** Ask for a pass as soon as possible (a notification came, or a caller knows rows are due). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeAgain = true;
      return;
    }
    this.schedule(0);
  }

  private handOver(queue: string, rows: DueRow[]): Promise<unknown> {
    return withTimeout(
      this.queues.get(queue).addBulk(
        rows.map((row) => ({
          name: row.kind,
          data: { jobId: row.id },
          opts: {
            jobId: bullJobId(row.key, row.dispatch_count + 1),
            attempts: this.options.handoverAttempts,
            backoff: { type: 'exponential', delay: this.options.handoverBackoffMs },
            removeOnComplete: { age: 3600, count: 1000 },
            removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
          },
        })),
      ),
      REDIS_TIMEOUT_MS,
      'Redis timed out: the jobs were not accepted',
    );
  }

  /** Isolates the rows Redis refuses (they wait and say why); returns the ids that went through. */
  private async handOverOneByOne(
    manager: EntityManager,
    queue: string,
    rows: DueRow[],
  ): Promise<string[]> {
    const sent: string[] = [];
    for (const row of rows) {
      try {
        await this.handOver(queue, [row]);
        sent.push(row.id);
      } catch (error) {
        if (isConnectionError(error)) throw error;
        await manager.query(
          `UPDATE jobs SET next_attempt_at = now() + $2 * interval '1 millisecond', last_error = $3, updated_at = now()
            WHERE id = $1`,
          [row.id, REFUSED_DELAY_MS, `Redis refused the hand-over: ${describeFailure(error)}`],
        );
        this.logger.error(
          `Job ${row.id} (${row.kind}) refused by Redis: ${(error as Error).message}`,
        );
      }
    }
    return sent;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.scheduledDelay = delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.scheduledDelay = null;
      this.running = this.tick().finally(() => {
        this.passes += 1;
        this.running = null;
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.schedule(0);
        }
      });
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let delay = this.options.pollIntervalMs;
    try {
      const sent = await this.dispatchOnce();
      if (this.failures > 0) this.logger.log('Job dispatcher recovered');
      this.failures = 0;
      if (sent === this.options.batchSize) delay = 0; // more are due: keep draining
    } catch (error) {
      this.failures += 1;
      // Back off up to 10 s while Redis or PostgreSQL is away; rows wait in PostgreSQL meanwhile.
      delay = Math.min(10_000, this.options.pollIntervalMs * 2 ** Math.min(this.failures, 6));
      if (this.failures === 1 || this.failures % 20 === 0) {
        this.logger.warn(`Job dispatcher failed (${this.failures}x): ${(error as Error).message}`);
      }
    }
    if (!this.wakeAgain) this.schedule(delay);
  }

  /**
   * A connection of its own that LISTENs; reconnects with a growing pause after it is lost.
   * Resolves once it listens (or failed this time).
   */
  async listen(attempt = 0): Promise<void> {
    if (this.stopped) return;
    const { url } = this.dataSource.options as PostgresConnectionOptions;
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    const retry = () => {
      if (this.stopped || this.listener !== client) return;
      this.listener = null;
      client.end().catch(() => undefined);
      this.listenerRetry = setTimeout(
        () => void this.listen(attempt + 1),
        Math.min(10_000, 250 * 2 ** attempt),
      );
    };
    this.listener = client;
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query(`LISTEN ${JOBS_CHANNEL}`);
      attempt = 0;
      this.wake(); // anything committed while we were not listening
    } catch {
      retry();
    }
  }
}
