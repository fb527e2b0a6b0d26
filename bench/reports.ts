/**
 * `npm run bench:reports`: the route outcome report at national scale.
 *
 * Self-contained: it (re)creates its own database (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/dualroute_bench_reports), migrates it, writes the data set
 * by SQL (bench/reports-data.ts: BENCH_STUDENTS (100,000) students over 20 universities, 100
 * routes, 5 cohorts, one agreement each, a tenth with an earlier one) and runs the API in this
 * process, measuring requests through Fastify's inject (the whole HTTP pipeline: auth, scope,
 * the aggregate, serialisation; no socket). Sequential requests after a warm-up, so each figure
 * is one request's latency: BENCH_ITERATIONS (40) each of
 *  - the JSON report of all routes of one university (as its coordinator), computed live,
 *  - the JSON report of the whole country (as an admin), from the summary the worker keeps
 *    (OutcomeSummaryService; built here once before measuring, as the worker does at start),
 *  - the PDF of one university's report,
 *  - the JSON subsidy report of an employer with BENCH_SUBSIDY_PLACEMENTS (500) placements, each
 *    with an employment, a signed agreement and 40 guided weeks in academic year 2025 (as the
 *    company's representative; bench/subsidy-data.ts).
 * It prints p50/p95 per case, the median time of rebuilding the country's summary (what the
 * worker spends every OUTCOME_SUMMARY_REFRESH_SECONDS), and the EXPLAIN (ANALYZE, BUFFERS) of the
 * aggregate for one university and for the country (the query the rebuild runs). Targets (issue 12): outcome JSON p95 <= 150 ms, PDF p95 <=
 * 300 ms, subsidy JSON p95 <= 100 ms; the exit code is 1 when one is missed.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { outcomeReportSql } from '../src/reporting/outcomes/outcome-report.query';
import { OutcomeSummaryService } from '../src/reporting/outcomes/outcome-summary.service';
import { percentile } from './open-loop';
import { seedNationalScale } from './reports-data';
import { clearQueueKeys, dropBenchDatabaseUnlessKept, prepareBenchDatabase } from './support';

const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dualroute_bench_reports';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40);
const QUEUE_PREFIX = `bench-reports-${process.pid}`;
const ADMIN = { email: 'bench-admin@bench.local', password: 'bench-admin-password' };
const SUBSIDY_PLACEMENTS = Number(process.env.BENCH_SUBSIDY_PLACEMENTS ?? 500);
const TARGETS = { json: 150, pdf: 300, subsidy: 100 };
const REBUILDS = Number(process.env.BENCH_SUMMARY_REBUILDS ?? 5);

type Inject = (
  method: 'GET' | 'POST',
  url: string,
  token?: string,
  body?: object,
) => Promise<{ status: number; body: string }>;

async function startInProcessApi() {
  Object.assign(process.env, {
    NODE_ENV: 'development',
    DATABASE_URL,
    REDIS_URL,
    QUEUE_PREFIX,
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
  });
  // Loaded after the environment is set: the configuration is read when the app is built.
  const { createApiApp } = await import('../src/bootstrap/api-app');
  const app = await createApiApp();
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  const inject: Inject = async (method, url, token, body) => {
    const res = await fastify.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body ? { payload: body } : {}),
    });
    return { status: res.statusCode, body: res.body };
  };
  return { app, inject };
}

async function measure(
  inject: Inject,
  url: string,
  token: string,
): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await inject('GET', url, token);
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    const res = await inject('GET', url, token);
    times.push(performance.now() - start);
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${res.body.slice(0, 300)}`);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function explain(db: Client, universityId: string | null): Promise<string> {
  const { sql, params } = outcomeReportSql({ universityId, routeId: null, cohort: null });
  // As the report runs it (OutcomeReportService).
  await db.query(`SET jit = off`);
  await db.query(`SET work_mem = '32MB'`);
  const rows = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function main(): Promise<number> {
  await prepareBenchDatabase(DATABASE_URL, 'bench:reports', QUEUE_PREFIX);
  const { migrate } = await import('../src/cli/migrate');
  await migrate(DATABASE_URL);
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    const seeded = performance.now();
    const { universities, subsidyCompanyId } = await seedNationalScale(db, {
      universities: 20,
      routesPerUniversity: 5,
      companies: 5_000,
      students: STUDENTS,
      subsidyPlacements: SUBSIDY_PLACEMENTS,
    });
    console.log(`data set: ${STUDENTS} students in ${Math.round(performance.now() - seeded)} ms`);
    const { app, inject } = await startInProcessApi();
    try {
      const login = async (email: string, password: string) =>
        JSON.parse(
          (await inject('POST', '/api/v1/auth/login', undefined, { email, password })).body,
        ).accessToken as string;
      const admin = await login(ADMIN.email, ADMIN.password);
      const coordinator = {
        email: 'bench-coordinator@bench.local',
        password: 'bench-coordinator-pw',
      };
      const created = await inject('POST', '/api/v1/users', admin, {
        ...coordinator,
        name: 'Bench Coordinator',
        role: 'coordinator',
        universityId: universities[0],
      });
      if (created.status !== 201)
        throw new Error(`create coordinator: ${created.status} ${created.body}`);
      const token = await login(coordinator.email, coordinator.password);
      const rep = { email: 'bench-rep@bench.local', password: 'bench-company-rep-pw' };
      const createdRep = await inject('POST', '/api/v1/users', admin, {
        ...rep,
        name: 'Bench Company Rep',
        role: 'company_rep',
        companyId: subsidyCompanyId,
      });
      if (createdRep.status !== 201)
        throw new Error(`create company rep: ${createdRep.status} ${createdRep.body}`);
      const repToken = await login(rep.email, rep.password);
      const summary = app.get(OutcomeSummaryService);
      const rebuilds: number[] = [];
      for (let i = 0; i < REBUILDS; i++) {
        const start = performance.now();
        await summary.refresh({ force: true });
        rebuilds.push(performance.now() - start);
      }
      rebuilds.sort((a, b) => a - b);
      console.log(
        `Country summary rebuild (the worker, every OUTCOME_SUMMARY_REFRESH_SECONDS): median ${percentile(rebuilds, 50).toFixed(0)} ms of ${REBUILDS}`,
      );
      const national = JSON.parse((await inject('GET', '/api/v1/reports/outcomes', admin)).body);
      if (national.figuresAsOf === national.generatedAt || national.totals.students < STUDENTS) {
        throw new Error('the country report did not come from the summary');
      }
      const cases = [
        {
          name: 'JSON, one university (all routes, live)',
          url: '/api/v1/reports/outcomes',
          token,
          target: TARGETS.json,
        },
        {
          name: 'JSON, whole country (from the summary)',
          url: '/api/v1/reports/outcomes',
          token: admin,
          target: TARGETS.json,
        },
        {
          name: 'PDF, one university',
          url: '/api/v1/reports/outcomes?format=pdf',
          token,
          target: TARGETS.pdf,
        },
        {
          name: `Subsidy JSON, employer with ${SUBSIDY_PLACEMENTS} placements`,
          url: `/api/v1/reports/subsidy?employerType=company&employerId=${subsidyCompanyId}&academicYear=2025`,
          token: repToken,
          target: TARGETS.subsidy,
        },
      ];
      let missed = false;
      for (const c of cases) {
        const { p50, p95 } = await measure(inject, c.url, c.token);
        const ok = p95 <= c.target;
        missed ||= !ok;
        console.log(
          `${c.name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target p95 <= ${c.target} ms) ${ok ? 'ok' : 'MISSED'}`,
        );
      }
      console.log(
        `\nEXPLAIN of the aggregate, one university:\n${await explain(db, universities[0])}`,
      );
      console.log(
        `\nEXPLAIN of the aggregate, whole country (what the summary's rebuild runs):\n${await explain(db, null)}`,
      );
      return missed ? 1 : 0;
    } finally {
      await app.close();
    }
  } finally {
    await db.end();
    await clearQueueKeys(REDIS_URL, QUEUE_PREFIX);
    await dropBenchDatabaseUnlessKept(DATABASE_URL);
  }
}

main()
  .then((code) => (process.exitCode = code))
  .catch((error) => {
    console.error('bench:reports failed:', error);
    process.exitCode = 2;
  });
