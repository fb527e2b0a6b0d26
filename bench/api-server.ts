/**
 * The API process of `npm run bench:api`: built once (`nest build`), started as its own process
 * (`node dist/src/main.js`, as production runs it) so that the load generator does not share its
 * event loop, and stopped at the end.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export function step(command: string, args: string[]): void {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitUntilReady(
  base: string,
  timeoutMs: number,
  child?: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${base}/health/ready did not answer 200 in time`);
    await sleep(250);
  }
}

/**
 * Starts `node [nodeArgs] dist/src/main.js` (BENCH_API_MAIN: another build's, to compare two
 * versions on the same data) with `env` added. Its stdout (the JSON log lines:
 * stdout is not a terminal, so this is the production logging path, buffered JSON) is
 * discarded; stderr shows.
 */
export async function startApi(
  env: Record<string, string>,
  nodeArgs: string[],
  base: string,
): Promise<ChildProcess> {
  const main = process.env.BENCH_API_MAIN ?? 'dist/src/main.js';
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitUntilReady(base, 60_000, child);
  return child;
}

export async function stopApi(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * CPU time (user + system, ms) process `pid` has used so far, from /proc (Linux); null elsewhere.
 * CPU per request is steadier than req/s on a shared machine: other processes' load lowers the
 * throughput, not the work a request costs.
 */
export function cpuTimeMs(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces), 1-based from field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS = 100;
