import { Queue } from 'bullmq';
import Redis, { type RedisOptions } from 'ioredis';
import { withTimeout } from '../redis/queue-lifecycle';

/** How long closing waits for the queues to finish what they were sending. */
const CLOSE_GRACE_MS = 1_000;

/**
 * BullMQ queue handles opened on first use, all on one Redis connection this class owns. They
 * fail fast while Redis is away instead of buffering commands: PostgreSQL holds the work
 * meanwhile, so there is nothing to buffer.
 *
 * The connection is ours, not BullMQ's, so that closing can always cut it: a queue that owns
 * its connection closes with QUIT, which never returns when the connection was left half-open
 * by an outage (the process then cannot stop).
 */
export class JobQueues {
  private readonly queues = new Map<string, Queue>();
  private client: Redis | null = null;

  constructor(
    private readonly connection: RedisOptions,
    private readonly prefix: string,
    /** A command Redis does not answer gives up after this long. */
    private readonly commandTimeoutMs = 5_000,
  ) {}

  get(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { prefix: this.prefix, connection: this.redis() });
      queue.on('error', () => undefined); // surfaced by the calls that fail; avoids log floods
      this.queues.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.all(
      queues.map((queue) =>
        withTimeout(queue.close(), CLOSE_GRACE_MS, 'close timed out').catch(() => undefined),
      ),
    );
    this.client?.disconnect();
    this.client = null;
  }

  private redis(): Redis {
    if (!this.client) {
      this.client = new Redis({
        ...this.connection,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: this.commandTimeoutMs,
      });
      this.client.on('error', () => undefined); // as above
    }
    return this.client;
  }
}
