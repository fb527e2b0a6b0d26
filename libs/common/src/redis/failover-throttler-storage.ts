import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import Redis, { type RedisOptions } from 'ioredis';

/** After a Redis command failed, how long requests count in the process before trying Redis again. */
const RETRY_REDIS_AFTER_MS = 2_000;

/**
 * Rate-limit counters in Redis, so a limit holds across API replicas; while Redis is unreachable,
 * counted in this process with the same limits instead.
 *
 * Why not fail open or closed: failing closed (503) would turn a Redis outage into a login and
 * signing outage although neither needs Redis; failing open would drop the brute-force limit
 * on login exactly when nobody watches it. Counting per process keeps every limit per replica,
 * so the worst case during an outage is the limit times the number of API replicas, and counts
 * start afresh in each process (a client already limited in Redis gets a new window). Once
 * Redis answers again the shared counters take over. Never waits on Redis: the client refuses
 * commands while disconnected and gives up on an unanswered one after its command timeout.
 */
export class FailoverThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger('RateLimits');
  private readonly redis: Redis;
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private skipRedisUntil = 0;
  private degraded = false;

  /** `options` should come from failFastRedisOptions (plus a keyPrefix). */
  constructor(options: RedisOptions) {
    this.redis = new Redis(options);
    // Connection errors surface as the fallback (logged once per outage), not as log floods.
    this.redis.on('error', () => undefined);
    this.shared = new ThrottlerStorageRedisService(this.redis);
  }

  /** Whether counts currently go to the process instead of Redis. */
  get usingLocalCounters(): boolean {
    return this.degraded;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): ReturnType<ThrottlerStorage['increment']> {
    if (this.redis.status !== 'ready') {
      this.fallBack(`Redis is not connected (${this.redis.status})`);
    } else if (Date.now() >= this.skipRedisUntil) {
      try {
        const record = await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
        if (this.degraded) {
          this.degraded = false;
          this.logger.log('Redis answers again: rate limits are counted in Redis, across replicas');
        }
        return record;
      } catch (error) {
        this.skipRedisUntil = Date.now() + RETRY_REDIS_AFTER_MS;
        this.fallBack((error as Error).message);
      }
    }
    return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  onModuleDestroy(): void {
    this.local.onApplicationShutdown();
    this.redis.disconnect(false);
  }

  private fallBack(reason: string): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(
      `Rate limits are counted in this process until Redis answers again (${reason}): each API replica applies the limits on its own`,
    );
  }
}
