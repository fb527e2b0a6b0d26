import { DomainError } from '@app/common';
import { ConfigType } from '@nestjs/config';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { appConfig } from '../config/app-config';
import { QueueMonitorService } from './queue-monitor.service';

/** A local port nobody listens on: connections to it are refused at once. */
async function refusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('QueueMonitorService', () => {
  // The hang detector is the test's own timeout, not a measured duration (the machine may be
  // slow): the service gives up on Redis after its own 3 s and answers 503.
  it('answers 503 instead of hanging while Redis is unreachable', async () => {
    const config = {
      redisUrl: `redis://127.0.0.1:${await refusedPort()}`,
      queuePrefix: 'unit-monitor',
    };
    const monitor = new QueueMonitorService(config as ConfigType<typeof appConfig>);
    try {
      const error = await monitor.snapshot().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ status: 503, type: 'queues-unavailable' });
    } finally {
      await monitor.onApplicationShutdown();
    }
  }, 20_000);
});
