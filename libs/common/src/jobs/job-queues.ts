import { Queue } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { closeQueue } from '../redis/queue-lifecycle';

/**
 * BullMQ queue handles opened on first use. They fail fast while Redis is away instead of
 * buffering commands: PostgreSQL holds the work meanwhile, so there is nothing to buffer.
 */
export class JobQueues {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly connection: RedisOptions,
    private readonly prefix: string,
  ) {}

  get(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        prefix: this.prefix,
        connection: { ...this.connection, enableOfflineQueue: false, maxRetriesPerRequest: 1 },
      });
      queue.on('error', () => undefined); // surfaced by the calls that fail; avoids log floods
      this.queues.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => closeQueue(queue)));
    this.queues.clear();
  }
}
