import { DataSource } from 'typeorm';
import { bearer, createTenant, startApi, Tenant, TestApi } from '../helpers/api';
import {
  apiKeyHeader,
  companyRepToken,
  createApiKey,
  createProgramme,
  createRoute,
  createSectorAssociation,
  Created,
} from '../helpers/directory';

const sorted = (ids: string[]) => [...ids].sort();

describe('routes', () => {
  let api: TestApi;
  let tenantA: Tenant;
  let tenantB: Tenant;
  let programmeA: Created;
  let programmeB: Created;
  let partners: Created[];

  beforeAll(async () => {
    api = await startApi();
    [tenantA, tenantB] = await Promise.all([createTenant(api), createTenant(api)]);
    programmeA = await createProgramme(api, tenantA.coordinatorToken, tenantA.universityId);
    programmeB = await createProgramme(api, tenantB.coordinatorToken, tenantB.universityId);
    partners = [
      await createSectorAssociation(api),
      await createSectorAssociation(api),
      await createSectorAssociation(api),
    ];
  });
  afterAll(() => api.close());

  it('creates a route (201 with id and version) that takes its university from the programme', async () => {
    const res = await api.http
      .post('/api/v1/routes')
      .set(bearer(tenantA.coordinatorToken))
      .send({
        programmeId: programmeA.id,
        name: 'Mkb-route Bouwkunde',
        phase: 'pilot',
        sectorAssociationIds: [partners[1].id, partners[0].id],
      })
      .expect(201);
    expect(res.body).toMatchObject({
      programmeId: programmeA.id,
      universityId: tenantA.universityId,
      name: 'Mkb-route Bouwkunde',
      phase: 'pilot',
      sectorAssociationIds: sorted([partners[0].id, partners[1].id]),
      version: 1,
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const rows = await api.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM route_sector_associations WHERE route_id = $1', [
        res.body.id,
      ]);
    expect(rows[0].n).toBe(2);
    const audit = await api.app
      .get(DataSource)
      .query(`SELECT action FROM audit_events WHERE resource_type = 'route' AND resource_id = $1`, [
        res.body.id,
      ]);
    expect(audit).toEqual([{ action: 'created' }]);
  });

  it("answers 422 'programmeId: does not exist' for another university's programme, never leaking it", async () => {
    const foreign = await api.http
      .post('/api/v1/routes')
      .set(bearer(tenantA.coordinatorToken))
      .send({
        programmeId: programmeB.id,
        name: 'Borrowed',
        phase: 'pilot',
        sectorAssociationIds: [],
      })
      .expect(422);
    const missing = await api.http
      .post('/api/v1/routes')
      .set(bearer(tenantA.coordinatorToken))
      .send({
        programmeId: '018f0000-0000-7000-8000-000000000000',
        name: 'Ghost',
        phase: 'pilot',
        sectorAssociationIds: [],
      })
      .expect(422);
    expect(foreign.body.errors).toEqual([{ field: 'programmeId', message: 'does not exist' }]);
    expect(missing.body.errors).toEqual(foreign.body.errors);
  });

  it('answers 422 naming sectorAssociationIds when one does not exist, or is named twice', async () => {
    const ghost = '018f0000-0000-7000-8000-00000000abcd';
    const res = await api.http
      .post('/api/v1/routes')
      .set(bearer(tenantA.coordinatorToken))
      .send({
        programmeId: programmeA.id,
        name: 'Partly real',
        phase: 'pilot',
        sectorAssociationIds: [partners[0].id, ghost],
      })
      .expect(422);
    expect(res.body.errors).toEqual([
      {
        field: 'sectorAssociationIds',
        message: `these sector associations do not exist: ${ghost}`,
      },
    ]);
    const twice = await api.http
      .post('/api/v1/routes')
      .set(bearer(tenantA.coordinatorToken))
      .send({
        programmeId: programmeA.id,
        name: 'Twice',
        phase: 'pilot',
        sectorAssociationIds: [partners[0].id, partners[0].id],
      })
      .expect(422);
    expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'sectorAssociationIds' })]);
    const badPhase = await api.http
      .post('/api/v1/routes')
      .set(bearer(tenantA.coordinatorToken))
      .send({
        programmeId: programmeA.id,
        name: 'Phase?',
        phase: 'launched',
        sectorAssociationIds: [],
      })
      .expect(422);
    expect(badPhase.body.errors).toEqual([expect.objectContaining({ field: 'phase' })]);
  });

  it('refuses an unknown field with 400', async () => {
    const res = await api.http
      .post('/api/v1/routes')
      .set(bearer(tenantA.coordinatorToken))
      .send({
        programmeId: programmeA.id,
        name: 'Extra',
        phase: 'pilot',
        sectorAssociationIds: [],
        universityId: tenantA.universityId,
      })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'universityId' })]);
  });

  it('refuses a company representative (403) and a caller without a credential (401)', async () => {
    const repToken = await companyRepToken(api);
    await api.http
      .post('/api/v1/routes')
      .set(bearer(repToken))
      .send({
        programmeId: programmeA.id,
        name: 'Rep route',
        phase: 'pilot',
        sectorAssociationIds: [],
      })
      .expect(403);
    await api.http.get('/api/v1/routes').expect(401);
    await api.http
      .post('/api/v1/routes')
      .send({
        programmeId: programmeA.id,
        name: 'Anonymous',
        phase: 'pilot',
        sectorAssociationIds: [],
      })
      .expect(401);
  });

  it('gets a route and hides it from another university (404 on get and patch) and its API key', async () => {
    const route = await createRoute(api, tenantA.coordinatorToken, programmeA.id, {
      sectorAssociationIds: [partners[2].id],
    });
    const got = await api.http
      .get(`/api/v1/routes/${route.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .expect(200);
    expect(got.body).toEqual(route);
    await api.http
      .get(`/api/v1/routes/${route.id}`)
      .set(bearer(tenantB.coordinatorToken))
      .expect(404);
    await api.http
      .patch(`/api/v1/routes/${route.id}`)
      .set(bearer(tenantB.coordinatorToken))
      .send({ phase: 'stopped' })
      .expect(404);
    const keyB = await createApiKey(api, tenantB.coordinatorToken, tenantB.universityId);
    await api.http.get(`/api/v1/routes/${route.id}`).set(apiKeyHeader(keyB)).expect(404);
    const keyA = await createApiKey(api, tenantA.coordinatorToken, tenantA.universityId);
    const viaKey = await api.http
      .get(`/api/v1/routes/${route.id}`)
      .set(apiKeyHeader(keyA))
      .expect(200);
    expect(viaKey.body.sectorAssociationIds).toEqual([partners[2].id]);
  });

  it('lists with filters (programme, phase, sector association) and pages with a cursor', async () => {
    const tenant = await createTenant(api);
    const programme = await createProgramme(api, tenant.coordinatorToken, tenant.universityId);
    const other = await createProgramme(api, tenant.coordinatorToken, tenant.universityId);
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(
        await createRoute(api, tenant.coordinatorToken, programme.id, {
          name: `Route ${i}`,
          phase: 'running',
          sectorAssociationIds: i === 1 ? [partners[0].id, partners[1].id] : [partners[0].id],
        }),
      );
    }
    await createRoute(api, tenant.coordinatorToken, programme.id, { phase: 'paused' });
    await createRoute(api, tenant.coordinatorToken, other.id, { phase: 'running' });

    const first = await api.http
      .get(`/api/v1/routes?programmeId=${programme.id}&phase=running&limit=2`)
      .set(bearer(tenant.coordinatorToken))
      .expect(200);
    expect(first.body.data.map((r: { id: string }) => r.id)).toEqual([
      created[0].id,
      created[1].id,
    ]);
    expect(first.body.data[1].sectorAssociationIds).toEqual(
      sorted([partners[0].id, partners[1].id]),
    );
    const second = await api.http
      .get(
        `/api/v1/routes?programmeId=${programme.id}&phase=running&limit=2&cursor=${first.body.nextCursor}`,
      )
      .set(bearer(tenant.coordinatorToken))
      .expect(200);
    expect(second.body.data.map((r: { id: string }) => r.id)).toEqual([created[2].id]);
    expect(second.body.nextCursor).toBeNull();

    const bySector = await api.http
      .get(
        `/api/v1/routes?universityId=${tenant.universityId}&sectorAssociationId=${partners[1].id}`,
      )
      .set(bearer(api.adminToken))
      .expect(200);
    expect(bySector.body.data.map((r: { id: string }) => r.id)).toEqual([created[1].id]);
    const all = await api.http
      .get('/api/v1/routes')
      .set(bearer(tenant.coordinatorToken))
      .expect(200);
    expect(all.body.data).toHaveLength(5);
    await api.http
      .get('/api/v1/routes?phase=launched')
      .set(bearer(tenant.coordinatorToken))
      .expect(422);
  });

  it('patches with If-Match (also when only the partners change) and answers 409 on a stale version', async () => {
    const route = await createRoute(api, tenantA.coordinatorToken, programmeA.id, {
      sectorAssociationIds: [partners[0].id],
    });
    const partnersOnly = await api.http
      .patch(`/api/v1/routes/${route.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .set('If-Match', '1')
      .send({ sectorAssociationIds: [partners[1].id, partners[2].id] })
      .expect(200);
    expect(partnersOnly.body).toMatchObject({
      version: 2,
      sectorAssociationIds: sorted([partners[1].id, partners[2].id]),
    });
    const stale = await api.http
      .patch(`/api/v1/routes/${route.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .set('If-Match', '1')
      .send({ phase: 'running' })
      .expect(409);
    expect(stale.body.currentVersion).toBe(2);
    const phase = await api.http
      .patch(`/api/v1/routes/${route.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .set('If-Match', '2')
      .send({ phase: 'running', name: 'Mkb-route (running)' })
      .expect(200);
    expect(phase.body).toMatchObject({ version: 3, phase: 'running', name: 'Mkb-route (running)' });
    const got = await api.http
      .get(`/api/v1/routes/${route.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .expect(200);
    expect(got.body).toEqual(phase.body);

    const moved = await api.http
      .patch(`/api/v1/routes/${route.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ programmeId: programmeB.id })
      .expect(422);
    expect(moved.body.errors).toEqual([{ field: 'programmeId', message: 'does not exist' }]);
    await api.http
      .patch(`/api/v1/routes/${route.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ sectorAssociationIds: ['018f0000-0000-7000-8000-00000000abcd'] })
      .expect(422);
    await api.http
      .patch(`/api/v1/routes/${route.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ bogus: 1 })
      .expect(400);
  });
});
