import { Worker } from 'node:worker_threads';

/** How long the event loop may stand still before the file is given up (a PDF seal takes ~1 s). */
const LIMIT_MS = Number(process.env.TEST_HANG_LIMIT_SECONDS ?? 180) * 1000;
const NAME_BYTES = 512;

// A thread of its own watches the test file's event loop. Jest's timeouts run on that loop, so
// a loop that stops turning (a synchronous or microtask-only endless loop) would hold the whole
// run until CI's own limit, silently. The watchdog says which file and test stood still, writing
// straight to fd 2 (the blocked thread cannot relay a worker's output), and kills the process:
// Jest reports the file as failed and the run goes on.
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { beat, name, limitMs, file } = workerData;
let last = Atomics.load(beat, 0);
let since = Date.now();
setInterval(() => {
  const now = Atomics.load(beat, 0);
  if (now !== last) {
    last = now;
    since = Date.now();
    return;
  }
  if (Date.now() - since < limitMs) return;
  const test = Buffer.from(name).toString('utf8').replace(/\\0+$/, '');
  writeSync(2, '\\n[hang watchdog] ' + file + ': the event loop stood still for ' + limitMs / 1000 +
    ' s during "' + test + '"; killing this test process so that the run can go on\\n');
  process.kill(process.pid, 'SIGKILL');
}, 1000);
`;

// Only in Jest's worker processes (which have an IPC channel): run in band, the test file shares
// the process with Jest itself, and killing it would end the whole run without a report.
const armed = typeof process.send === 'function';
const beat = new Int32Array(new SharedArrayBuffer(4));
const name = new Uint8Array(new SharedArrayBuffer(NAME_BYTES));
const heartbeat = setInterval(() => Atomics.add(beat, 0, 1), 1000);
heartbeat.unref();
const watchdog = armed
  ? new Worker(WATCHDOG, {
      eval: true,
      workerData: { beat, name, limitMs: LIMIT_MS, file: expect.getState().testPath },
    })
  : null;
watchdog?.unref();

/** What the watchdog names when the loop stands still. */
function current(label: string): void {
  name.fill(0);
  name.set(Buffer.from(label, 'utf8').subarray(0, NAME_BYTES - 1));
}

current('loading the file');
beforeAll(() => current('beforeAll'));
beforeEach(() => current(expect.getState().currentTestName ?? 'a test'));
afterEach(() => current('afterEach / afterAll'));
afterAll(async () => {
  clearInterval(heartbeat);
  await watchdog?.terminate();
});
