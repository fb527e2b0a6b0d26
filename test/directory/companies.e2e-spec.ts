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
  foundationStaffToken,
  studentToken,
} from '../helpers/organisations';

describe('companies', () => {
  let api: TestApi;
  let tenant: Tenant;
  let companyA: { id: string; version: number };
  let companyB: { id: string; version: number };
  let repA: string;

  beforeAll(async () => {
    api = await startApi();
    tenant = await createTenant(api);
    [companyA, companyB] = await Promise.all([createCompany(api), createCompany(api)]);
    repA = await companyRepToken(api, companyA.id);
  });
  afterAll(() => api.close());

  it('creates a company (201) with id, version, normalised identifiers and the computed isSme', async () => {
    const kvk = randomKvk();
    const res = await api.http
      .post('/api/v1/companies')
      .set(bearer(tenant.coordinatorToken))
      .send({
        name: '  Installatiebedrijf Jansen  ',
        kvkNumber: kvk,
        sbiCode: '43.22',
        employeeCount: 249,
        postcode: '5611ab',
        city: 'Eindhoven',
        latitude: 51.4416,
        longitude: 5.4697,
      })
      .expect(201);
    expect(res.body).toMatchObject({
      name: 'Installatiebedrijf Jansen',
      kvkNumber: kvk,
      sbiCode: '4322',
      employeeCount: 249,
      isSme: true,
      postcode: '5611 AB',
      city: 'Eindhoven',
      latitude: 51.4416,
      longitude: 5.4697,
      version: 1,
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const fetched = await api.http
      .get(`/api/v1/companies/${res.body.id}`)
      .set(bearer(api.adminToken))
      .expect(200);
    expect(fetched.body).toEqual(res.body);

    const large = await api.http
      .post('/api/v1/companies')
      .set(bearer(api.adminToken))
      .send(companyBody({ employeeCount: 250 }))
      .expect(201);
    expect(large.body).toMatchObject({
      employeeCount: 250,
      isSme: false,
      city: null,
      latitude: null,
      longitude: null,
    });
  });

  it('records an audit event in the same transaction as the write', async () => {
    const company = await createCompany(api);
    const rows = await api.app
      .get(DataSource)
      .query(
        `SELECT action, actor_kind FROM audit_events WHERE resource_type = 'company' AND resource_id = $1`,
        [company.id],
      );
    expect(rows).toEqual([{ action: 'created', actor_kind: 'user' }]);
  });

  it('rejects an invalid KvK number with 422 naming kvkNumber in words a coordinator understands', async () => {
    for (const kvkNumber of ['1234567', '123456789', '1234567a']) {
      const res = await api.http
        .post('/api/v1/companies')
        .set(bearer(api.adminToken))
        .send(companyBody({ kvkNumber }))
        .expect(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual([
        {
          field: 'kvkNumber',
          message: expect.stringMatching(/8-digit Chamber of Commerce \(KvK\) number/),
        },
      ]);
    }
  });

  it('refuses a KvK number that is already registered with 409', async () => {
    const body = companyBody();
    await api.http.post('/api/v1/companies').set(bearer(api.adminToken)).send(body).expect(201);
    const res = await api.http
      .post('/api/v1/companies')
      .set(bearer(api.adminToken))
      .send({ ...body, name: 'Someone else' })
      .expect(409);
    expect(res.body.detail).toBe(
      `A company with KvK number ${body.kvkNumber} is already registered.`,
    );
    // Changing another company's KvK number to a taken one is the same conflict.
    await api.http
      .patch(`/api/v1/companies/${companyB.id}`)
      .set(bearer(api.adminToken))
      .send({ kvkNumber: body.kvkNumber })
      .expect(409);
  });

  it('rejects an unknown field with 400 and other rule violations with 422', async () => {
    const unknown = await api.http
      .post('/api/v1/companies')
      .set(bearer(api.adminToken))
      .send({ ...companyBody(), website: 'https://example.nl' })
      .expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'website' })]);

    const bad = await api.http
      .post('/api/v1/companies')
      .set(bearer(api.adminToken))
      .send(companyBody({ sbiCode: 'x', employeeCount: -1, postcode: '0123 AB' }))
      .expect(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'employeeCount',
      'postcode',
      'sbiCode',
    ]);
  });

  it('requires both coordinates or neither, inside the Netherlands', async () => {
    const one = await api.http
      .post('/api/v1/companies')
      .set(bearer(api.adminToken))
      .send(companyBody({ latitude: 52.1 }))
      .expect(422);
    expect(one.body.errors).toEqual([
      { field: 'longitude', message: expect.stringMatching(/both coordinates or neither/) },
    ]);
    const outside = await api.http
      .post('/api/v1/companies')
      .set(bearer(api.adminToken))
      .send(companyBody({ latitude: 48.85, longitude: 2.35 }))
      .expect(422);
    expect(outside.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'latitude',
      'longitude',
    ]);

    const located = await createCompany(api, { latitude: 52.09, longitude: 5.12 });
    // Clearing one coordinate leaves half a location: refused; clearing both is fine.
    const half = await api.http
      .patch(`/api/v1/companies/${located.id}`)
      .set(bearer(api.adminToken))
      .send({ latitude: null })
      .expect(422);
    expect(half.body.errors).toEqual([expect.objectContaining({ field: 'latitude' })]);
    const cleared = await api.http
      .patch(`/api/v1/companies/${located.id}`)
      .set(bearer(api.adminToken))
      .send({ latitude: null, longitude: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ latitude: null, longitude: null, version: 2 });
  });

  it('lists with filters and pages with a cursor', async () => {
    const tag = uniq();
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(
        await createCompany(api, {
          name: `Paged ${tag} ${i}`,
          employeeCount: i === 2 ? 300 : 10,
          sbiCode: i === 0 ? '4120' : '4932',
          postcode: i === 0 ? '9711 AB' : '1012 AB',
        }),
      );
    }
    const first = await api.http
      .get(`/api/v1/companies?q=${tag}&limit=2`)
      .set(bearer(api.adminToken))
      .expect(200);
    expect(first.body.data.map((c: { name: string }) => c.name)).toEqual([
      `Paged ${tag} 0`,
      `Paged ${tag} 1`,
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.http
      .get(`/api/v1/companies?q=${tag}&limit=2&cursor=${first.body.nextCursor}`)
      .set(bearer(api.adminToken))
      .expect(200);
    expect(second.body.data.map((c: { name: string }) => c.name)).toEqual([`Paged ${tag} 2`]);
    expect(second.body.nextCursor).toBeNull();

    const names = async (filter: string) =>
      (
        await api.http
          .get(`/api/v1/companies?q=${tag}&${filter}`)
          .set(bearer(api.adminToken))
          .expect(200)
      ).body.data.map((c: { name: string }) => c.name);
    expect(await names('isSme=true')).toEqual([`Paged ${tag} 0`, `Paged ${tag} 1`]);
    expect(await names('isSme=false')).toEqual([`Paged ${tag} 2`]);
    expect(await names('sbiCode=41')).toEqual([`Paged ${tag} 0`]);
    expect(await names('postcode=97')).toEqual([`Paged ${tag} 0`]);
    expect(await names('postcode=1012ab')).toEqual([`Paged ${tag} 1`, `Paged ${tag} 2`]);
    expect(await names(`kvkNumber=${created[1].kvkNumber}`)).toEqual([`Paged ${tag} 1`]);

    await api.http.get('/api/v1/companies?isSme=yes').set(bearer(api.adminToken)).expect(422);
    await api.http.get('/api/v1/companies?kvkNumber=123').set(bearer(api.adminToken)).expect(422);
    await api.http.get('/api/v1/companies?limit=500').set(bearer(api.adminToken)).expect(422);
    await api.http.get('/api/v1/companies?cursor=garbage').set(bearer(api.adminToken)).expect(400);
  });

  it('patches with If-Match, recomputes isSme, and answers 409 on a stale version', async () => {
    // Registered by the tenant's coordinator: their university works with it, so they may edit it.
    const company = await createCompany(api, { employeeCount: 20 }, tenant.coordinatorToken);
    const updated = await api.http
      .patch(`/api/v1/companies/${company.id}`)
      .set(bearer(tenant.coordinatorToken))
      .set('If-Match', String(company.version))
      .send({ employeeCount: 400, city: 'Tilburg' })
      .expect(200);
    expect(updated.body).toMatchObject({
      employeeCount: 400,
      isSme: false,
      city: 'Tilburg',
      version: company.version + 1,
    });
    const stale = await api.http
      .patch(`/api/v1/companies/${company.id}`)
      .set(bearer(tenant.coordinatorToken))
      .set('If-Match', String(company.version))
      .send({ city: 'Breda' })
      .expect(409);
    expect(stale.body.currentVersion).toBe(company.version + 1);
    const unchanged = await api.http
      .get(`/api/v1/companies/${company.id}`)
      .set(bearer(api.adminToken))
      .expect(200);
    expect(unchanged.body.city).toBe('Tilburg');

    // A required field cannot be nulled; an empty patch and an unknown field are malformed.
    const nulled = await api.http
      .patch(`/api/v1/companies/${company.id}`)
      .set(bearer(api.adminToken))
      .send({ name: null })
      .expect(422);
    expect(nulled.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    await api.http
      .patch(`/api/v1/companies/${company.id}`)
      .set(bearer(api.adminToken))
      .send({})
      .expect(400);
    await api.http
      .patch(`/api/v1/companies/${company.id}`)
      .set(bearer(api.adminToken))
      .send({ bogus: 1 })
      .expect(400);
    await api.http
      .patch(`/api/v1/companies/${company.id}`)
      .set(bearer(api.adminToken))
      .send({ kvkNumber: '12' })
      .expect(422);
  });

  describe('a company rep', () => {
    it('reads and edits only their own company; any other company is 404', async () => {
      await api.http.get(`/api/v1/companies/${companyA.id}`).set(bearer(repA)).expect(200);
      await api.http.get(`/api/v1/companies/${companyB.id}`).set(bearer(repA)).expect(404);
      const list = await api.http.get('/api/v1/companies').set(bearer(repA)).expect(200);
      expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([companyA.id]);

      const edited = await api.http
        .patch(`/api/v1/companies/${companyA.id}`)
        .set(bearer(repA))
        .send({ city: 'Helmond' })
        .expect(200);
      expect(edited.body.city).toBe('Helmond');
      await api.http
        .patch(`/api/v1/companies/${companyB.id}`)
        .set(bearer(repA))
        .send({ city: 'Nope' })
        .expect(404);
      const b = await api.http
        .get(`/api/v1/companies/${companyB.id}`)
        .set(bearer(api.adminToken))
        .expect(200);
      expect(b.body.city).toBeNull();
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
      const universities = await api.http.get('/api/v1/universities').set(bearer(repA)).expect(200);
      expect(universities.body.data).toEqual([]);
    });
  });

  it('lets foundation staff read every company but not edit one (403)', async () => {
    const foundation = await createFoundation(api);
    const staff = await foundationStaffToken(api, foundation.id);
    await api.http.get(`/api/v1/companies/${companyB.id}`).set(bearer(staff)).expect(200);
    await api.http.post('/api/v1/companies').set(bearer(staff)).send(companyBody()).expect(403);
    await api.http
      .patch(`/api/v1/companies/${companyB.id}`)
      .set(bearer(staff))
      .send({ city: 'Nope' })
      .expect(403);
  });

  it('shows a student no company (404)', async () => {
    const student = await studentToken(api, tenant.universityId);
    await api.http.get(`/api/v1/companies/${companyA.id}`).set(bearer(student)).expect(404);
    await api.http
      .patch(`/api/v1/companies/${companyA.id}`)
      .set(bearer(student))
      .send({ city: 'X' })
      .expect(404);
    const list = await api.http.get('/api/v1/companies').set(bearer(student)).expect(200);
    expect(list.body.data).toEqual([]);
  });

  it('shows an integration (API key) no company (404)', async () => {
    const key = await apiKey(api, tenant.coordinatorToken, tenant.universityId);
    await api.http.get(`/api/v1/companies/${companyA.id}`).set('X-Api-Key', key).expect(404);
    const list = await api.http.get('/api/v1/companies').set('X-Api-Key', key).expect(200);
    expect(list.body.data).toEqual([]);
    await api.http.post('/api/v1/companies').set('X-Api-Key', key).send(companyBody()).expect(403);
  });

  it('requires a credential (401)', async () => {
    await api.http.get('/api/v1/companies').expect(401);
    await api.http.get(`/api/v1/companies/${companyA.id}`).set(bearer('not-a-token')).expect(401);
    await api.http.post('/api/v1/companies').send(companyBody()).expect(401);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    await api.http
      .get('/api/v1/companies/0190a5b0-0000-7000-8000-000000000000')
      .set(bearer(api.adminToken))
      .expect(404);
    await api.http.get('/api/v1/companies/not-a-uuid').set(bearer(api.adminToken)).expect(400);
  });
});
