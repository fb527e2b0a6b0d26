/**
 * An open-loop load generator: requests are sent on a fixed schedule (rate per second), whether
 * or not earlier ones have been answered, and each latency is measured from the request's
 * scheduled send time. A closed loop (each connection waits for its answer before sending again,
 * as autocannon does) slows down with the server, so a stall delays the requests that would have
 * seen it and the percentiles hide it ("coordinated omission"); here a stall shows in every
 * request scheduled during it. Plain node:http with a keep-alive agent; no connection limit, so
 * the client never queues a request behind another (a request that finds no idle connection
 * opens one, and that cost is counted too).
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface OpenLoopRequest {
  /** What the sample is reported under (e.g. "single", "list"). */
  kind: string;
  path: string;
}

export interface OpenLoopOptions {
  base: string;
  headers: Record<string, string>;
  rate: number;
  seconds: number;
  /** Called once per request, in schedule order. */
  next(): OpenLoopRequest;
}

export interface OpenLoopResult {
  offeredRate: number;
  /** Responses per second over the time from the first scheduled send to the last answer. */
  achievedRate: number;
  /** Latencies in ms per kind, and under "all". */
  latencies: Map<string, number[]>;
  /** How far behind schedule the generator itself sent (ms, worst): large means it is starved. */
  worstSendLagMs: number;
  failures: number;
  /** The first few failures (status or error), for the report. */
  failureSamples: string[];
}

/** The p-th percentile (0..100) of ascending-sorted values, nearest rank. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const url = new URL(options.base);
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies = new Map<string, number[]>([['all', []]]);
  const failureSamples: string[] = [];
  let failures = 0;
  let worstSendLagMs = 0;
  let lastAnswer = 0;

  const send = (req: OpenLoopRequest, scheduled: number) =>
    new Promise<void>((resolve) => {
      const done = (problem?: string) => {
        const now = performance.now();
        lastAnswer = Math.max(lastAnswer, now);
        if (problem) {
          failures++;
          if (failureSamples.length < 5) failureSamples.push(`${req.path}: ${problem}`);
        } else {
          const ms = now - scheduled;
          latencies.get('all')!.push(ms);
          if (!latencies.has(req.kind)) latencies.set(req.kind, []);
          latencies.get(req.kind)!.push(ms);
        }
        resolve();
      };
      const r = request(
        {
          host: url.hostname,
          port: url.port,
          path: req.path,
          method: 'GET',
          headers: options.headers,
          agent,
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () =>
            done(res.statusCode === 200 ? undefined : `status ${res.statusCode}`),
          );
          res.on('error', (e) => done(e.message));
        },
      );
      r.on('error', (e) => done(e.message));
      r.end();
    });

  const pending: Promise<void>[] = [];
  const start = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Everything whose time has come goes now; the schedule never shifts.
      while (sent < total && start + sent * interval <= now) {
        const scheduled = start + sent * interval;
        worstSendLagMs = Math.max(worstSendLagMs, now - scheduled);
        pending.push(send(options.next(), scheduled));
        sent++;
      }
      if (sent >= total) return resolve();
      const wait = start + sent * interval - performance.now();
      setTimeout(tick, Math.max(0, Math.floor(wait)));
    };
    tick();
  });
  await Promise.all(pending);
  agent.destroy();
  for (const values of latencies.values()) values.sort((a, b) => a - b);
  return {
    offeredRate: options.rate,
    achievedRate: (total - failures) / ((lastAnswer - start) / 1000),
    latencies,
    worstSendLagMs,
    failures,
    failureSamples,
  };
}
