/**
 * `npm run bench:import`: first the validation of a full 10,000-row batch in this process
 * (`validateRows`, warmed up as in a long-running worker; median of 5), then the wall time of a
 * 10,000-student import, from POST /imports/students to the import reading `completed`, then of
 * the same batch again (all unchanged), and, for information, of the batch with 10% of the rows
 * changed.
 * Targets: validation <= 500 ms (about 40 ms on a quiet machine), first import <= 5 s, the same
 * batch again <= 2 s.
 *
 * Self-contained: it (re)creates its own database (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/dualroute_bench_import) with the migrations, runs the API
 * (listening on a free port, real HTTP) and a worker in this process with production settings
 * (JOB_POLL_MS as configured, default 200 ms; a commit wakes the dispatcher at once), on its own QUEUE_PREFIX in the Redis at
 * REDIS_URL, and removes the queue keys and the database afterwards (BENCH_KEEP_DB=1 keeps the
 * database). Needs PostgreSQL and Redis running. Exit code 1 when a target is missed.
 */
import 'reflect-metadata';
import { todayIso, validateRows } from '../src/integrations/student-import-rows';
import { clearQueueKeys, dropBenchDatabaseUnlessKept, prepareBenchDatabase } from './support';

const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dualroute_bench_import';
const ROWS = 10_000;
const TARGET_VALIDATION_MS = 500;
const TARGET_FIRST_MS = 5_000;
const TARGET_AGAIN_MS = 2_000;
const ADMIN = { email: 'bench-admin@bench.local', password: 'bench-admin-password' };

Object.assign(process.env, {
  DATABASE_URL,
  QUEUE_PREFIX: `bench-import-${process.pid}`,
  BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
  BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
  DEMO_DATA: 'false',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
});

interface ImportView {
  id: string;
  status: string;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  failureReason: string | null;
}

interface RunResult {
  label: string;
  totalMs: number;
  postMs: number;
  queuedMs: number;
  processingMs: number;
  result: ImportView;
}

