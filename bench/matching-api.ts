/**
 * The API part of `npm run bench:matching`, for one data set: loaded into a database of its own
 * (bulk SQL, bench/matching-load.ts), the API (real HTTP on a free port) and a worker in this
 * process on their own QUEUE_PREFIX; then `runs` whole runs through the API, each timed from
 * POST /matching-runs to the first GET /matching-runs/:id that reads it completed (polled every
 * 10 ms, so the polling barely competes with the run): the job path, load, lists, matching, verification, hashes and persisting the
 * proposals. Before each run the proposals of the previous one are deleted and the table
 * vacuumed (untimed), so every run inserts its proposals into a clean table, as the first run
 * of a cohort does. Optionally GET /vacancies/:id/candidates p95. The database is dropped
 * afterwards unless BENCH_KEEP_DB=1.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { MatchingData } from './matching-data';
import { loadMatchingData } from './matching-load';
import { clearQueueKeys, dropBenchDatabaseUnlessKept, prepareBenchDatabase } from './support';

export type Check = [string, boolean];

export interface ApiCase {
  label: string;
  data: MatchingData;
  seed: string;
  databaseUrl: string;
  /** Whole run through the API, median. */
  targetMs: number;
  runs: number;
  /** Also time GET /vacancies/:id/candidates (p95 target in ms), or not. */
  candidatesP95Ms?: number;
}

const ADMIN = { email: 'bench-admin@bench.local', password: 'bench-admin-password' };
const CANDIDATE_REQUESTS = 300;
const UNIVERSITY_ID = '0193b000-0000-7000-8000-000000000001';

interface RunView {
  status: string;
  error: string;
  stats: Record<string, number>;
  timings: Record<string, number>;
  outputHash: string;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

/** Per phase, the median over the runs (the worker's own timings). */
function medianPhases(views: RunView[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of Object.keys(views[0].timings))
    out[name] = Math.round(median(views.map((v) => v.timings[name])));
  return out;
}

async function timedRun(
  base: string,
  auth: Record<string, string>,
  seed: string,
): Promise<{ ms: number; view: RunView }> {
  const start = performance.now();
  const res = await fetch(`${base}/matching-runs`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ universityId: UNIVERSITY_ID, seed }),
  });
  if (res.status !== 202) throw new Error(`POST /matching-runs: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    const view = (await (
      await fetch(`${base}/matching-runs/${id}`, { headers: auth })
    ).json()) as RunView;
    if (view.status === 'failed') throw new Error(`run failed: ${view.error}`);
    if (view.status === 'completed') return { ms: performance.now() - start, view };
    if (performance.now() - start > 300_000) throw new Error('run not completed after 300 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function candidatesP95(
  base: string,
  auth: Record<string, string>,
  data: MatchingData,
): Promise<number> {
  const vacancyIds = data.rows.vacancies.filter((v) => v.seatsTaken < v.capacity).map((v) => v.id);
  const times: number[] = [];
  let items = 0;
  for (let i = 0; i < CANDIDATE_REQUESTS + 20; i += 1) {
    const id = vacancyIds[(i * 7919) % vacancyIds.length];
    const start = performance.now();
    const res = await fetch(`${base}/vacancies/${id}/candidates?limit=50`, { headers: auth });
    const body = (await res.json()) as { data: unknown[] };
    if (res.status !== 200) throw new Error(`candidates: ${res.status} ${JSON.stringify(body)}`);
    if (i >= 20) {
      times.push(performance.now() - start);
      items += body.data.length;
    }
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(
    `  GET /vacancies/:id/candidates?limit=50 (${times.length} requests, sequential): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms; ${(items / times.length).toFixed(1)} candidates per page`,
  );
  return p95;
}

export async function apiSection(c: ApiCase): Promise<Check[]> {
  const { data } = c;
  console.log(
    `\n== API, ${c.label}: ${data.rows.students.length} students x ${data.rows.vacancies.length} vacancies (PostgreSQL, Redis, real HTTP, worker in this process) ==`,
  );
  const prefix = `bench-matching-${process.pid}-${c.label.replace(/\W+/g, '')}`;
  Object.assign(process.env, {
    DATABASE_URL: c.databaseUrl,
    QUEUE_PREFIX: prefix,
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    DEMO_DATA: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
  });
  // Loaded after the environment is set: configuration is read when the apps are created.
  const { migrate } = await import('../src/cli/migrate');
  const { createApiApp } = await import('../src/bootstrap/api-app');
  const { createWorkerApp } = await import('../src/worker');

  await prepareBenchDatabase(c.databaseUrl, 'npm run bench:matching', prefix);
  await migrate(c.databaseUrl);
  const db = new Client({ connectionString: c.databaseUrl });
  await db.connect();
  let t = performance.now();
  await loadMatchingData(db, data, UNIVERSITY_ID);
  console.log(`  loaded into PostgreSQL (bulk SQL): ${(performance.now() - t).toFixed(0)} ms`);

  const api = await createApiApp();
  await api.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(api.getHttpServer().address() as { port: number }).port}/api/v1`;
  const worker = await createWorkerApp();
  const checks: Check[] = [];
  try {
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };

    const times: number[] = [];
    const views: RunView[] = [];
    let persisted = 0;
    for (let i = 0; i < c.runs; i += 1) {
      await db.query('DELETE FROM matches');
      await db.query('VACUUM matches');
      t = performance.now();
      const { ms, view } = await timedRun(base, auth, c.seed);
      times.push(ms);
      views.push(view);
      [{ n: persisted }] = (await db.query('SELECT count(*)::int AS n FROM matches')).rows;
    }
    const sorted = [...times].sort((a, b) => a - b);
    const mid = median(times);
    const last = views[views.length - 1];
    console.log(
      `  POST /matching-runs -> completed, ${times.length} runs: ${times.map((x) => x.toFixed(0)).join(', ')} ms; ` +
        `median ${mid.toFixed(0)} ms (min ${sorted[0].toFixed(0)}, max ${sorted[sorted.length - 1].toFixed(0)})`,
    );
    console.log(
      `  worker phases, median of the runs (ms): ${JSON.stringify(medianPhases(views))}; the job path and polling make up the rest`,
    );
    console.log(`  stats ${JSON.stringify(last.stats)}; ${persisted} proposals persisted`);
    checks.push([
      `${c.label}: whole run through the API, median of ${times.length}: ${mid.toFixed(0)} ms <= ${c.targetMs} ms`,
      mid <= c.targetMs,
    ]);
    checks.push([
      `${c.label}: 0 blocking pairs, 0 capacity violations, every proposal persisted`,
      views.every((v) => v.stats.blockingPairs === 0 && v.stats.capacityViolations === 0) &&
        persisted === last.stats.matched,
    ]);
    checks.push([
      `${c.label}: every run gives the same matching`,
      views.every((v) => v.outputHash === last.outputHash),
    ]);
    if (c.candidatesP95Ms !== undefined) {
      const p95 = await candidatesP95(base, auth, data);
      checks.push([
        `${c.label}: candidates p95 ${p95.toFixed(1)} ms <= ${c.candidatesP95Ms} ms`,
        p95 <= c.candidatesP95Ms,
      ]);
    }
  } finally {
    await worker.close();
    await api.close();
    await db.end();
    await clearQueueKeys(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix);
    await dropBenchDatabaseUnlessKept(c.databaseUrl);
  }
  return checks;
}
