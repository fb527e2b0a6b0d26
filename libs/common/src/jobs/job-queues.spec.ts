import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * A process that closed its queues must be free to exit, even when Redis is unreachable. The
 * check runs in a child process of its own (a Jest worker is full of timers): after closing, the
 * child arms an unref'd 1 s timer, which only ever fires when something else still holds the
 * process open; before the fix, ioredis's 2 s disconnect timer did.
 */
const CHILD = `
const net = require('node:net');
require(process.env.TS_NODE_ENTRY).register({ transpileOnly: true });
const { JobQueues } = require(process.env.LIB + '/jobs/job-queues');
const { redisOptionsFromUrl } = require(process.env.LIB + '/redis/redis-options');
// BullMQ may reject its connection's start-up promise once more after close(), with nobody
// left to listen (an upstream quirk, not what this checks): report it instead of crashing.
process.on('unhandledRejection', (error) => console.log('late rejection: ' + error.message));
(async () => {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  const queues = new JobQueues(redisOptionsFromUrl('redis://127.0.0.1:' + port), 'test');
  const queue = queues.get('unreachable');
  // A refused attempt's socket has closed: the client waits to retry, as during an outage.
  await new Promise((resolve) => queue.once('ioredis:close', resolve));
  await queues.close();
  console.log('closed');
  setTimeout(() => console.log('still held open'), 1000).unref();
})();
`;

describe('JobQueues.close while Redis is unreachable', () => {
  it('leaves nothing that keeps the process alive', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', CHILD], {
      env: { ...process.env, TS_NODE_ENTRY: require.resolve('ts-node'), LIB: `${__dirname}/..` },
      timeout: 30_000, // a hang detector only
    });
    expect(stdout).toContain('closed');
    expect(stdout).not.toContain('still held open');
  }, 40_000);
});
