import { closeRedis, failFastRedisOptions } from '@app/common';
import { OnApplicationShutdown, Provider } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis from 'ioredis';
import { appConfig } from './app-config';

export const REDIS = Symbol('REDIS');

/** A shared client for health checks and small commands; BullMQ opens its own connections. */
export const redisProvider: Provider = {
  provide: REDIS,
  inject: [appConfig.KEY],
  useFactory: (config: ConfigType<typeof appConfig>) => {
    // Fail fast: a readiness probe or a small command never waits on an unreachable Redis. The
    // readiness probe times itself (shorter); the command timeout is the backstop.
    const client = new Redis({
      ...failFastRedisOptions(config.redisUrl, 2_000),
      lazyConnect: true,
    });
    client.on('error', () => undefined); // surfaced by health checks, not as log floods
    void client.connect().catch(() => undefined);
    return Object.assign(client, {
      onApplicationShutdown: () => closeRedis(client),
    }) as Redis & OnApplicationShutdown;
  },
};
