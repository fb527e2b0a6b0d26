import { redisOptionsFromUrl } from '@app/common';
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
    const client = new Redis({
      ...redisOptionsFromUrl(config.redisUrl),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    client.on('error', () => undefined); // surfaced by health checks, not as log floods
    void client.connect().catch(() => undefined);
    return Object.assign(client, {
      onApplicationShutdown: () => client.quit().catch(() => undefined),
    }) as Redis & OnApplicationShutdown;
  },
};
