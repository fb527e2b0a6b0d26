/**
 * `npm run bench:api`: the student reads, against a bare NestJS endpoint in the same process.
 *
 * Self-contained: it (re)creates its own database (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/dualroute_bench_api) with the migrations, builds the API
 * (`nest build`; BENCH_NO_BUILD=1 reuses dist/), starts it as its own process on a free port with
 * the production logging path (info level, JSON lines, stdout not a terminal) and NODE_ENV
 * development (the bare endpoint exists only outside production), and seeds two universities of
 * BENCH_STUDENTS (10,000) students each (bench/api-data.ts). Every request picks a random student
 * of the coordinator's university: `GET /students/:id` of any of them, `GET /students?limit=50`
 * starting at any of them (a full page), so no figure comes from one hot row.
 *
 * Each of BENCH_RUNS (3) runs measures:
 *  1. Throughput (closed loop, autocannon, BENCH_CONNECTIONS (16) connections, BENCH_DURATION
 *     (10) s each after BENCH_WARMUP (2) s): `GET /health/bare` (the same Fastify + Nest pipeline,
 *     no auth, no database), the single read, the list.
 *  2. Latency at a fixed offered load (open loop, bench/open-loop.ts): BENCH_RATE (300) req/s for
 *     BENCH_DURATION s, a mix of single reads and lists (BENCH_LIST_SHARE 0.25 of them lists),
 *     each latency measured from its scheduled send time. A closed loop cannot give this figure:
 *     with C connections its latency is C / throughput by Little's law, whatever the server does.
 * The figures printed are medians over the runs (ratios: the median of each run's ratio), with
 * the API process's CPU time per request (from /proc: steadier than req/s when other processes
 * share the machine) and the load average, to judge how quiet the machine was.
 *
 * Targets (issue 11): single read >= 0.4 x bare; list req/s >= 50% of the single read's req/s
 * (a page of 50 costs at most two single reads); p99 <= 15 ms at 300 req/s; no failed request.
 * For profiling and comparing: BENCH_NODE_ARGS passes node options to the API (e.g. `--cpu-prof
 * --cpu-prof-dir=/tmp/prof`), BENCH_ONLY=list (bare, single, list, load) measures only those and
 * prints raw figures, BENCH_API_MAIN runs another build (a copy of an earlier dist/src/main.js).
 * The exit code is 1 when a target is missed or any request failed.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { cpus, loadavg } from 'node:os';
import { apiClient, BenchData, PAGE_SIZE, seedBenchData } from './api-data';
import { cpuTimeMs, freePort, startApi, step, stopApi } from './api-server';
import { openLoop, OpenLoopResult, percentile } from './open-loop';
import { clearQueueKeys, dropBenchDatabaseUnlessKept, prepareBenchDatabase } from './support';

const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dualroute_bench_api';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} expects a number`);
  return value;
};
const STUDENTS = num('BENCH_STUDENTS', 10_000);
const RUNS = Math.max(1, Math.round(num('BENCH_RUNS', 3)));
const CONNECTIONS = num('BENCH_CONNECTIONS', 16);
const DURATION = num('BENCH_DURATION', 10);
const WARMUP = num('BENCH_WARMUP', 2);
const RATE = num('BENCH_RATE', 300);
const LIST_SHARE = num('BENCH_LIST_SHARE', 0.25);
/** For profiling one target: e.g. BENCH_ONLY=list (names: bare, single, list, load). */
const ONLY = process.env.BENCH_ONLY?.split(',');
const QUEUE_PREFIX = `bench-api-${process.pid}`;
const ADMIN = { email: 'bench-admin@bench.local', password: 'bench-admin-password' };

const TARGET_RATIO = 0.4;
const TARGET_LIST_SHARE = 0.5;
const TARGET_P99_MS = 15;

interface Throughput {
  rps: number;
  /** CPU time of the API process per request (µs), NaN where /proc is not available. */
  cpuUs: number;
  p50: number;
  p99: number;
  failed: number;
}

interface RunFigures {
  bare: Throughput;
  single: Throughput;
  list: Throughput;
  load: OpenLoopResult;
}

