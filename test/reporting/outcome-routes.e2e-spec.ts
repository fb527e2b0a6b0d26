import { bearer, createTenant, startApi, TestApi, userToken } from '../helpers/api';
import { createSupervisor, termsBody } from '../helpers/agreements';
import { createProgramme, createRoute, createStudent } from '../helpers/directory';
import { companyRepToken, createCompany } from '../helpers/organisations';

/**
 * Issue 12: a student's route is the agreement's route, else the programme's only route. An
 * agreement may name a route of the student's programme (POST and the draft PATCH), and the
 * outcome report counts the student under it.
 */
describe('reports: outcomes by the route the agreement names', () => {
  let api: TestApi;
  let coordinator: string;
  let universityId: string;
  let programmeId: string;
  let first: { id: string; name: string };
  let second: { id: string; name: string };
  let elsewhere: string;
  let employer: { companyId: string; repToken: string; supervisorId: string };

  async function student() {
    const s = await createStudent(api, coordinator, universityId, programmeId, { cohort: 2025 });
    return {
      id: s.id,
      token: await userToken(api, api.adminToken, { role: 'student', studentId: s.id }),
    };
  }

  const draft = (studentId: string, extra: Record<string, unknown> = {}) =>
    api.http
      .post('/api/v1/agreements')
      .set(bearer(coordinator))
      .send({
        studentId,
        employer: { type: 'company', id: employer.companyId },
        language: 'nl',
        terms: termsBody(employer.supervisorId),
        ...extra,
      });

  const patch = (id: string, body: object) =>
    api.http.patch(`/api/v1/agreements/${id}`).set(bearer(coordinator)).send(body);

  /** Submits the draft and has all three parties sign it: it comes into force. */
  async function bringIntoForce(id: string, studentToken: string) {
    const submitted = await api.http
      .post(`/api/v1/agreements/${id}/submit`)
      .set(bearer(coordinator));
    expect(submitted.status).toBe(200);
    for (const token of [studentToken, employer.repToken, coordinator]) {
      const signed = await api.http
        .post(`/api/v1/agreements/${id}/signatures`)
        .set(bearer(token))
        .send({ contentHash: submitted.body.currentVersion.contentHash });
      expect(signed.status).toBe(201);
    }
  }

  beforeAll(async () => {
    api = await startApi();
    const tenant = await createTenant(api);
    coordinator = tenant.coordinatorToken;
    universityId = tenant.universityId;
    programmeId = (await createProgramme(api, coordinator, universityId)).id;
    const r1 = await createRoute(api, coordinator, programmeId);
    const r2 = await createRoute(api, coordinator, programmeId);
    first = { id: r1.id, name: r1.name as string };
    second = { id: r2.id, name: r2.name as string };
    const otherProgramme = (await createProgramme(api, coordinator, universityId)).id;
    elsewhere = (await createRoute(api, coordinator, otherProgramme)).id;
    const company = await createCompany(api);
    employer = {
      companyId: company.id,
      repToken: await companyRepToken(api, company.id),
      supervisorId: await createSupervisor(api, company.id),
    };
  }, 60_000);
  afterAll(() => api.close());

  it('refuses a route of another programme, or an unknown one, with 422 naming routeId', async () => {
    const s = await student();
    for (const routeId of [elsewhere, '0190d5b4-0000-7000-8000-000000000000']) {
      const res = await draft(s.id, { routeId }).expect(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual([
        { field: 'routeId', message: "is not a route of the student's programme" },
      ]);
    }
    const created = await draft(s.id).expect(201);
    expect(created.body.routeId).toBeNull();
    const res = await patch(created.body.id, { routeId: elsewhere }).expect(422);
    expect(res.body.errors).toEqual([
      { field: 'routeId', message: "is not a route of the student's programme" },
    ]);
    const unchanged = await api.http
      .get(`/api/v1/agreements/${created.body.id}`)
      .set(bearer(coordinator))
      .expect(200);
    expect(unchanged.body.routeId).toBeNull();
  });

  it('counts each student under the route their agreement names, else under no route', async () => {
    // Named when drafting.
    const named = await student();
    const created = await draft(named.id, { routeId: first.id }).expect(201);
    expect(created.body.routeId).toBe(first.id);
    await bringIntoForce(created.body.id, named.token);
    // Named by editing the draft (and cleared again by null, then named once more).
    const edited = await student();
    const drafted = await draft(edited.id).expect(201);
    expect((await patch(drafted.body.id, { routeId: second.id }).expect(200)).body.routeId).toBe(
      second.id,
    );
    expect((await patch(drafted.body.id, { routeId: null }).expect(200)).body.routeId).toBeNull();
    await patch(drafted.body.id, { routeId: second.id }).expect(200);
    await bringIntoForce(drafted.body.id, edited.token);
    // No route named, and the programme has two: the student has no route.
    const unnamed = await student();
    await bringIntoForce((await draft(unnamed.id).expect(201)).body.id, unnamed.token);

    const report = await api.http
      .get('/api/v1/reports/outcomes')
      .set(bearer(coordinator))
      .expect(200);
    const rows = report.body.rows as { routeId: string | null; routeName: string | null }[];
    const byRoute = (id: string | null) => rows.find((r) => r.routeId === id);
    expect(byRoute(first.id)).toMatchObject({ routeName: first.name, students: 1, inProgress: 1 });
    expect(byRoute(second.id)).toMatchObject({
      routeName: second.name,
      students: 1,
      inProgress: 1,
    });
    expect(byRoute(null)).toMatchObject({ routeName: null, students: 1 });
    expect(rows).toHaveLength(3);
    const filtered = await api.http
      .get(`/api/v1/reports/outcomes?routeId=${second.id}`)
      .set(bearer(coordinator))
      .expect(200);
    expect(filtered.body.totals.students).toBe(1);
    expect(filtered.body.rows).toEqual([expect.objectContaining({ routeId: second.id })]);
  });
});
