import { bearer, createTenant, randomBrin, startApi, Tenant, TestApi, uniq } from '../helpers/api';

describe('universities', () => {
  let api: TestApi;
  let tenantA: Tenant;
  let tenantB: Tenant;

  beforeAll(async () => {
    api = await startApi();
    [tenantA, tenantB] = await Promise.all([createTenant(api), createTenant(api)]);
  });
  afterAll(() => api.close());

  it('creates a university (admin) and normalises the BRIN code', async () => {
    const brin = randomBrin();
    const res = await api.http
      .post('/api/v1/universities')
      .set(bearer(api.adminToken))
      .send({ name: 'Hogeschool Test', brinCode: brin.toLowerCase(), city: 'Utrecht' })
      .expect(201);
    expect(res.body).toMatchObject({ name: 'Hogeschool Test', brinCode: brin, city: 'Utrecht', version: 1 });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects an invalid BRIN code naming the field', async () => {
    const res = await api.http
      .post('/api/v1/universities')
      .set(bearer(api.adminToken))
      .send({ name: 'Bad', brinCode: '12' })
      .expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'brinCode' })]);
  });

  it('rejects an unknown field with 400', async () => {
    const res = await api.http
      .post('/api/v1/universities')
      .set(bearer(api.adminToken))
      .send({ name: 'Hogeschool X', brinCode: randomBrin(), bogus: true })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'bogus' })]);
  });

  it('refuses an explicit null for a required field with 422, not 500', async () => {
    const res = await api.http
      .patch(`/api/v1/universities/${tenantA.universityId}`)
      .set(bearer(api.adminToken))
      .send({ name: null })
      .expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('refuses a duplicate BRIN code with 409', async () => {
    const brin = randomBrin();
    await api.http.post('/api/v1/universities').set(bearer(api.adminToken)).send({ name: 'One', brinCode: brin }).expect(201);
    await api.http.post('/api/v1/universities').set(bearer(api.adminToken)).send({ name: 'Two', brinCode: brin }).expect(409);
  });

  it('requires a credential (401) and the admin role to create (403)', async () => {
    await api.http.get('/api/v1/universities').expect(401);
    await api.http.get('/api/v1/universities').set(bearer('not-a-token')).expect(401);
    const res = await api.http
      .post('/api/v1/universities')
      .set(bearer(tenantA.coordinatorToken))
      .send({ name: 'Nope', brinCode: randomBrin() })
      .expect(403);
    expect(res.body.status).toBe(403);
  });

  it('scopes a coordinator to their own university (other is 404)', async () => {
    await api.http.get(`/api/v1/universities/${tenantA.universityId}`).set(bearer(tenantA.coordinatorToken)).expect(200);
    await api.http.get(`/api/v1/universities/${tenantB.universityId}`).set(bearer(tenantA.coordinatorToken)).expect(404);
    await api.http
      .patch(`/api/v1/universities/${tenantB.universityId}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ city: 'Elsewhere' })
      .expect(404);
    const list = await api.http.get('/api/v1/universities').set(bearer(tenantA.coordinatorToken)).expect(200);
    expect(list.body.data.map((u: { id: string }) => u.id)).toEqual([tenantA.universityId]);
  });

  it('lists with a filter and pages with a cursor', async () => {
    const tag = uniq();
    for (let i = 0; i < 3; i++) {
      await api.http
        .post('/api/v1/universities')
        .set(bearer(api.adminToken))
        .send({ name: `Paged ${tag} ${i}`, brinCode: randomBrin() })
        .expect(201);
    }
    const first = await api.http.get(`/api/v1/universities?q=${tag}&limit=2`).set(bearer(api.adminToken)).expect(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.http
      .get(`/api/v1/universities?q=${tag}&limit=2&cursor=${first.body.nextCursor}`)
      .set(bearer(api.adminToken))
      .expect(200);
    expect(second.body.data).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.data[0].name).toBe(`Paged ${tag} 2`);
    await api.http.get('/api/v1/universities?limit=500').set(bearer(api.adminToken)).expect(422);
    await api.http.get('/api/v1/universities?cursor=garbage').set(bearer(api.adminToken)).expect(400);
  });

  it('patches with If-Match and answers 409 on a stale version', async () => {
    const id = tenantA.universityId;
    const current = await api.http.get(`/api/v1/universities/${id}`).set(bearer(api.adminToken)).expect(200);
    const updated = await api.http
      .patch(`/api/v1/universities/${id}`)
      .set(bearer(tenantA.coordinatorToken))
      .set('If-Match', String(current.body.version))
      .send({ city: 'Breda' })
      .expect(200);
    expect(updated.body).toMatchObject({ city: 'Breda', version: current.body.version + 1 });
    const stale = await api.http
      .patch(`/api/v1/universities/${id}`)
      .set(bearer(tenantA.coordinatorToken))
      .set('If-Match', String(current.body.version))
      .send({ city: 'Tilburg' })
      .expect(409);
    expect(stale.body.currentVersion).toBe(current.body.version + 1);
  });
});
