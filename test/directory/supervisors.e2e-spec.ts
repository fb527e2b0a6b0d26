import { DataSource } from 'typeorm';
import { bearer, createTenant, randomBrin, startApi, Tenant, TestApi, uniq } from '../helpers/api';
import {
  apiKey,
  companyBody,
  companyRepToken,
  createCompany,
  createFoundation,
  foundationStaffToken,
  studentToken,
} from '../helpers/organisations';

function supervisorBody(overrides: Record<string, unknown> = {}) {
  return {
    name: `Begeleider ${uniq()}`,
    email: `sup-${uniq()}@bedrijf.nl`,
    hoursPerWeek: 2.5,
    trained: true,
    ...overrides,
  };
}

describe('workplace supervisors', () => {
  let api: TestApi;
  let tenant: Tenant;
  let companyA: { id: string };
  let companyB: { id: string };
  let repA: string;
  const base = (companyId: string) => `/api/v1/companies/${companyId}/supervisors`;

  beforeAll(async () => {
    api = await startApi();
    tenant = await createTenant(api);
    // Company A is registered by the tenant's coordinator (so they may add its supervisors).
    [companyA, companyB] = await Promise.all([
      createCompany(api, {}, tenant.coordinatorToken),
      createCompany(api),
    ]);
    repA = await companyRepToken(api, companyA.id);
  });
  afterAll(() => api.close());

  it('creates a supervisor (201) with id, version, a lower-cased email and decimal hours', async () => {
    const email = `Jan.${uniq()}@Bedrijf.NL`;
    const res = await api.http
      .post(base(companyA.id))
      .set(bearer(tenant.coordinatorToken))
      .send({ name: ' Jan de Vries ', email, hoursPerWeek: 2.5, trained: false })
      .expect(201);
    expect(res.body).toMatchObject({
      companyId: companyA.id,
      name: 'Jan de Vries',
      email: email.toLowerCase(),
      hoursPerWeek: 2.5,
      trained: false,
      version: 1,
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const fetched = await api.http
      .get(`${base(companyA.id)}/${res.body.id}`)
      .set(bearer(api.adminToken))
      .expect(200);
    expect(fetched.body).toEqual(res.body);
    const [audit] = await api.app
      .get(DataSource)
      .query(
        `SELECT action FROM audit_events WHERE resource_type = 'supervisor' AND resource_id = $1`,
        [res.body.id],
      );
    expect(audit).toEqual({ action: 'created' });
  });

  it('keeps hoursPerWeek within 0 to 40 with at most one decimal (422 naming the field)', async () => {
    for (const hoursPerWeek of [-1, 40.5, 2.25, '8']) {
      const res = await api.http
        .post(base(companyA.id))
        .set(bearer(api.adminToken))
        .send(supervisorBody({ hoursPerWeek }))
        .expect(422);
      expect(res.body.errors.length).toBeGreaterThan(0);
      expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(
        new Set(['hoursPerWeek']),
      );
    }
    await api.http
      .post(base(companyA.id))
      .set(bearer(api.adminToken))
      .send(supervisorBody({ hoursPerWeek: 0 }))
      .expect(201);
    await api.http
      .post(base(companyA.id))
      .set(bearer(api.adminToken))
      .send(supervisorBody({ hoursPerWeek: 40 }))
      .expect(201);
  });

  it('rejects an invalid email (422 naming email) and an unknown field (400)', async () => {
    const bad = await api.http
      .post(base(companyA.id))
      .set(bearer(api.adminToken))
      .send(supervisorBody({ email: 'not-an-email' }))
      .expect(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
    const unknown = await api.http
      .post(base(companyA.id))
      .set(bearer(api.adminToken))
      .send({ ...supervisorBody(), phone: '0612345678' })
      .expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'phone' })]);
    const missing = await api.http
      .post(base(companyA.id))
      .set(bearer(api.adminToken))
      .send({ name: 'Only a name' })
      .expect(422);
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'email',
      'hoursPerWeek',
      'trained',
    ]);
  });

  it('keeps the email unique per company (409), not across companies', async () => {
    const email = `shared-${uniq()}@bedrijf.nl`;
    await api.http
      .post(base(companyA.id))
      .set(bearer(api.adminToken))
      .send(supervisorBody({ email }))
      .expect(201);
    const dup = await api.http
      .post(base(companyA.id))
      .set(bearer(api.adminToken))
      .send(supervisorBody({ email: email.toUpperCase() }))
      .expect(409);
    expect(dup.body.detail).toBe(
      `A supervisor with email address ${email} is already registered at this company.`,
    );
    await api.http
      .post(base(companyB.id))
      .set(bearer(api.adminToken))
      .send(supervisorBody({ email }))
      .expect(201);
  });

  it('lists with a filter and pages with a cursor', async () => {
    const company = await createCompany(api);
    const tag = uniq();
    for (let i = 0; i < 3; i++) {
      await api.http
        .post(base(company.id))
        .set(bearer(api.adminToken))
        .send(supervisorBody({ name: `Paged ${tag} ${i}`, trained: i !== 1 }))
        .expect(201);
    }
    await api.http
      .post(base(company.id))
      .set(bearer(api.adminToken))
      .send(supervisorBody({ name: 'Other' }))
      .expect(201);
    const first = await api.http
      .get(`${base(company.id)}?q=${tag}&limit=2`)
      .set(bearer(api.adminToken))
      .expect(200);
    expect(first.body.data.map((s: { name: string }) => s.name)).toEqual([
      `Paged ${tag} 0`,
      `Paged ${tag} 1`,
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.http
      .get(`${base(company.id)}?q=${tag}&limit=2&cursor=${first.body.nextCursor}`)
      .set(bearer(api.adminToken))
      .expect(200);
    expect(second.body.data.map((s: { name: string }) => s.name)).toEqual([`Paged ${tag} 2`]);
    expect(second.body.nextCursor).toBeNull();
    const untrained = await api.http
      .get(`${base(company.id)}?trained=false`)
      .set(bearer(api.adminToken))
      .expect(200);
    expect(untrained.body.data.map((s: { name: string }) => s.name)).toEqual([`Paged ${tag} 1`]);
    const all = await api.http.get(base(company.id)).set(bearer(api.adminToken)).expect(200);
    expect(all.body.data).toHaveLength(4);
    for (const s of all.body.data) expect(s.companyId).toBe(company.id);
  });

  it('patches with If-Match and answers 409 on a stale version', async () => {
    const created = await api.http
      .post(base(companyA.id))
      .set(bearer(api.adminToken))
      .send(supervisorBody())
      .expect(201);
    const url = `${base(companyA.id)}/${created.body.id}`;
    const updated = await api.http
      .patch(url)
      .set(bearer(repA))
      .set('If-Match', '1')
      .send({ hoursPerWeek: 4, trained: false })
      .expect(200);
    expect(updated.body).toMatchObject({ hoursPerWeek: 4, trained: false, version: 2 });
    const stale = await api.http
      .patch(url)
      .set(bearer(repA))
      .set('If-Match', '1')
      .send({ hoursPerWeek: 6 })
      .expect(409);
    expect(stale.body.currentVersion).toBe(2);
    await api.http.patch(url).set(bearer(repA)).send({ trained: null }).expect(422);
    await api.http.patch(url).set(bearer(repA)).send({ bogus: 1 }).expect(400);
    // The supervisor does not exist under another company's path.
    await api.http
      .get(`${base(companyB.id)}/${created.body.id}`)
      .set(bearer(api.adminToken))
      .expect(404);
    await api.http
      .patch(`${base(companyB.id)}/${created.body.id}`)
      .set(bearer(api.adminToken))
      .send({ hoursPerWeek: 1 })
      .expect(404);
  });

  describe('a company rep', () => {
    it("manages their own company's supervisors and gets 404 for another company's", async () => {
      const own = await api.http
        .post(base(companyA.id))
        .set(bearer(repA))
        .send(supervisorBody())
        .expect(201);
      await api.http
        .get(`${base(companyA.id)}/${own.body.id}`)
        .set(bearer(repA))
        .expect(200);
      const theirs = await api.http
        .post(base(companyB.id))
        .set(bearer(api.adminToken))
        .send(supervisorBody())
        .expect(201);
      await api.http.get(base(companyB.id)).set(bearer(repA)).expect(404);
      await api.http
        .get(`${base(companyB.id)}/${theirs.body.id}`)
        .set(bearer(repA))
        .expect(404);
      await api.http.post(base(companyB.id)).set(bearer(repA)).send(supervisorBody()).expect(404);
      await api.http
        .patch(`${base(companyB.id)}/${theirs.body.id}`)
        .set(bearer(repA))
        .send({ hoursPerWeek: 1 })
        .expect(404);
      await api.http.get(`/api/v1/companies/${companyB.id}`).set(bearer(repA)).expect(404);
    });

    it('cannot create a company (403) or a university (403), and sees no university (404)', async () => {
      await api.http.post('/api/v1/companies').set(bearer(repA)).send(companyBody()).expect(403);
      await api.http
        .post('/api/v1/universities')
        .set(bearer(repA))
        .send({ name: 'Nope', brinCode: randomBrin() })
        .expect(403);
      await api.http
        .get(`/api/v1/universities/${tenant.universityId}`)
        .set(bearer(repA))
        .expect(404);
    });
  });

  it('lets foundation staff read supervisors but not add or edit them (403)', async () => {
    const foundation = await createFoundation(api);
    const staff = await foundationStaffToken(api, foundation.id);
    const created = await api.http
      .post(base(companyB.id))
      .set(bearer(api.adminToken))
      .send(supervisorBody())
      .expect(201);
    await api.http.get(base(companyB.id)).set(bearer(staff)).expect(200);
    await api.http
      .get(`${base(companyB.id)}/${created.body.id}`)
      .set(bearer(staff))
      .expect(200);
    await api.http.post(base(companyB.id)).set(bearer(staff)).send(supervisorBody()).expect(403);
    await api.http
      .patch(`${base(companyB.id)}/${created.body.id}`)
      .set(bearer(staff))
      .send({ trained: false })
      .expect(403);
  });

  it('shows a student and an integration no supervisors (404), and requires a credential (401)', async () => {
    const student = await studentToken(api, tenant.universityId);
    await api.http.get(base(companyA.id)).set(bearer(student)).expect(404);
    await api.http.post(base(companyA.id)).set(bearer(student)).send(supervisorBody()).expect(404);
    const key = await apiKey(api, tenant.coordinatorToken, tenant.universityId);
    await api.http.get(base(companyA.id)).set('X-Api-Key', key).expect(404);
    await api.http.get(`/api/v1/companies/${companyA.id}`).set('X-Api-Key', key).expect(404);
    await api.http.get(base(companyA.id)).expect(401);
    await api.http.post(base(companyA.id)).send(supervisorBody()).expect(401);
  });
});
