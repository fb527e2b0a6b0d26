import { DataSource } from 'typeorm';
import { bearer, createTenant, startApi, Tenant, TestApi, uniq } from '../helpers/api';
import {
  apiKeyHeader,
  companyRepToken,
  createApiKey,
  createSectorAssociation,
} from '../helpers/directory';

describe('sector associations', () => {
  let api: TestApi;
  let tenantA: Tenant;
  let tenantB: Tenant;

  beforeAll(async () => {
    api = await startApi();
    [tenantA, tenantB] = await Promise.all([createTenant(api), createTenant(api)]);
  });
  afterAll(() => api.close());

  it('creates a sector association (coordinator) answering 201 with id and version, and audits it', async () => {
    const name = `Bouwend Nederland ${uniq()}`;
    const res = await api.http
      .post('/api/v1/sector-associations')
      .set(bearer(tenantA.coordinatorToken))
      .send({
        name: `  ${name} `,
        sector: 'construction',
        website: 'https://www.bouwendnederland.nl',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      name,
      sector: 'construction',
      website: 'https://www.bouwendnederland.nl',
      version: 1,
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const audit = await api.app
      .get(DataSource)
      .query(
        `SELECT action FROM audit_events WHERE resource_type = 'sector_association' AND resource_id = $1`,
        [res.body.id],
      );
    expect(audit).toEqual([{ action: 'created' }]);
  });

  it('refuses an unknown field (400) and a bad website (422 naming it)', async () => {
    const unknown = await api.http
      .post('/api/v1/sector-associations')
      .set(bearer(api.adminToken))
      .send({ name: `TLN ${uniq()}`, members: 5000 })
      .expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'members' })]);
    const website = await api.http
      .post('/api/v1/sector-associations')
      .set(bearer(api.adminToken))
      .send({ name: `TLN ${uniq()}`, website: 'tln.nl' })
      .expect(422);
    expect(website.body.errors).toEqual([expect.objectContaining({ field: 'website' })]);
  });

  it('refuses a duplicate name with 409, also when only the case differs', async () => {
    const existing = await createSectorAssociation(api, api.adminToken, {
      name: `Metaalunie ${uniq()}`,
    });
    const exact = await api.http
      .post('/api/v1/sector-associations')
      .set(bearer(tenantA.coordinatorToken))
      .send({ name: existing.name })
      .expect(409);
    expect(exact.body.detail).toBe(`A sector association named "${existing.name}" already exists.`);
    await api.http
      .post('/api/v1/sector-associations')
      .set(bearer(tenantA.coordinatorToken))
      .send({ name: (existing.name as string).toUpperCase() })
      .expect(409);
  });

  it('only admins and coordinators write (company rep and API key 403); no credential is 401', async () => {
    const repToken = await companyRepToken(api);
    await api.http
      .post('/api/v1/sector-associations')
      .set(bearer(repToken))
      .send({ name: `Rep's own ${uniq()}` })
      .expect(403);
    const key = await createApiKey(api, tenantA.coordinatorToken, tenantA.universityId);
    await api.http
      .post('/api/v1/sector-associations')
      .set(apiKeyHeader(key))
      .send({ name: `Integration's own ${uniq()}` })
      .expect(403);
    const existing = await createSectorAssociation(api);
    await api.http
      .patch(`/api/v1/sector-associations/${existing.id}`)
      .set(bearer(repToken))
      .send({ sector: 'x' })
      .expect(403);
    await api.http.get('/api/v1/sector-associations').expect(401);
    await api.http.get(`/api/v1/sector-associations/${existing.id}`).expect(401);
    await api.http
      .post('/api/v1/sector-associations')
      .send({ name: `Anonymous ${uniq()}` })
      .expect(401);
  });

  it('is shared reference data: every university, API key and company rep reads it', async () => {
    const created = await createSectorAssociation(api, tenantA.coordinatorToken);
    const keyB = await createApiKey(api, tenantB.coordinatorToken, tenantB.universityId);
    const repToken = await companyRepToken(api);
    for (const headers of [
      bearer(tenantB.coordinatorToken),
      apiKeyHeader(keyB),
      bearer(repToken),
    ]) {
      const res = await api.http
        .get(`/api/v1/sector-associations/${created.id}`)
        .set(headers)
        .expect(200);
      expect(res.body).toEqual(created);
    }
    await api.http
      .get('/api/v1/sector-associations/018f0000-0000-7000-8000-000000000000')
      .set(bearer(repToken))
      .expect(404);
  });

  it('lists with filters and pages with a cursor', async () => {
    const tag = uniq();
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(
        await createSectorAssociation(api, api.adminToken, {
          name: `Branche ${tag} ${i}`,
          sector: `logistics-${tag}`,
        }),
      );
    }
    await createSectorAssociation(api, api.adminToken, {
      name: `Branche ${tag} other`,
      sector: 'maritime',
    });
    const first = await api.http
      .get(`/api/v1/sector-associations?q=${tag}&sector=LOGISTICS-${tag}&limit=2`)
      .set(bearer(tenantA.coordinatorToken))
      .expect(200);
    expect(first.body.data.map((s: { id: string }) => s.id)).toEqual([
      created[0].id,
      created[1].id,
    ]);
    const second = await api.http
      .get(
        `/api/v1/sector-associations?q=${tag}&sector=logistics-${tag}&limit=2&cursor=${first.body.nextCursor}`,
      )
      .set(bearer(tenantA.coordinatorToken))
      .expect(200);
    expect(second.body.data.map((s: { id: string }) => s.id)).toEqual([created[2].id]);
    expect(second.body.nextCursor).toBeNull();
    const byName = await api.http
      .get(`/api/v1/sector-associations?q=${tag}`)
      .set(bearer(api.adminToken))
      .expect(200);
    expect(byName.body.data).toHaveLength(4);
  });

  it('gets and patches with If-Match, answering 409 on a stale version', async () => {
    const created = await createSectorAssociation(api, tenantA.coordinatorToken, {
      website: 'https://example.nl',
    });
    const got = await api.http
      .get(`/api/v1/sector-associations/${created.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .expect(200);
    expect(got.body).toEqual(created);
    const updated = await api.http
      .patch(`/api/v1/sector-associations/${created.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .set('If-Match', '1')
      .send({ sector: 'installation', website: null })
      .expect(200);
    expect(updated.body).toMatchObject({
      sector: 'installation',
      website: null,
      version: 2,
      name: created.name,
    });
    const stale = await api.http
      .patch(`/api/v1/sector-associations/${created.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .set('If-Match', '1')
      .send({ sector: 'construction' })
      .expect(409);
    expect(stale.body.currentVersion).toBe(2);
    const other = await createSectorAssociation(api);
    await api.http
      .patch(`/api/v1/sector-associations/${created.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ name: other.name })
      .expect(409);
    await api.http
      .patch(`/api/v1/sector-associations/${created.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ name: null })
      .expect(422);
    await api.http
      .patch('/api/v1/sector-associations/018f0000-0000-7000-8000-000000000000')
      .set(bearer(tenantA.coordinatorToken))
      .send({ sector: 'x' })
      .expect(404);
  });
});
