import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { DataSource } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

export interface OutboxRelayOptions {
  connection: RedisOptions;
  prefix: string;
  pollIntervalMs: number;
  batchSize: number;
  defaultJobOptions: JobsOptions;
}

/**
 * Moves outbox rows to BullMQ. Several relays (one per worker) can run at once: each batch is
 * claimed with FOR UPDATE SKIP LOCKED, and the BullMQ job id is the row's jobId, so a row
 * re-sent after a crash between `add` and commit collapses into the job already queued.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues = new Map<string, Queue>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(OUTBOX_RELAY_OPTIONS) private readonly options: OutboxRelayOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }

  /** One pass; returns how many rows were relayed. Public so tests and tools can drive it. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .createQueryBuilder(OutboxMessage, 'o')
        .where('o.sent_at IS NULL')
        .orderBy('o.id', 'ASC')
        .limit(this.options.batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) return 0;
      const byQueue = new Map<string, OutboxMessage[]>();
      for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
      for (const [queueName, messages] of byQueue) {
        await this.queue(queueName).addBulk(
          messages.map((m) => ({
            name: m.jobName,
            data: m.payload,
            opts: { ...this.options.defaultJobOptions, jobId: m.jobId },
          })),
        );
      }
      await manager
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ sentAt: () => 'now()', attempts: () => 'attempts + 1', lastError: null })
        .whereInIds(rows.map((r) => r.id))
        .execute();
      return rows.length;
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = null));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let delay = this.options.pollIntervalMs;
    try {
      const relayed = await this.relayOnce();
      if (this.failures > 0) this.logger.log('Outbox relay recovered');
      this.failures = 0;
      if (relayed === this.options.batchSize) delay = 0; // more waiting: keep draining
    } catch (error) {
      this.failures += 1;
      // Back off up to 10 s while Redis or PostgreSQL is away; rows stay unsent meanwhile.
      delay = Math.min(10_000, this.options.pollIntervalMs * 2 ** Math.min(this.failures, 6));
      if (this.failures === 1 || this.failures % 20 === 0) {
        this.logger.warn(`Outbox relay failed (${this.failures}x): ${(error as Error).message}`);
      }
    }
    this.schedule(delay);
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        prefix: this.options.prefix,
        // Fail fast while Redis is down instead of buffering: the outbox is our buffer.
        connection: { ...this.options.connection, enableOfflineQueue: false, maxRetriesPerRequest: 1 },
      });
      queue.on('error', () => undefined); // connection errors surface through add(); avoid log floods
      this.queues.set(name, queue);
    }
    return queue;
  }
}