const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function closedLoop(
  apiPid: number | undefined,
  base: string,
  headers: Record<string, string>,
  paths: string[],
  seconds: number,
): Promise<Throughput> {
  const cpuBefore = cpuTimeMs(apiPid);
  const r = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    // A random path per request (autocannon calls this before each one).
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: pick(paths) }) }],
  });
  const cpuAfter = cpuTimeMs(apiPid);
  const cpuUs =
    cpuBefore === null || cpuAfter === null
      ? NaN
      : ((cpuAfter - cpuBefore) * 1000) / r.requests.total;
  return {
    rps: r.requests.average,
    cpuUs,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failed: r.errors + r.timeouts + r.non2xx,
  };
}

async function oneRun(
  apiPid: number | undefined,
  base: string,
  data: BenchData,
  index: number,
): Promise<RunFigures> {
  const headers = { authorization: `Bearer ${data.token}`, accept: 'application/json' };
  const targets = {
    bare: ['/api/v1/health/bare'],
    single: data.singlePaths,
    list: data.listPaths,
  };
  const figures: Partial<RunFigures> = {};
  for (const [name, paths] of Object.entries(targets) as [keyof typeof targets, string[]][]) {
    if (ONLY && !ONLY.includes(name)) continue;
    console.log(`run ${index}: ${name}, closed loop, ${CONNECTIONS} connections ...`);
    if (WARMUP > 0) await closedLoop(apiPid, base, headers, paths, WARMUP);
    figures[name] = await closedLoop(apiPid, base, headers, paths, DURATION);
  }
  if (ONLY && !ONLY.includes('load')) return figures as RunFigures;
  console.log(`run ${index}: ${RATE} req/s open loop (${LIST_SHARE * 100}% lists) ...`);
  figures.load = await openLoop({
    base,
    headers,
    rate: RATE,
    seconds: DURATION,
    next: () =>
      Math.random() < LIST_SHARE
        ? { kind: 'list', path: pick(data.listPaths) }
        : { kind: 'single', path: pick(data.singlePaths) },
  });
  return figures as RunFigures;
}