function client(base: string) {
  return async function call<T>(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<T> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

function students(programmeId: string, changedEvery = 0): Record<string, unknown>[] {
  const intake = [
    'mbo4_graduate',
    'employee_mbo_level',
    'employee_hbo_level',
    'career_switcher',
    'havo_vwo_graduate',
  ];
  const prior = ['mbo4', 'havo', 'vwo', 'bachelor', 'other'];
  return Array.from({ length: ROWS }, (_, i) => ({
    externalId: `osiris-${i}`,
    programmeId,
    studentNumber: String(2_000_000 + i),
    firstName: `Student${i}`,
    lastName:
      changedEvery && i % changedEvery === 0 ? `Achternaam-gewijzigd ${i}` : `Achternaam ${i}`,
    email: `student${i}@student.bench.example.nl`,
    intakeGroup: intake[i % intake.length],
    priorEducation: prior[i % prior.length],
    cohort: 2024 + (i % 3),
    dateOfBirth: `${1995 + (i % 10)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    ...(i % 4 === 0 ? { workedForEmployerBefore: true, monthsWithEmployerBefore: i % 48 } : {}),
  }));
}

async function timeImport(
  call: ReturnType<typeof client>,
  headers: Record<string, string>,
  label: string,
  rows: Record<string, unknown>[],
): Promise<RunResult> {
  const started = performance.now();
  const accepted = await call<ImportView>('POST', '/api/v1/imports/students', headers, {
    students: rows,
  });
  const postMs = performance.now() - started;
  for (;;) {
    const view = await call<ImportView>('GET', `/api/v1/imports/${accepted.id}`, headers);
    if (view.status === 'completed' || view.status === 'failed') {
      const totalMs = performance.now() - started;
      if (view.status === 'failed')
        throw new Error(`${label}: import failed: ${view.failureReason}`);
      const at = (s: string | null) => (s ? Date.parse(s) : NaN);
      return {
        label,
        totalMs,
        postMs,
        queuedMs: at(view.startedAt) - at(view.createdAt),
        processingMs: at(view.finishedAt) - at(view.startedAt),
        result: view,
      };
    }
    if (performance.now() - started > 60_000) throw new Error(`${label}: not finished after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** validateRows on the whole batch: median of 5 runs after a warm-up run. */
function timeValidation(rows: Record<string, unknown>[]): boolean {
  const options = { today: todayIso(new Date()) };
  const warm = validateRows(rows, options);
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    validateRows(rows, options);
    samples.push(performance.now() - started);
  }
  const median = samples.sort((a, b) => a - b)[2];
  const pass = median <= TARGET_VALIDATION_MS && warm.valid.length === rows.length;
  console.log(
    `${'validate rows'.padEnd(24)} ${(median / 1000).toFixed(3).padStart(6)} s  ` +
      `${pass ? 'PASS' : 'FAIL'} (target <= ${TARGET_VALIDATION_MS} ms; ${warm.valid.length} of ${rows.length} valid)`,
  );
  return pass;
}

function report(run: RunResult, target?: number): boolean {
  const r = run.result;
  const pass = target === undefined || run.totalMs <= target;
  const verdict =
    target === undefined ? '(info)' : `${pass ? 'PASS' : 'FAIL'} (target <= ${target / 1000} s)`;
  console.log(
    `${run.label.padEnd(24)} ${(run.totalMs / 1000).toFixed(2).padStart(6)} s  ${verdict}\n` +
      `${''.padEnd(24)} POST ${run.postMs.toFixed(0)} ms, queued ${run.queuedMs} ms, processing ${run.processingMs} ms; ` +
      `created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.rejected}`,
  );
  return pass;
}

async function main(): Promise<void> {
  // Loaded after the environment is set (configuration is read when the apps are created).
  const { migrate } = await import('../src/cli/migrate');
  const { createApiApp } = await import('../src/bootstrap/api-app');
  const { createWorkerApp } = await import('../src/worker');

  await prepareBenchDatabase(DATABASE_URL, 'npm run bench:import', process.env.QUEUE_PREFIX);
  await migrate(DATABASE_URL);
  const api = await createApiApp();
  await api.listen({ port: 0, host: '127.0.0.1' });
  const address = api.getHttpServer().address() as { port: number };
  const worker = await createWorkerApp();
  const call = client(`http://127.0.0.1:${address.port}`);
  let ok = false;
  try {
    const { accessToken } = await call<{ accessToken: string }>(
      'POST',
      '/api/v1/auth/login',
      {},
      ADMIN,
    );
    const admin = { authorization: `Bearer ${accessToken}` };
    const university = await call<{ id: string }>('POST', '/api/v1/universities', admin, {
      name: 'Hogeschool Bench',
      brinCode: '99BE',
    });
    const programme = await call<{ id: string }>('POST', '/api/v1/programmes', admin, {
      universityId: university.id,
      name: 'Ad Bench',
      crohoCode: '80001',
      degree: 'associate',
      level: 5,
      nominalYears: 2,
    });
    const { key } = await call<{ key: string }>('POST', '/api/v1/api-keys', admin, {
      name: 'SIS bench',
      universityId: university.id,
    });
    const sis = { 'x-api-key': key };
    const batch = students(programme.id);

    console.log(
      `Student import of ${ROWS} rows (API and worker in one process, real HTTP, PostgreSQL, Redis)`,
    );
    const validated = timeValidation(batch);
    const first = await timeImport(call, sis, 'first import', batch);
    const again = await timeImport(call, sis, 'same batch again', batch);
    const changed = await timeImport(
      call,
      sis,
      'batch with 10% changed',
      students(programme.id, 10),
    );
    const checks = [
      first.result.created === ROWS,
      again.result.unchanged === ROWS && again.result.created === 0 && again.result.updated === 0,
      changed.result.updated === ROWS / 10,
    ];
    ok = [
      validated,
      report(first, TARGET_FIRST_MS),
      report(again, TARGET_AGAIN_MS),
      report(changed),
    ].every(Boolean);
    if (!checks.every(Boolean)) {
      console.log(
        'FAIL: unexpected counts',
        JSON.stringify([first.result, again.result, changed.result]),
      );
      ok = false;
    }
    console.log(ok ? 'PASS' : 'FAIL');
  } finally {
    await worker.close();
    await api.close();
    await clearQueueKeys(
      process.env.REDIS_URL || 'redis://127.0.0.1:6379',
      process.env.QUEUE_PREFIX as string,
    );
    await dropBenchDatabaseUnlessKept(DATABASE_URL);
  }
  process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
