import { JobQueues, redisOptionsFromUrl } from '@app/common';
import { TcpProxy } from '../helpers/tcp-proxy';

/**
 * A process must be able to stop after Redis hung: queue handles whose connection was left
 * half-open by a stalled Redis still close (before, QUIT waited for an answer that never came
 * and the API or worker could not shut down). The Jest timeout is the hang detector.
 */
describe('closing the job queues after Redis hung', () => {
  const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const proxy = new TcpProxy(Number(redisUrl.port || 6379), redisUrl.hostname);

  beforeEach(() => proxy.start(0));
  afterEach(() => proxy.stop());

  it('closes while Redis is stalled, with a command in flight', async () => {
    const queues = new JobQueues(
      redisOptionsFromUrl(proxy.url),
      `${process.env.QUEUE_PREFIX}:hung`,
      500,
    );
    expect(await queues.get('probe').getJobCounts('waiting')).toMatchObject({ waiting: 0 });
    proxy.stall();
    const inFlight = queues.get('probe').getJobCounts('waiting');
    await expect(inFlight).rejects.toThrow(/timed out/i);
    await queues.close();
  }, 10_000);

  it('closes once Redis is back after hanging', async () => {
    const queues = new JobQueues(
      redisOptionsFromUrl(proxy.url),
      `${process.env.QUEUE_PREFIX}:back`,
      500,
    );
    expect(await queues.get('probe').getJobCounts('waiting')).toMatchObject({ waiting: 0 });
    proxy.stall();
    await expect(queues.get('probe').getJobCounts('waiting')).rejects.toThrow(/timed out/i);
    await proxy.stop();
    await proxy.start();
    await queues.close();
  }, 10_000);
});
