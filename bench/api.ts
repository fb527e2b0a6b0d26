/**
 * `npm run bench:api`: requests/s and p50/p99 latency of `GET /students/:id` and
 * `GET /students?limit=50`, next to a bare NestJS endpoint in the same process
 * (`GET /health/bare`: the same Fastify + Nest pipeline, no auth, no database), and their ratio.
 * Targets (issue): ratio >= 0.4 for the single read; p99 <= 25 ms at 64 connections.
 *
 * It expects the API running with the demo data: `npm start` in another terminal (same
 * DATABASE_URL). Or let it start one: `BENCH_START=1 npm run bench:api` builds (nest build),
 * migrates and loads the demo data when the database is empty (DEMO_DATA honoured), starts
 * `node dist/src/main.js` on BENCH_URL's port with its logs discarded, and stops it at the end.
 *
 * Environment: BENCH_URL (http://127.0.0.1:3000), BENCH_EMAIL / BENCH_PASSWORD (the demo
 * coordinator), BENCH_CONNECTIONS (64), BENCH_DURATION (10 s per target), BENCH_WARMUP (3 s),
 * BENCH_UNLOADED (5 s: each target once more over a single connection, i.e. latency without
 * queueing; 0 skips it), BENCH_START (0).
 * The exit code is 1 when a target is missed or any request failed.
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const BASE = (process.env.BENCH_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const EMAIL = process.env.BENCH_EMAIL ?? 'coordinator@demo.local';
const PASSWORD = process.env.BENCH_PASSWORD ?? 'demo-password-2026';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const UNLOADED = Number(process.env.BENCH_UNLOADED ?? 5);
const TARGET_RATIO = 0.4;
const TARGET_P99_MS = 25;

interface Target {
  label: string;
  path: string;
}

interface Measurement {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function run(
  label: string,
  path: string,
  token: string,
  connections: number,
  seconds: number,
): Promise<Measurement> {
  const r = await autocannon({
    url: `${BASE}${path}`,
    connections,
    duration: seconds,
    // Every target gets the same headers, so request size is no difference between them.
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  return {
    label,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

async function getJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${BASE}${path}`, init);
  if (!res.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function login(): Promise<string> {
  const { accessToken } = await getJson<{ accessToken: string }>('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  return accessToken;
}

async function waitUntilReady(timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${BASE}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${BASE}/health/ready did not answer 200 in time`);
    await sleep(250);
  }
}

function step(command: string, args: string[]): void {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

/** BENCH_START=1: build, migrate + demo data, then the API alone (no worker: reads need none). */
async function startOwnApi(): Promise<ChildProcess> {
  step('npx', ['nest', 'build']);
  step(process.execPath, ['dist/src/cli/seed-demo.js']);
  const port = new URL(BASE).port || '80';
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: { ...process.env, PORT: port },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitUntilReady(60_000, child);
  return child;
}

function report(loaded: Measurement[], unloaded: Measurement[]): boolean {
  const widths = [36, 9, 8, 8, 8, 8];
  const row = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
  const line = (m: Measurement) =>
    row([
      m.label,
      m.rps.toFixed(0),
      String(m.p50),
      String(m.p99),
      String(m.errors),
      String(m.non2xx),
    ]);
  console.log(`\n${BASE}: ${DURATION} s per target after ${WARMUP} s warm-up\n`);
  console.log(
    row([`${CONNECTIONS} connections`, 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx']),
  );
  loaded.forEach((m) => console.log(line(m)));
  if (unloaded.length) {
    console.log(row([`1 connection (no queueing), ${UNLOADED} s`, '', '', '', '', '']));
    unloaded.forEach((m) => console.log(line(m)));
  }
  const [bare, single, list] = loaded;
  const ratio = single.rps / bare.rps;
  const checks: [string, boolean][] = [
    [
      `ratio GET /students/:id / bare = ${ratio.toFixed(2)} (target >= ${TARGET_RATIO})`,
      ratio >= TARGET_RATIO,
    ],
    [
      `p99 GET /students/:id = ${single.p99} ms (target <= ${TARGET_P99_MS} ms)`,
      single.p99 <= TARGET_P99_MS,
    ],
    [
      `p99 GET /students?limit=50 = ${list.p99} ms (target <= ${TARGET_P99_MS} ms)`,
      list.p99 <= TARGET_P99_MS,
    ],
    ['no failed requests', [...loaded, ...unloaded].every((m) => m.errors === 0 && m.non2xx === 0)],
  ];
  console.log(
    `\nratio GET /students?limit=50 / bare = ${(list.rps / bare.rps).toFixed(2)} (for information)`,
  );
  for (const [text, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
  return checks.every(([, ok]) => ok);
}

async function main(): Promise<void> {
  const own = process.env.BENCH_START === '1' ? await startOwnApi() : undefined;
  try {
    if (!own) await waitUntilReady(5_000);
    const token = await login();
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const page = await getJson<{ data: { id: string }[] }>('/api/v1/students?limit=1', auth);
    if (!page.data.length) throw new Error(`${EMAIL} sees no students: load the demo data first`);
    const targets: Target[] = [
      { label: 'GET /health/bare (bare Nest)', path: '/api/v1/health/bare' },
      { label: 'GET /students/:id', path: `/api/v1/students/${page.data[0].id}` },
      { label: 'GET /students?limit=50', path: '/api/v1/students?limit=50' },
    ];
    for (const t of targets) await getJson(t.path, auth);

    const loaded: Measurement[] = [];
    for (const t of targets) {
      console.log(`${t.label}: ${CONNECTIONS} connections ...`);
      if (WARMUP > 0) await run(t.label, t.path, token, CONNECTIONS, WARMUP);
      loaded.push(await run(t.label, t.path, token, CONNECTIONS, DURATION));
    }
    const unloaded: Measurement[] = [];
    if (UNLOADED > 0) {
      for (const t of targets) {
        console.log(`${t.label}: 1 connection ...`);
        unloaded.push(await run(t.label, t.path, token, 1, UNLOADED));
      }
    }
    if (!report(loaded, unloaded)) process.exitCode = 1;
  } finally {
    if (own && own.exitCode === null) {
      own.kill('SIGTERM');
      await new Promise((resolve) => own.once('exit', resolve));
    }
  }
}

main().catch((error) => {
  console.error('bench:api failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
