import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { DataSource, EntityManager } from 'typeorm';
import { closeQueue, isConnectionError, withTimeout } from '../redis/queue-lifecycle';
import { OutboxMessage } from './outbox-message.entity';

/** A row that Redis refused this many times (while reachable) is parked for an operator. */
export const OUTBOX_MAX_ATTEMPTS = 10;
const REDIS_TIMEOUT_MS = 5_000;

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
 * While Redis is away nothing changes (rows wait); a row Redis refuses while reachable is
 * retried alone and, after OUTBOX_MAX_ATTEMPTS, parked with its error so it cannot block the rest.
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
    await Promise.all([...this.queues.values()].map((q) => closeQueue(q)));
  }

  /** One pass; returns how many rows were relayed. Public so tests and tools can drive it. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .createQueryBuilder(OutboxMessage, 'o')
        .where('o.sent_at IS NULL AND o.attempts < :max', { max: OUTBOX_MAX_ATTEMPTS })
        .orderBy('o.id', 'ASC')
        .limit(this.options.batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) return 0;
      const byQueue = new Map<string, OutboxMessage[]>();
      for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
      const sent: string[] = [];
      for (const [queueName, messages] of byQueue) {
        try {
          await this.add(queueName, messages);
          sent.push(...messages.map((m) => m.id));
        } catch (error) {
          if (isConnectionError(error)) throw error; // Redis is away: leave every row for later
          sent.push(...(await this.addOneByOne(manager, queueName, messages)));
        }
      }
      if (sent.length) {
        await manager
          .createQueryBuilder()
          .update(OutboxMessage)
          .set({ sentAt: () => 'now()', attempts: () => 'attempts + 1', lastError: null })
          .whereInIds(sent)
          .execute();
      }
      return sent.length;
    });
  }

  private add(queueName: string, messages: OutboxMessage[]): Promise<unknown> {
    return withTimeout(
      this.queue(queueName).addBulk(
        messages.map((m) => ({
          name: m.jobName,
          data: m.payload,
          opts: { ...this.options.defaultJobOptions, jobId: m.jobId },
        })),
      ),
      REDIS_TIMEOUT_MS,
      'Redis did not accept the jobs in time',
    );
  }

  /** Isolates the rows Redis refuses; returns the ids that went through. */
  private async addOneByOne(
    manager: EntityManager,
    queueName: string,
    messages: OutboxMessage[],
  ): Promise<string[]> {
    const sent: string[] = [];
    for (const message of messages) {
      try {
        await this.add(queueName, [message]);
        sent.push(message.id);
      } catch (error) {
        if (isConnectionError(error)) throw error;
        await manager.update(OutboxMessage, message.id, {
          attempts: () => 'attempts + 1',
          lastError: (error as Error).message.slice(0, 1000),
        });
        this.logger.error(`Outbox message ${message.id} (${message.jobName}) refused: ${(error as Error).message}`);
      }
    }
    return sent;
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
