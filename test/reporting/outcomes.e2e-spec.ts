import { pdfText } from '@app/agreement-pdf/testing/poppler';
import { bearer, createTenant, startApi, TestApi, userToken } from '../helpers/api';
import { createSupervisor, termsBody } from '../helpers/agreements';
import { createProgramme, createRoute, createStudent } from '../helpers/directory';
import { mondays } from '../helpers/guidance';
import { companyRepToken, createCompany } from '../helpers/organisations';

interface Employer {
  companyId: string;
  repToken: string;
  supervisorId: string;
}

/** Splits the CSV body (BOM, CRLF, no quoted cells in this data) into header-keyed records. */
function parseCsv(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...lines] = text.slice(1).split('\r\n').filter(Boolean);
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
}

/**
 * API.md "Monitoring, reports": a cohort with known outcomes, made through the API and moved
 * through the real transitions, gives exact figures as JSON, CSV and PDF.
 */
describe('reports: route outcomes', () => {
  let api: TestApi;
  let coordinator: string;
  let universityId: string;
  let programmeId: string;
  let route: { id: string; name: string };
  let a: Employer;
  let b: Employer;

  const http = (token: string, query: string) =>
    api.http.get(`/api/v1/reports/outcomes${query}`).set(bearer(token));

  async function employer(hours: number): Promise<Employer> {
    const company = await createCompany(api);
    return {
      companyId: company.id,
      repToken: await companyRepToken(api, company.id),
      supervisorId: await createSupervisor(api, company.id, hours),
    };
  }

  async function student(overrides: Record<string, unknown> = {}) {
    const s = await createStudent(api, coordinator, universityId, programmeId, {
      cohort: 2025,
      ...overrides,
    });
    return {
      id: s.id,
      token: await userToken(api, api.adminToken, { role: 'student', studentId: s.id }),
    };
  }

  /** Drafts, submits and has all three parties sign: an active agreement. */
  async function active(
    s: { id: string; token: string },
    e: Employer,
    functionTitle = 'Werkvoorbereider',
  ) {
    const terms = termsBody(e.supervisorId);
    terms.employment = { ...terms.employment, functionTitle };
    const created = await api.http
      .post('/api/v1/agreements')
      .set(bearer(coordinator))
      .send({
        studentId: s.id,
        employer: { type: 'company', id: e.companyId },
        language: 'nl',
        terms,
      });
    expect(created.status).toBe(201);
    const submitted = await api.http
      .post(`/api/v1/agreements/${created.body.id}/submit`)
      .set(bearer(coordinator));
    expect(submitted.status).toBe(200);
    for (const token of [s.token, e.repToken, coordinator]) {
      const signed = await api.http
        .post(`/api/v1/agreements/${created.body.id}/signatures`)
        .set(bearer(token))
        .send({ contentHash: submitted.body.currentVersion.contentHash });
      expect(signed.status).toBe(201);
    }
    return created.body.id as string;
  }

  async function transition(id: string, action: 'complete' | 'terminate', body: object) {
    const res = await api.http
      .post(`/api/v1/agreements/${id}/${action}`)
      .set(bearer(coordinator))
      .send(body);
    expect(res.status).toBe(200);
  }

  /** An employment of the student at the employer (no agreement named), and its guidance log. */
  async function guidanceLog(
    studentId: string,
    e: Employer,
    period: { startDate: string; endDate: string },
    weeks: object[],
  ) {
    const employment = await api.http
      .post('/api/v1/employments')
      .set(bearer(coordinator))
      .send({
        studentId,
        employer: { type: 'company', id: e.companyId },
        ...period,
        contractType: 'fixed_term',
        hoursPerWeek: 32,
      });
    expect(employment.status).toBe(201);
    await api.http
      .put(`/api/v1/employments/${employment.body.id}/guidance-weeks`)
      .set(bearer(e.repToken))
      .send({ weeks })
      .expect(200);
  }

  beforeAll(async () => {
    api = await startApi();
    const tenant = await createTenant(api);
    coordinator = tenant.coordinatorToken;
    universityId = tenant.universityId;
    programmeId = (await createProgramme(api, coordinator, universityId)).id;
    const r = await createRoute(api, coordinator, programmeId);
    route = { id: r.id, name: r.name as string };
    a = await employer(4);
    b = await employer(6);

    await active(await student({ workedForEmployerBefore: true }), a); // in progress
    await transition(await active(await student(), a), 'complete', {
      outcome: 'graduated_on_time',
      stayedWithEmployer: true,
    });
    await transition(await active(await student(), a), 'complete', {
      outcome: 'graduated_with_delay',
      stayedWithEmployer: false,
    });
    await transition(await active(await student(), a), 'terminate', {
      reason: 'dropout',
      employmentContinued: true,
    });
    await transition(
      await active(await student({ intakeGroup: 'career_switcher' }), a),
      'terminate',
      {
        reason: 'dropout',
        employmentContinued: false,
      },
    );
    // Switches employer and function: counted once, by the later agreement (in progress).
    const switcher = await student();
    await transition(await active(switcher, a), 'terminate', {
      reason: 'employer_switch',
      employmentContinued: false,
    });
    await active(switcher, b, 'Uitvoerder');
    // The switcher's log at the earlier employer is not under the counted agreement (with b):
    // b keeps no log, so the declared 6 hours stand in.
    await guidanceLog(
      switcher.id,
      a,
      { startDate: '2025-09-01', endDate: '2025-12-31' },
      mondays('2025-09-01', 4, { supervisorHours: 1 }),
    );
    // Another cohort, and a draft that never was in force (not counted). This student's hours
    // come from the log: guided weeks with hours (5, 6, 5.5) average 5.5, not the declared 4;
    // an absent week's 0 hours and a guided week without hours are left out.
    const logged = await student({ cohort: 2026 });
    await active(logged, a);
    await guidanceLog(logged.id, a, { startDate: '2026-09-01', endDate: '2027-08-31' }, [
      ...mondays('2026-09-07', 1, { supervisorHours: 5 }),
      ...mondays('2026-09-14', 1, { supervisorHours: 6 }),
      ...mondays('2026-09-21', 1, { supervisorHours: 5.5 }),
      ...mondays('2026-09-28', 1, { guided: false, absenceReason: 'illness', supervisorHours: 0 }),
      ...mondays('2026-10-05', 1, { supervisorHours: null }),
    ]);
    const drafted = await student();
    await api.http
      .post('/api/v1/agreements')
      .set(bearer(coordinator))
      .send({
        studentId: drafted.id,
        employer: { type: 'company', id: a.companyId },
        language: 'nl',
        terms: termsBody(a.supervisorId),
      })
      .expect(201);
  }, 120_000);
  afterAll(() => api.close());

  const cohort2025 = {
    students: 6,
    inProgress: 2,
    droppedOut: 2,
    graduatedOnTime: 1,
    graduatedWithDelay: 1,
    graduatedStayed: 1,
    droppedOutStayed: 1,
    functionSwitches: 1,
    employerSwitches: 1,
    workedForEmployerBefore: 1,
    intakeGroups: { mbo4_graduate: 5, career_switcher: 1 },
    companies: 2,
    supervisorHoursPerWeekAvg: 4.33,
    supervisorHoursPerWeekN: 6,
    tuitionReimbursedPercentAvg: 100,
    tuitionReimbursedPercentN: 6,
    paidStudyHoursPerWeekAvg: 8,
    paidStudyHoursPerWeekN: 6,
  };

  it('gives the exact figures per route and cohort, and totals, as JSON', async () => {
    const res = await http(coordinator, '').expect(200);
    expect(res.body.scope).toEqual({ universityId, routeId: null, cohort: null });
    expect(res.body.rows).toEqual([
      { routeId: route.id, routeName: route.name, cohort: 2025, ...cohort2025 },
      expect.objectContaining({
        routeId: route.id,
        cohort: 2026,
        students: 1,
        inProgress: 1,
        supervisorHoursPerWeekAvg: 5.5,
        supervisorHoursPerWeekN: 1,
      }),
    ]);
    expect(res.body.totals).toMatchObject({
      students: 7,
      inProgress: 3,
      droppedOut: 2,
      companies: 2,
      intakeGroups: { mbo4_graduate: 6, career_switcher: 1 },
      // (5 × 4 declared + 6 declared + 5.5 logged) / 7
      supervisorHoursPerWeekAvg: 4.5,
      supervisorHoursPerWeekN: 7,
    });
    const one = await http(coordinator, `?cohort=2026&routeId=${route.id}`).expect(200);
    expect(one.body.rows).toHaveLength(1);
    expect(one.body.totals.students).toBe(1);
  });

  it('gives the same figures as CSV (UTF-8 with BOM, one line per row)', async () => {
    const res = await http(coordinator, '?format=csv&cohort=2025')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="uitkomsten-.*\.csv"/,
    );
    const [row, ...rest] = parseCsv((res.body as Buffer).toString('utf8'));
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      routeId: route.id,
      routeName: route.name,
      cohort: '2025',
      students: '6',
      inProgress: '2',
      droppedOut: '2',
      graduatedOnTime: '1',
      graduatedWithDelay: '1',
      graduatedStayed: '1',
      droppedOutStayed: '1',
      companies: '2',
      supervisorHoursPerWeekAvg: '4.33',
      supervisorHoursPerWeekN: '6',
      'intakeGroups.career_switcher': '1',
      'intakeGroups.mbo4_graduate': '5',
    });
  });

  it.each([
    ['nl', ['Uitkomsten per route en cohort', 'Statusverdeling per cohort', 'Totaal']],
    ['en', ['Outcomes per route and cohort', 'Status mix per cohort', 'Total']],
  ])('draws the table and the status chart as a PDF (%s)', async (lang, words) => {
    const res = await http(coordinator, `?format=pdf&lang=${lang}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(new Uint8Array(res.body as Buffer), { raw: true }).replace(/\s+/g, ' ');
    for (const w of words) expect(text).toContain(w);
    // The 2025 row: route, cohort, then students … companies in the table's order.
    expect(text).toContain(`${route.name} 2025 6 2 2 1 1 1 1 1 1 1 2 4.33 (n=6)`);
    expect(text).toContain(`${route.name} 2026 1 1 0`);
  });

  it("refuses another university's coordinator (404) and other roles (403)", async () => {
    const other = await createTenant(api);
    await http(other.coordinatorToken, `?universityId=${universityId}`)
      .expect(404)
      .expect('content-type', /application\/problem\+json/);
    const own = await http(other.coordinatorToken, '').expect(200);
    expect(own.body.totals.students).toBe(0);
    const rep = await http(a.repToken, '');
    expect(rep.status).toBe(403);
    const admin = await http(api.adminToken, `?universityId=${universityId}`).expect(200);
    expect(admin.body.totals.students).toBe(7);
  });

  it('answers a bad format or cohort with 400 problem+json', async () => {
    const bad = await http(coordinator, '?format=xlsx').expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors).toEqual([
      { field: 'format', message: 'format must be json, csv or pdf' },
    ]);
    await http(coordinator, '?cohort=twenty').expect(400);
    await http(coordinator, '?lang=de').expect(400);
    await http(coordinator, '?unknown=1').expect(400);
  });
});
