import { failFastRedisOptions, FailoverThrottlerStorage } from '@app/common';
import { uniq } from '../helpers/api';
import { TcpProxy } from '../helpers/tcp-proxy';
import { waitFor } from '../helpers/worker';

/**
 * Rate-limit counters of two API replicas (two storages) through one Redis the test can cut:
 * shared while Redis answers, counted per replica with the same limit while it does not, and
 * shared again once it is back. A call never waits on Redis.
 */
describe('rate limits while Redis is unreachable', () => {
  const redisUrl = new URL(process.env.REDIS_URL as string);
  const proxy = new TcpProxy(Number(redisUrl.port || 6379), redisUrl.hostname);
  const LIMIT = 3;
  const MINUTE = 60_000;
  let replicaA: FailoverThrottlerStorage;
  let replicaB: FailoverThrottlerStorage;

  beforeAll(async () => {
    await proxy.start(0);
    const options = {
      ...failFastRedisOptions(proxy.url),
      keyPrefix: `${process.env.QUEUE_PREFIX}:rl-${uniq()}:`,
    };
    replicaA = new FailoverThrottlerStorage(options);
    replicaB = new FailoverThrottlerStorage(options);
    await waitFor(
      async () => (await hit(replicaA, `warm-up-${uniq()}`)) && !replicaA.usingLocalCounters,
    );
    await waitFor(
      async () => (await hit(replicaB, `warm-up-${uniq()}`)) && !replicaB.usingLocalCounters,
    );
  });

  afterAll(async () => {
    replicaA?.onModuleDestroy();
    replicaB?.onModuleDestroy();
    await proxy.stop();
  });

  /** One request's hit; rejects when the storage left the caller hanging (a hang detector). */
  async function hit(storage: FailoverThrottlerStorage, key: string) {
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the rate limit waited on Redis')), 4_000);
    });
    try {
      return await Promise.race([storage.increment(key, MINUTE, LIMIT, MINUTE, 'default'), hang]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function blockedAfter(storage: FailoverThrottlerStorage, key: string): Promise<number> {
    for (let n = 1; n <= LIMIT + 2; n++) if ((await hit(storage, key)).isBlocked) return n;
    return Infinity;
  }

  /** Redis answering through the proxy, whatever the test before left (tests run in a random order). */
  async function redisBack(): Promise<void> {
    await proxy.stop();
    await proxy.start();
    for (const replica of [replicaA, replicaB]) {
      await waitFor(
        async () => (await hit(replica, `probe-${uniq()}`)) && !replica.usingLocalCounters,
        20_000,
        100,
      );
    }
  }

  it('counts in Redis across replicas while Redis answers', async () => {
    await redisBack();
    const key = `client-${uniq()}`;
    expect((await hit(replicaA, key)).isBlocked).toBe(false);
    expect((await hit(replicaB, key)).isBlocked).toBe(false);
    expect((await hit(replicaA, key)).isBlocked).toBe(false);
    const fourth = await hit(replicaB, key);
    expect(fourth).toMatchObject({ isBlocked: true, totalHits: LIMIT + 1 });
    expect(replicaA.usingLocalCounters || replicaB.usingLocalCounters).toBe(false);
  });

  it('keeps the limit in each replica while Redis refuses connections', async () => {
    await proxy.stop();
    const key = `client-${uniq()}`;
    expect(await blockedAfter(replicaA, key)).toBe(LIMIT + 1);
    expect(await blockedAfter(replicaB, key)).toBe(LIMIT + 1);
    expect(replicaA.usingLocalCounters && replicaB.usingLocalCounters).toBe(true);
  });

  it('shares the counts again once Redis is back', async () => {
    await proxy.stop();
    await hit(replicaA, `probe-${uniq()}`); // both count locally now
    await hit(replicaB, `probe-${uniq()}`);
    await redisBack();
    const key = `client-${uniq()}`;
    await hit(replicaA, key);
    await hit(replicaA, key);
    expect(await blockedAfter(replicaB, key)).toBe(LIMIT - 1);
  });

  it('keeps the limit, without waiting, while Redis accepts but never answers', async () => {
    proxy.stall();
    const key = `client-${uniq()}`;
    expect(await blockedAfter(replicaA, key)).toBe(LIMIT + 1);
    expect(replicaA.usingLocalCounters).toBe(true);
  });
});
