import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '../config/redis.provider';

export type DependencyName = 'database' | 'redis';

export interface DependencyStatus {
  status: 'up' | 'down';
  /** Why it counts as down. */
  message?: string;
}

export interface Readiness {
  ready: boolean;
  details: Record<DependencyName, DependencyStatus>;
  /** The dependencies that are down, in a fixed order (empty when ready). */
  down: DependencyName[];
}

/** Each probe gets this long, and they run side by side: readiness answers within about 1 s. */
const PROBE_TIMEOUT_MS = 800;

/**
 * Whether PostgreSQL and Redis answer, for /health/ready of the API and of the worker. Both
 * probes are bounded: an unreachable dependency is reported down, never waited for.
 */
@Injectable()
export class DependencyHealth {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async check(): Promise<Readiness> {
    const [database, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1'), 'PostgreSQL'),
      probe(() => {
        // The client refuses commands while it reconnects; say so rather than "not writeable".
        if (this.redis.status !== 'ready')
          throw new Error(`Redis is not connected (${this.redis.status})`);
        return this.redis.ping();
      }, 'Redis'),
    ]);
    const details = { database, redis };
    const down = (Object.keys(details) as DependencyName[]).filter(
      (name) => details[name].status === 'down',
    );
    return { ready: down.length === 0, details, down };
  }
}

async function probe(call: () => Promise<unknown>, name: string): Promise<DependencyStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // The verdict waits one more turn of the event loop: after a stall (GC, a CPU-heavy request)
    // the timer fires first although the answer may already be waiting in the socket, and a
    // dependency that answered must not be reported down.
    timer = setTimeout(
      () =>
        setImmediate(() =>
          reject(new Error(`${name} did not answer within ${PROBE_TIMEOUT_MS} ms`)),
        ),
      PROBE_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([Promise.resolve().then(call), timeout]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', message: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
