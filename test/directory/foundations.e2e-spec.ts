import { DataSource } from 'typeorm';
import {
  bearer,
  createTenant,
  randomBrin,
  randomKvk,
  startApi,
  Tenant,
  TestApi,
  uniq,
} from '../helpers/api';
import {
  apiKey,
  companyBody,
  companyRepToken,
  createCompany,
  createFoundation,
  foundationBody,
  foundationStaffToken,
  studentToken,
} from '../helpers/organisations';

describe('foundations', () => {
  let api: TestApi;
  let tenant: Tenant;
  let foundationA: { id: string; version: number };
  let foundationB: { id: string; version: number };
  let staffA: string;
  let company: { id: string };
  let rep: string;

  beforeAll(async () => {
    api = await startApi();
    tenant = await createTenant(api);
    [foundationA, foundationB, company] = await Promise.all([
      createFoundation(api),
      createFoundation(api),
      createCompany(api),
    ]);
    [staffA, rep] = await Promise.all([
      foundationStaffToken(api, foundationA.id),
      companyRepToken(api, company.id),
    ]);
  });
  afterAll(() => api.close());

  it('creates a foundation (201) with id and version', async () => {
    const kvk = randomKvk();
    const res = await api.http
      .post('/api/v1/foundations')
      .set(bearer(tenant.coordinatorToken))
      .send({ name: ' Stichting Bouwtalent Zuid ', kvkNumber: kvk, region: 'Noord-Brabant' })
      .expect(201);
    expect(res.body).toMatchObject({
      name: 'Stichting Bouwtalent Zuid',
      kvkNumber: kvk,
      region: 'Noord-Brabant',
      version: 1,
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const fetched = await api.http
      .get(`/api/v1/foundations/${res.body.id}`)
      .set(bearer(staffA))
      .expect(200);
    expect(fetched.body).toEqual(res.body);
    const [audit] = await api.app
      .get(DataSource)
      .query(
        `SELECT action FROM audit_events WHERE resource_type = 'foundation' AND resource_id = $1`,
        [res.body.id],
      );
    expect(audit).toEqual({ action: 'created' });
  });

  it('rejects an invalid KvK number (422 naming kvkNumber), a duplicate one (409) and an unknown field (400)', async () => {
    const invalid = await api.http
      .post('/api/v1/foundations')
      .set(bearer(api.adminToken))
      .send(foundationBody({ kvkNumber: '1234' }))
      .expect(422);
    expect(invalid.body.errors).toEqual([
      {
        field: 'kvkNumber',
        message: expect.stringMatching(/8-digit Chamber of Commerce \(KvK\) number/),
      },
    ]);
    const body = foundationBody();
    await api.http.post('/api/v1/foundations').set(bearer(api.adminToken)).send(body).expect(201);
    const dup = await api.http
      .post('/api/v1/foundations')
      .set(bearer(api.adminToken))
      .send(body)
      .expect(409);
    expect(dup.body.detail).toBe(
      `A foundation with KvK number ${body.kvkNumber} is already registered.`,
    );
    const unknown = await api.http
      .post('/api/v1/foundations')
      .set(bearer(api.adminToken))
      .send({ ...foundationBody(), sector: 'bouw' })
      .expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'sector' })]);
  });

  it('lists with filters and pages with a cursor', async () => {
    const tag = uniq();
    const region = `Regio ${tag}`;
    const created = [];
    for (let i = 0; i < 3; i++)
      created.push(await createFoundation(api, { name: `Paged ${tag} ${i}`, region }));
    await createFoundation(api, { name: `Paged ${tag} elsewhere`, region: 'Limburg' });
    const first = await api.http
      .get(`/api/v1/foundations?region=${encodeURIComponent(region.toUpperCase())}&limit=2`)
      .set(bearer(staffA))
      .expect(200);
    expect(first.body.data.map((f: { name: string }) => f.name)).toEqual([
      `Paged ${tag} 0`,
      `Paged ${tag} 1`,
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.http
      .get(
        `/api/v1/foundations?region=${encodeURIComponent(region)}&limit=2&cursor=${first.body.nextCursor}`,
      )
      .set(bearer(staffA))
      .expect(200);
    expect(second.body.data.map((f: { name: string }) => f.name)).toEqual([`Paged ${tag} 2`]);
    expect(second.body.nextCursor).toBeNull();
    const byQ = await api.http
      .get(`/api/v1/foundations?q=${tag}`)
      .set(bearer(tenant.coordinatorToken))
      .expect(200);
    expect(byQ.body.data).toHaveLength(4);
    const byKvk = await api.http
      .get(`/api/v1/foundations?kvkNumber=${created[1].kvkNumber}`)
      .set(bearer(api.adminToken))
      .expect(200);
    expect(byKvk.body.data.map((f: { id: string }) => f.id)).toEqual([created[1].id]);
  });

  it('patches with If-Match and answers 409 on a stale version', async () => {
    const foundation = await createFoundation(api, {}, tenant.coordinatorToken);
    const updated = await api.http
      .patch(`/api/v1/foundations/${foundation.id}`)
      .set(bearer(tenant.coordinatorToken))
      .set('If-Match', String(foundation.version))
      .send({ region: 'Zeeland' })
      .expect(200);
    expect(updated.body).toMatchObject({ region: 'Zeeland', version: foundation.version + 1 });
    const stale = await api.http
      .patch(`/api/v1/foundations/${foundation.id}`)
      .set(bearer(tenant.coordinatorToken))
      .set('If-Match', String(foundation.version))
      .send({ region: 'Utrecht' })
      .expect(409);
    expect(stale.body.currentVersion).toBe(foundation.version + 1);
    await api.http
      .patch(`/api/v1/foundations/${foundation.id}`)
      .set(bearer(api.adminToken))
      .send({ region: null })
      .expect(422);
    await api.http
      .patch(`/api/v1/foundations/${foundation.id}`)
      .set(bearer(api.adminToken))
      .send({ kvkNumber: 'abc' })
      .expect(422);
  });

  it('lets foundation staff edit their own foundation; another foundation they can read is 403', async () => {
    const own = await api.http
      .patch(`/api/v1/foundations/${foundationA.id}`)
      .set(bearer(staffA))
      .send({ name: `Stichting A ${uniq()}` })
      .expect(200);
    expect(own.body.name).toMatch(/^Stichting A /);
    await api.http.get(`/api/v1/foundations/${foundationB.id}`).set(bearer(staffA)).expect(200);
    await api.http
      .patch(`/api/v1/foundations/${foundationB.id}`)
      .set(bearer(staffA))
      .send({ region: 'Nope' })
      .expect(403);
    await api.http
      .post('/api/v1/foundations')
      .set(bearer(staffA))
      .send(foundationBody())
      .expect(403);
    const b = await api.http
      .get(`/api/v1/foundations/${foundationB.id}`)
      .set(bearer(api.adminToken))
      .expect(200);
    expect(b.body.region).toBe('Noord-Brabant');
  });

  describe('a company rep', () => {
    it('sees no foundation (404) and cannot create one (403)', async () => {
      await api.http.get(`/api/v1/foundations/${foundationA.id}`).set(bearer(rep)).expect(404);
      await api.http
        .patch(`/api/v1/foundations/${foundationA.id}`)
        .set(bearer(rep))
        .send({ region: 'X' })
        .expect(404);
      await api.http
        .get(`/api/v1/foundations/${foundationA.id}/members`)
        .set(bearer(rep))
        .expect(404);
      await api.http
        .post('/api/v1/foundations')
        .set(bearer(rep))
        .send(foundationBody())
        .expect(403);
      const list = await api.http.get('/api/v1/foundations').set(bearer(rep)).expect(200);
      expect(list.body.data).toEqual([]);
    });

    it('cannot create a company or a university (403), nor read another company or a university (404)', async () => {
      const other = await createCompany(api);
      await api.http.post('/api/v1/companies').set(bearer(rep)).send(companyBody()).expect(403);
      await api.http
        .post('/api/v1/universities')
        .set(bearer(rep))
        .send({ name: 'Nope', brinCode: randomBrin() })
        .expect(403);
      await api.http.get(`/api/v1/companies/${other.id}`).set(bearer(rep)).expect(404);
      await api.http
        .get(`/api/v1/universities/${tenant.universityId}`)
        .set(bearer(rep))
        .expect(404);
    });
  });

  it('shows a student and an integration no foundation (404), and requires a credential (401)', async () => {
    const student = await studentToken(api, tenant.universityId);
    await api.http.get(`/api/v1/foundations/${foundationA.id}`).set(bearer(student)).expect(404);
    await api.http.get(`/api/v1/companies/${company.id}`).set(bearer(student)).expect(404);
    const key = await apiKey(api, tenant.coordinatorToken, tenant.universityId);
    await api.http.get(`/api/v1/foundations/${foundationA.id}`).set('X-Api-Key', key).expect(404);
    await api.http.get(`/api/v1/companies/${company.id}`).set('X-Api-Key', key).expect(404);
    await api.http.get('/api/v1/foundations').expect(401);
    await api.http.post('/api/v1/foundations').send(foundationBody()).expect(401);
    await api.http.get(`/api/v1/foundations/${foundationA.id}/members`).expect(401);
  });

  describe('members', () => {
    const members = (foundationId: string) => `/api/v1/foundations/${foundationId}/members`;

    it('adds companies (201), idempotently for companies that already are members', async () => {
      const foundation = await createFoundation(api, {}, tenant.coordinatorToken);
      const [c1, c2, c3] = await Promise.all([
        createCompany(api),
        createCompany(api),
        createCompany(api),
      ]);
      const first = await api.http
        .post(members(foundation.id))
        .set(bearer(tenant.coordinatorToken))
        .send({ companyIds: [c1.id, c2.id, c1.id] })
        .expect(201);
      expect(first.body.added).toEqual([c1.id, c2.id]);
      expect(first.body.data).toEqual([
        expect.objectContaining({
          foundationId: foundation.id,
          companyId: c1.id,
          joinedAt: expect.any(String),
        }),
        expect.objectContaining({
          foundationId: foundation.id,
          companyId: c2.id,
          joinedAt: expect.any(String),
        }),
      ]);
      expect(first.body.data[0].company).toMatchObject({
        id: c1.id,
        kvkNumber: c1.kvkNumber,
        isSme: true,
      });

      const again = await api.http
        .post(members(foundation.id))
        .set(bearer(tenant.coordinatorToken))
        .send({ companyIds: [c2.id, c3.id] })
        .expect(201);
      expect(again.body.added).toEqual([c3.id]);
      expect(again.body.data.map((m: { companyId: string }) => m.companyId)).toEqual([
        c2.id,
        c3.id,
      ]);
      // An existing member keeps the date it joined.
      expect(again.body.data[0].joinedAt).toBe(first.body.data[1].joinedAt);

      const list = await api.http
        .get(members(foundation.id))
        .set(bearer(api.adminToken))
        .expect(200);
      expect(list.body.data.map((m: { companyId: string }) => m.companyId).sort()).toEqual(
        [c1.id, c2.id, c3.id].sort(),
      );
      const audit = await api.app
        .get(DataSource)
        .query(
          `SELECT data FROM audit_events WHERE resource_type = 'foundation' AND resource_id = $1 AND action = 'members_added' ORDER BY id`,
          [foundation.id],
        );
      expect(audit.map((a: { data: { companyIds: string[] } }) => a.data.companyIds)).toEqual([
        [c1.id, c2.id],
        [c3.id],
      ]);
    });

    it('refuses ids that name no company (422 naming companyIds[i]) and adds nothing', async () => {
      const foundation = await createFoundation(api);
      const known = await createCompany(api);
      const missing = '0190a5b0-0000-7000-8000-000000000000';
      const res = await api.http
        .post(members(foundation.id))
        .set(bearer(api.adminToken))
        .send({ companyIds: [known.id, missing] })
        .expect(422);
      expect(res.body.errors).toEqual([
        { field: 'companyIds[1]', message: expect.stringContaining(missing) },
      ]);
      const malformed = await api.http
        .post(members(foundation.id))
        .set(bearer(api.adminToken))
        .send({ companyIds: ['nope', known.id] })
        .expect(422);
      expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'companyIds[0]' })]);
      const list = await api.http
        .get(members(foundation.id))
        .set(bearer(api.adminToken))
        .expect(200);
      expect(list.body.data).toEqual([]);

      const empty = await api.http
        .post(members(foundation.id))
        .set(bearer(api.adminToken))
        .send({ companyIds: [] })
        .expect(422);
      expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'companyIds' })]);
      const tooMany = Array.from({ length: 501 }, () => known.id);
      const big = await api.http
        .post(members(foundation.id))
        .set(bearer(api.adminToken))
        .send({ companyIds: tooMany })
        .expect(422);
      expect(big.body.errors).toEqual([
        { field: 'companyIds', message: expect.stringMatching(/at most 500/) },
      ]);
      await api.http
        .post(members(foundation.id))
        .set(bearer(api.adminToken))
        .send({ companyIds: known.id })
        .expect(400);
      await api.http
        .post(members(foundation.id))
        .set(bearer(api.adminToken))
        .send({ companyIds: [known.id], extra: true })
        .expect(400);
    });

    it('lists members with a filter and pages with a cursor', async () => {
      const foundation = await createFoundation(api);
      const tag = uniq();
      const companies = [];
      for (let i = 0; i < 3; i++)
        companies.push(await createCompany(api, { name: `Member ${tag} ${i}` }));
      const outsider = await createCompany(api, { name: `Other ${uniq()}` });
      await api.http
        .post(members(foundation.id))
        .set(bearer(api.adminToken))
        .send({ companyIds: [...companies.map((c) => c.id), outsider.id] })
        .expect(201);
      const first = await api.http
        .get(`${members(foundation.id)}?q=${tag}&limit=2`)
        .set(bearer(staffA))
        .expect(200);
      expect(first.body.data.map((m: { company: { name: string } }) => m.company.name)).toEqual([
        `Member ${tag} 0`,
        `Member ${tag} 1`,
      ]);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await api.http
        .get(`${members(foundation.id)}?q=${tag}&limit=2&cursor=${first.body.nextCursor}`)
        .set(bearer(staffA))
        .expect(200);
      expect(second.body.data.map((m: { companyId: string }) => m.companyId)).toEqual([
        companies[2].id,
      ]);
      expect(second.body.nextCursor).toBeNull();
      await api.http
        .get(`${members(foundation.id)}?cursor=garbage`)
        .set(bearer(staffA))
        .expect(400);
    });

    it('removes a member (204); removing a non-member is 404', async () => {
      const foundation = await createFoundation(api, {}, tenant.coordinatorToken);
      const [c1, c2] = await Promise.all([createCompany(api), createCompany(api)]);
      await api.http
        .post(members(foundation.id))
        .set(bearer(api.adminToken))
        .send({ companyIds: [c1.id, c2.id] })
        .expect(201);
      await api.http
        .delete(`${members(foundation.id)}/${c1.id}`)
        .set(bearer(tenant.coordinatorToken))
        .expect(204);
      await api.http
        .delete(`${members(foundation.id)}/${c1.id}`)
        .set(bearer(tenant.coordinatorToken))
        .expect(404);
      const list = await api.http
        .get(members(foundation.id))
        .set(bearer(api.adminToken))
        .expect(200);
      expect(list.body.data.map((m: { companyId: string }) => m.companyId)).toEqual([c2.id]);
    });

    it("lets a foundation's own staff manage its members; other staff get 403, others 404", async () => {
      const c = await createCompany(api);
      await api.http
        .post(members(foundationA.id))
        .set(bearer(staffA))
        .send({ companyIds: [c.id] })
        .expect(201);
      await api.http
        .post(members(foundationB.id))
        .set(bearer(staffA))
        .send({ companyIds: [c.id] })
        .expect(403);
      await api.http.get(members(foundationB.id)).set(bearer(staffA)).expect(200);
      await api.http
        .post(members(foundationA.id))
        .set(bearer(rep))
        .send({ companyIds: [c.id] })
        .expect(404);
      await api.http
        .delete(`${members(foundationA.id)}/${c.id}`)
        .set(bearer(rep))
        .expect(404);
      await api.http
        .post(members(foundationA.id))
        .send({ companyIds: [c.id] })
        .expect(401);
      await api.http
        .delete(`${members(foundationA.id)}/${c.id}`)
        .set(bearer(staffA))
        .expect(204);
    });
  });
});