function report(runs: RunFigures[]): boolean {
  const m = (f: (r: RunFigures) => number) => median(runs.map(f));
  const row = (cells: string[], widths: number[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
  const w1 = [40, 9, 9, 8, 8, 7, 13];
  console.log(
    `\nThroughput, closed loop (${CONNECTIONS} connections, ${DURATION} s), median of ${runs.length} runs:`,
  );
  console.log(row(['', 'req/s', 'rows/s', 'p50 ms', 'p99 ms', 'failed', 'API CPU µs/req'], w1));
  const names = [
    ['bare', 'GET /health/bare (bare Nest)', 0],
    ['single', 'GET /students/:id (random id)', 1],
    ['list', `GET /students?limit=${PAGE_SIZE} (random cursor)`, PAGE_SIZE],
  ] as const;
  for (const [key, label, rows] of names) {
    const rps = m((r) => r[key].rps);
    console.log(
      row(
        [
          label,
          rps.toFixed(0),
          rows ? (rps * rows).toFixed(0) : '',
          m((r) => r[key].p50).toFixed(0),
          m((r) => r[key].p99).toFixed(0),
          String(runs.reduce((n, r) => n + r[key].failed, 0)),
          m((r) => r[key].cpuUs).toFixed(0),
        ],
        w1,
      ),
    );
  }
  const w2 = [40, 9, 8, 8, 8, 8, 7];
  console.log(
    `\nLatency at a fixed offered load (open loop, ${RATE} req/s for ${DURATION} s, ` +
      `from the scheduled send time), median of ${runs.length} runs:`,
  );
  console.log(row(['', 'requests', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'failed'], w2));
  for (const kind of ['single', 'list', 'all']) {
    const lat = (r: RunFigures) => r.load.latencies.get(kind) ?? [];
    console.log(
      row(
        [
          kind === 'all'
            ? 'all requests'
            : kind === 'single'
              ? 'GET /students/:id'
              : 'GET /students?limit=50',
          m((r) => lat(r).length).toFixed(0),
          m((r) => percentile(lat(r), 50)).toFixed(1),
          m((r) => percentile(lat(r), 90)).toFixed(1),
          m((r) => percentile(lat(r), 99)).toFixed(1),
          m((r) => lat(r)[lat(r).length - 1]).toFixed(1),
          kind === 'all' ? String(runs.reduce((n, r) => n + r.load.failures, 0)) : '',
        ],
        w2,
      ),
    );
  }
  console.log(
    `achieved ${m((r) => r.load.achievedRate).toFixed(0)} of ${RATE} req/s offered; ` +
      `generator send lag (worst) ${m((r) => r.load.worstSendLagMs).toFixed(1)} ms`,
  );
  for (const r of runs) for (const f of r.load.failureSamples) console.log(`  failed: ${f}`);

  const ratio = m((r) => r.single.rps / r.bare.rps);
  const listShare = m((r) => r.list.rps / r.single.rps);
  const p99 = m((r) => percentile(r.load.latencies.get('all') ?? [], 99));
  const failed = runs.reduce(
    (n, r) => n + r.bare.failed + r.single.failed + r.list.failed + r.load.failures,
    0,
  );
  console.log(
    `\n"As fast per row": a page of ${PAGE_SIZE} may cost at most two single reads, i.e. the ` +
      `list's req/s >= 50% of the single read's req/s (rows/s: >= ${PAGE_SIZE / 2}x).`,
  );
  const checks: [string, boolean][] = [
    [
      `ratio GET /students/:id / bare = ${ratio.toFixed(2)} (target >= ${TARGET_RATIO})`,
      ratio >= TARGET_RATIO,
    ],
    [
      `GET /students?limit=50 req/s / GET /students/:id req/s = ${(listShare * 100).toFixed(0)}% ` +
        `(target >= ${TARGET_LIST_SHARE * 100}%)`,
      listShare >= TARGET_LIST_SHARE,
    ],
    [
      `p99 at ${RATE} req/s (mixed reads and lists) = ${p99.toFixed(1)} ms (target <= ${TARGET_P99_MS} ms)`,
      p99 <= TARGET_P99_MS,
    ],
    [`no failed requests (${failed})`, failed === 0],
  ];
  for (const [text, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
  return checks.every(([, ok]) => ok);
}

async function main(): Promise<void> {
  const { migrate } = await import('../src/cli/migrate');
  await prepareBenchDatabase(DATABASE_URL, 'npm run bench:api', QUEUE_PREFIX);
  await migrate(DATABASE_URL);
  if (process.env.BENCH_NO_BUILD !== '1') step('npx', ['nest', 'build']);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const api = await startApi(
    {
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL,
      REDIS_URL,
      QUEUE_PREFIX,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    },
    nodeArgs,
    base,
  );
  let ok = false;
  try {
    const call = apiClient(base);
    const data = await seedBenchData(call, DATABASE_URL, ADMIN, STUDENTS);
    const page = await call<{ data: unknown[] }>('GET', data.listPaths[0], data.token);
    if (page.data.length !== PAGE_SIZE) throw new Error(`a list page has ${page.data.length} rows`);
    await call('GET', data.singlePaths[0], data.token);
    console.log(
      `\n${STUDENTS} students of the coordinator's university (and as many of another), ` +
        `API at ${base} (node dist/src/main.js${nodeArgs.length ? ' ' + nodeArgs.join(' ') : ''})\n`,
    );
    const loadAtStart = loadavg()[0];
    const runs: RunFigures[] = [];
    for (let i = 1; i <= RUNS; i++) runs.push(await oneRun(api.pid, base, data, i));
    if (ONLY) {
      // Profiling: the raw figures of what ran, no verdict.
      for (const r of runs)
        for (const [name, f] of Object.entries(r))
          if (name !== 'load') console.log(name, JSON.stringify(f));
    } else ok = report(runs);
    console.log(
      `(load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the ` +
        'end, on this many CPUs: ' +
        `${cpus().length})`,
    );
  } finally {
    await stopApi(api);
    await clearQueueKeys(REDIS_URL, QUEUE_PREFIX);
    await dropBenchDatabaseUnlessKept(DATABASE_URL);
  }
  process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
  console.error('bench:api failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
