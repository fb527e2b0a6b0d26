import { DataSource } from 'typeorm';
import { OutcomeSummaryService } from '../../src/reporting/outcomes/outcome-summary.service';
import { createSupervisor, termsBody } from '../helpers/agreements';
import { bearer, createTenant, startApi, Tenant, TestApi, userToken } from '../helpers/api';
import { createProgramme, createRoute, createStudent } from '../helpers/directory';
import { companyRepToken, createCompany } from '../helpers/organisations';
import { startWorker, waitFor } from '../helpers/worker';

interface Employer {
  companyId: string;
  repToken: string;
  supervisorId: string;
}

interface University extends Tenant {
  programmeId: string;
  routeId: string;
}

/**
 * The whole country's outcome report comes from the summary the worker keeps
 * (OutcomeSummaryService): the same figures as the live aggregate, for every scope a country
 * report can ask for, as of the time it says; a university's report stays live.
 */
describe('reports: the country outcome summary', () => {
  let api: TestApi;
  let summary: OutcomeSummaryService;
  let db: DataSource;
  let north: University;
  let south: University;
  /** Employs students of both universities: one company, counted once nationally. */
  let shared: Employer;
  let other: Employer;

  const country = (query = '') =>
    api.http.get(`/api/v1/reports/outcomes${query}`).set(bearer(api.adminToken)).expect(200);
  const forgetSummary = () =>
    db.query(`UPDATE outcome_summary_state SET refreshed_at = NULL WHERE id = 1`);

  async function university(): Promise<University> {
    const tenant = await createTenant(api);
    const programmeId = (await createProgramme(api, tenant.coordinatorToken, tenant.universityId))
      .id;
    const route = await createRoute(api, tenant.coordinatorToken, programmeId);
    return { ...tenant, programmeId, routeId: route.id };
  }

  async function employer(): Promise<Employer> {
    const company = await createCompany(api);
    return {
      companyId: company.id,
      repToken: await companyRepToken(api, company.id),
      supervisorId: await createSupervisor(api, company.id),
    };
  }

  /** A student of the university with an agreement all three parties signed (active). */
  async function activeAgreement(u: University, e: Employer, cohort: number): Promise<string> {
    const s = await createStudent(api, u.coordinatorToken, u.universityId, u.programmeId, {
      cohort,
    });
    const studentToken = await userToken(api, api.adminToken, { role: 'student', studentId: s.id });
    const created = await api.http
      .post('/api/v1/agreements')
      .set(bearer(u.coordinatorToken))
      .send({
        studentId: s.id,
        employer: { type: 'company', id: e.companyId },
        language: 'nl',
        terms: termsBody(e.supervisorId),
      })
      .expect(201);
    const submitted = await api.http
      .post(`/api/v1/agreements/${created.body.id}/submit`)
      .set(bearer(u.coordinatorToken))
      .expect(200);
    for (const token of [studentToken, e.repToken, u.coordinatorToken]) {
      await api.http
        .post(`/api/v1/agreements/${created.body.id}/signatures`)
        .set(bearer(token))
        .send({ contentHash: submitted.body.currentVersion.contentHash })
        .expect(201);
    }
    return created.body.id as string;
  }

  beforeAll(async () => {
    api = await startApi();
    summary = api.app.get(OutcomeSummaryService);
    db = api.app.get(DataSource);
    [north, south] = [await university(), await university()];
    [shared, other] = [await employer(), await employer()];
    await activeAgreement(north, shared, 2025);
    const completed = await activeAgreement(north, shared, 2025);
    await api.http
      .post(`/api/v1/agreements/${completed}/complete`)
      .set(bearer(north.coordinatorToken))
      .send({ outcome: 'graduated_on_time', stayedWithEmployer: true })
      .expect(200);
    const dropout = await activeAgreement(north, other, 2026);
    await api.http
      .post(`/api/v1/agreements/${dropout}/terminate`)
      .set(bearer(north.coordinatorToken))
      .send({ reason: 'dropout', employmentContinued: false })
      .expect(200);
    await activeAgreement(south, shared, 2025);
    await activeAgreement(south, other, 2026);
  }, 120_000);
  afterAll(() => api.close());

  it('gives, for every scope, exactly the figures the live aggregate gives', async () => {
    const scopes = [
      '',
      '?cohort=2025',
      `?routeId=${north.routeId}`,
      `?routeId=${south.routeId}&cohort=2026`,
      '?cohort=2031',
    ];
    await forgetSummary();
    const live = [];
    for (const scope of scopes) {
      const res = await country(scope);
      // No summary yet: computed when asked.
      expect(res.body.figuresAsOf).toBe(res.body.generatedAt);
      live.push(res.body);
    }
    expect(await summary.refresh({ force: true })).toBe(true);
    for (const [i, scope] of scopes.entries()) {
      const res = await country(scope);
      expect(res.body.figuresAsOf).not.toBe(res.body.generatedAt);
      expect({ scope: res.body.scope, totals: res.body.totals, rows: res.body.rows }).toEqual({
        scope: live[i].scope,
        totals: live[i].totals,
        rows: live[i].rows,
      });
    }
    // Both universities' routes, each cohort a row; the shared company counted once.
    const whole = live[0];
    expect(whole.rows.map((r: { routeId: string }) => r.routeId).sort()).toEqual(
      [north.routeId, north.routeId, south.routeId, south.routeId].sort(),
    );
    expect(whole.totals.companies).toBe(2);
    expect(live[1].totals.companies).toBe(1);
    expect(live[4].totals.students).toBe(0);
  });

  it('keeps serving the figures it was built with until the next rebuild, saying so', async () => {
    expect(await summary.refresh({ force: true })).toBe(true);
    const before = (await country()).body;
    const southBefore = (await country(`?universityId=${south.universityId}`)).body;

    await activeAgreement(south, shared, 2026);

    // The university's report is live: it shows the new student at once.
    const southAfter = (await country(`?universityId=${south.universityId}`)).body;
    expect(southAfter.totals.students).toBe(southBefore.totals.students + 1);
    expect(southAfter.figuresAsOf).toBe(southAfter.generatedAt);
    // The country's figures are those of the last rebuild, and say when they were taken.
    const stale = (await country()).body;
    expect(stale.totals).toEqual(before.totals);
    expect(stale.figuresAsOf).toBe(before.figuresAsOf);
    // Not due yet (OUTCOME_SUMMARY_REFRESH_SECONDS is 60 by default): nothing is rebuilt.
    expect(await summary.refresh()).toBe(false);
    expect(await summary.refresh({ force: true })).toBe(true);
    const fresh = (await country()).body;
    expect(fresh.totals.students).toBe(before.totals.students + 1);
    expect(new Date(fresh.figuresAsOf).getTime()).toBeGreaterThan(
      new Date(before.figuresAsOf).getTime(),
    );
  });

  it('computes the figures live when the summary is too old to serve (no worker keeps it)', async () => {
    expect(await summary.refresh({ force: true })).toBe(true);
    // Five intervals of 60 s and more ago.
    await db.query(
      `UPDATE outcome_summary_state SET refreshed_at = now() - interval '6 minutes' WHERE id = 1`,
    );
    const res = (await country()).body;
    expect(res.figuresAsOf).toBe(res.generatedAt);
  });

  it('lets one process rebuild at a time; the other leaves it to that one', async () => {
    const holder = db.createQueryRunner();
    await holder.connect();
    try {
      await holder.startTransaction();
      // Another process in the middle of a rebuild holds the state row.
      await holder.query(`SELECT 1 FROM outcome_summary_state WHERE id = 1 FOR UPDATE`);
      expect(await summary.refresh({ force: true })).toBe(false);
      await holder.rollbackTransaction();
    } finally {
      await holder.release();
    }
    const both = await Promise.all([
      summary.refresh({ force: true }),
      summary.refresh({ force: true }),
    ]);
    expect(both).toContain(true);
    // However the two interleaved, the summary holds each student once.
    const [{ counted }] = await db.query(
      `SELECT sum((figures->>'students')::int)::int AS counted FROM outcome_summary_rows`,
    );
    const [{ students }] = await db.query(
      `SELECT count(*)::int AS students FROM agreement_outcomes_v`,
    );
    expect(counted).toBe(students);
  });

  it('is rebuilt by the worker, on start and whenever it is due', async () => {
    await forgetSummary();
    const worker = await startWorker({ OUTCOME_SUMMARY_REFRESH_SECONDS: '0.5' });
    try {
      await waitFor(async () => {
        const [state] = await db.query(`SELECT refreshed_at FROM outcome_summary_state`);
        return state.refreshed_at !== null;
      }, 30_000);
      const before = (await country()).body.totals.students;
      await activeAgreement(north, other, 2026);
      // The API reads with its own interval (60 s): the worker's 0.5 s rebuilds keep it fresh.
      await waitFor(async () => (await country()).body.totals.students === before + 1, 30_000);
    } finally {
      await worker.close();
    }
  });
});
