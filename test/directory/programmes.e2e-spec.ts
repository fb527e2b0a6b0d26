import { DataSource } from 'typeorm';
import { bearer, createTenant, startApi, Tenant, TestApi, uniq } from '../helpers/api';
import {
  apiKeyHeader,
  companyRepToken,
  createApiKey,
  createProgramme,
  createStudent,
  programmeBody,
  randomCroho,
  studentLogin,
} from '../helpers/directory';

const calendar = [
  {
    name: 'Blok 1',
    startDate: '2026-08-31',
    endDate: '2026-11-06',
    teachingWeeks: 8,
    examWeeks: 2,
  },
  {
    name: 'Blok 2',
    startDate: '2026-11-09',
    endDate: '2027-01-29',
    teachingWeeks: 8,
    examWeeks: 2,
  },
];

describe('programmes', () => {
  let api: TestApi;
  let tenantA: Tenant;
  let tenantB: Tenant;

  beforeAll(async () => {
    api = await startApi();
    [tenantA, tenantB] = await Promise.all([createTenant(api), createTenant(api)]);
  });
  afterAll(() => api.close());

  it('creates a programme (coordinator, own university) answering 201 with id and version', async () => {
    const body = programmeBody(tenantA.universityId, {
      name: 'Ad Bouwkunde',
      crohoSector: 'technology',
      academicCalendar: calendar,
    });
    const res = await api.http
      .post('/api/v1/programmes')
      .set(bearer(tenantA.coordinatorToken))
      .send(body)
      .expect(201);
    expect(res.body).toMatchObject({
      universityId: tenantA.universityId,
      name: 'Ad Bouwkunde',
      crohoCode: body.crohoCode,
      degree: 'associate',
      level: 5,
      nominalYears: 2,
      crohoSector: 'technology',
      academicCalendar: calendar,
      version: 1,
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const audit = await api.app
      .get(DataSource)
      .query(
        `SELECT action, university_id FROM audit_events WHERE resource_type = 'programme' AND resource_id = $1`,
        [res.body.id],
      );
    expect(audit).toEqual([{ action: 'created', university_id: tenantA.universityId }]);
  });

  it('creates a bachelor programme and defaults crohoSector and academicCalendar', async () => {
    const res = await api.http
      .post('/api/v1/programmes')
      .set(bearer(api.adminToken))
      .send(programmeBody(tenantA.universityId, { degree: 'bachelor', level: 6, nominalYears: 4 }))
      .expect(201);
    expect(res.body).toMatchObject({
      degree: 'bachelor',
      level: 6,
      nominalYears: 4,
      crohoSector: null,
      studyMode: 'dual',
      academicCalendar: [],
    });
  });

  it('records the study mode and the law and science sectors; refuses an unknown mode', async () => {
    const created = await api.http
      .post('/api/v1/programmes')
      .set(bearer(tenantA.coordinatorToken))
      .send(programmeBody(tenantA.universityId, { crohoSector: 'law', studyMode: 'part_time' }))
      .expect(201);
    expect(created.body).toMatchObject({ crohoSector: 'law', studyMode: 'part_time' });
    const patched = await api.http
      .patch(`/api/v1/programmes/${created.body.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ crohoSector: 'science', studyMode: 'full_time' })
      .expect(200);
    expect(patched.body).toMatchObject({ crohoSector: 'science', studyMode: 'full_time' });
    const refused = await api.http
      .post('/api/v1/programmes')
      .set(bearer(tenantA.coordinatorToken))
      .send(programmeBody(tenantA.universityId, { studyMode: 'evening' }))
      .expect(422);
    expect(JSON.stringify(refused.body)).toContain('studyMode');
  });

  it('refuses an invalid CROHO code with 422 naming crohoCode', async () => {
    const res = await api.http
      .post('/api/v1/programmes')
      .set(bearer(tenantA.coordinatorToken))
      .send(programmeBody(tenantA.universityId, { crohoCode: '1234' }))
      .expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([
      {
        field: 'crohoCode',
        message: 'crohoCode must be the 5-digit CROHO code of the programme, e.g. 34664',
      },
    ]);
  });

  it('explains the degree rules: an Associate degree is level 5 over 2 years, a Bachelor level 6 over 4', async () => {
    const ad = await api.http
      .post('/api/v1/programmes')
      .set(bearer(tenantA.coordinatorToken))
      .send(programmeBody(tenantA.universityId, { degree: 'associate', level: 6, nominalYears: 4 }))
      .expect(422);
    expect(ad.body.errors).toEqual([
      { field: 'level', message: 'must be 5 for an Associate degree (EQF/NLQF level 5), not 6' },
      expect.objectContaining({
        field: 'nominalYears',
        message: expect.stringContaining('must be 2 for an Associate degree'),
      }),
    ]);
    const ba = await api.http
      .post('/api/v1/programmes')
      .set(bearer(tenantA.coordinatorToken))
      .send(programmeBody(tenantA.universityId, { degree: 'bachelor', level: 6, nominalYears: 3 }))
      .expect(422);
    expect(ba.body.errors).toEqual([expect.objectContaining({ field: 'nominalYears' })]);
  });

  it('refuses an academic calendar with overlapping quarters or a quarter ending before it starts', async () => {
    const overlapping = await api.http
      .post('/api/v1/programmes')
      .set(bearer(tenantA.coordinatorToken))
      .send(
        programmeBody(tenantA.universityId, {
          academicCalendar: [calendar[0], { ...calendar[1], startDate: '2026-11-01' }],
        }),
      )
      .expect(422);
    expect(overlapping.body.errors).toEqual([
      expect.objectContaining({
        field: 'academicCalendar.1.startDate',
        message: expect.stringContaining('Blok 1'),
      }),
    ]);
    const backwards = await api.http
      .post('/api/v1/programmes')
      .set(bearer(tenantA.coordinatorToken))
      .send(
        programmeBody(tenantA.universityId, {
          academicCalendar: [{ ...calendar[0], endDate: '2026-08-01' }],
        }),
      )
      .expect(422);
    expect(backwards.body.errors).toEqual([
      expect.objectContaining({ field: 'academicCalendar.0.endDate' }),
    ]);
    const badDate = await api.http
      .post('/api/v1/programmes')
      .set(bearer(tenantA.coordinatorToken))
      .send(
        programmeBody(tenantA.universityId, {
          academicCalendar: [{ ...calendar[0], startDate: '31-08-2026' }],
        }),
      )
      .expect(422);
    expect(badDate.body.errors).toEqual([
      expect.objectContaining({ field: 'academicCalendar.0.startDate' }),
    ]);
  });

  it('refuses an unknown field with 400', async () => {
    const res = await api.http
      .post('/api/v1/programmes')
      .set(bearer(tenantA.coordinatorToken))
      .send({ ...programmeBody(tenantA.universityId), ects: 120 })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'ects' })]);
  });

  it('refuses a second programme with the same CROHO code at one university (409), not at another', async () => {
    const crohoCode = randomCroho();
    await createProgramme(api, tenantA.coordinatorToken, tenantA.universityId, { crohoCode });
    const res = await api.http
      .post('/api/v1/programmes')
      .set(bearer(tenantA.coordinatorToken))
      .send(programmeBody(tenantA.universityId, { crohoCode }))
      .expect(409);
    expect(res.body.detail).toBe(
      `This university already has a programme with CROHO code ${crohoCode}; edit that programme instead.`,
    );
    await createProgramme(api, tenantB.coordinatorToken, tenantB.universityId, { crohoCode });
  });

  it('lets a coordinator create only for their own university (403) and an admin name only an existing one (422)', async () => {
    await api.http
      .post('/api/v1/programmes')
      .set(bearer(tenantA.coordinatorToken))
      .send(programmeBody(tenantB.universityId))
      .expect(403);
    const res = await api.http
      .post('/api/v1/programmes')
      .set(bearer(api.adminToken))
      .send(programmeBody('018f0000-0000-7000-8000-000000000000'))
      .expect(422);
    expect(res.body.errors).toEqual([{ field: 'universityId', message: 'does not exist' }]);
  });

  it('refuses a company representative (403) and a caller without a credential (401)', async () => {
    const repToken = await companyRepToken(api);
    await api.http
      .post('/api/v1/programmes')
      .set(bearer(repToken))
      .send(programmeBody(tenantA.universityId))
      .expect(403);
    await api.http.get('/api/v1/programmes').expect(401);
    await api.http.post('/api/v1/programmes').send(programmeBody(tenantA.universityId)).expect(401);
    const programme = await createProgramme(api, tenantA.coordinatorToken, tenantA.universityId);
    await api.http.get(`/api/v1/programmes/${programme.id}`).set(bearer(repToken)).expect(404);
    const list = await api.http.get('/api/v1/programmes').set(bearer(repToken)).expect(200);
    expect(list.body.data).toEqual([]);
  });

  it('gets a programme and hides it from another university (404 on get and patch)', async () => {
    const programme = await createProgramme(api, tenantA.coordinatorToken, tenantA.universityId);
    const got = await api.http
      .get(`/api/v1/programmes/${programme.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .expect(200);
    expect(got.body).toEqual(programme);
    await api.http
      .get(`/api/v1/programmes/${programme.id}`)
      .set(bearer(tenantB.coordinatorToken))
      .expect(404);
    await api.http
      .patch(`/api/v1/programmes/${programme.id}`)
      .set(bearer(tenantB.coordinatorToken))
      .send({ name: 'Taken over' })
      .expect(404);
    const list = await api.http
      .get('/api/v1/programmes')
      .set(bearer(tenantB.coordinatorToken))
      .expect(200);
    expect(list.body.data.map((p: { id: string }) => p.id)).not.toContain(programme.id);
  });

  it('lets an API key read its own university only (other is 404) and create there', async () => {
    const keyA = await createApiKey(api, tenantA.coordinatorToken, tenantA.universityId);
    const programmeB = await createProgramme(api, tenantB.coordinatorToken, tenantB.universityId);
    await api.http.get(`/api/v1/programmes/${programmeB.id}`).set(apiKeyHeader(keyA)).expect(404);
    const created = await api.http
      .post('/api/v1/programmes')
      .set(apiKeyHeader(keyA))
      .send(programmeBody(tenantA.universityId))
      .expect(201);
    await api.http.get(`/api/v1/programmes/${created.body.id}`).set(apiKeyHeader(keyA)).expect(200);
    await api.http
      .post('/api/v1/programmes')
      .set(apiKeyHeader(keyA))
      .send(programmeBody(tenantB.universityId))
      .expect(403);
  });

  it("lets a student read their own university's programmes but not write", async () => {
    const programme = await createProgramme(api, tenantA.coordinatorToken, tenantA.universityId);
    const student = await createStudent(
      api,
      tenantA.coordinatorToken,
      tenantA.universityId,
      programme.id,
    );
    const token = await studentLogin(api, student.id);
    await api.http.get(`/api/v1/programmes/${programme.id}`).set(bearer(token)).expect(200);
    const programmeB = await createProgramme(api, tenantB.coordinatorToken, tenantB.universityId);
    await api.http.get(`/api/v1/programmes/${programmeB.id}`).set(bearer(token)).expect(404);
    await api.http
      .patch(`/api/v1/programmes/${programme.id}`)
      .set(bearer(token))
      .send({ name: 'Mine now' })
      .expect(403);
  });

  it('lists with filters and pages with a cursor', async () => {
    const tenant = await createTenant(api);
    const tag = uniq();
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(
        await createProgramme(api, tenant.coordinatorToken, tenant.universityId, {
          name: `Ad ${tag} ${i}`,
        }),
      );
    }
    await createProgramme(api, tenant.coordinatorToken, tenant.universityId, {
      name: `Bachelor ${tag}`,
      degree: 'bachelor',
      level: 6,
      nominalYears: 4,
    });
    const first = await api.http
      .get(`/api/v1/programmes?degree=associate&q=${tag}&limit=2`)
      .set(bearer(tenant.coordinatorToken))
      .expect(200);
    expect(first.body.data.map((p: { id: string }) => p.id)).toEqual([
      created[0].id,
      created[1].id,
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.http
      .get(`/api/v1/programmes?degree=associate&q=${tag}&limit=2&cursor=${first.body.nextCursor}`)
      .set(bearer(tenant.coordinatorToken))
      .expect(200);
    expect(second.body.data.map((p: { id: string }) => p.id)).toEqual([created[2].id]);
    expect(second.body.nextCursor).toBeNull();

    const byCroho = await api.http
      .get(
        `/api/v1/programmes?crohoCode=${created[1].crohoCode}&universityId=${tenant.universityId}`,
      )
      .set(bearer(api.adminToken))
      .expect(200);
    expect(byCroho.body.data.map((p: { id: string }) => p.id)).toEqual([created[1].id]);
    const all = await api.http
      .get('/api/v1/programmes')
      .set(bearer(tenant.coordinatorToken))
      .expect(200);
    expect(all.body.data).toHaveLength(4);
    await api.http
      .get('/api/v1/programmes?crohoCode=12')
      .set(bearer(tenant.coordinatorToken))
      .expect(422);
    await api.http
      .get('/api/v1/programmes?colour=blue')
      .set(bearer(tenant.coordinatorToken))
      .expect(400);
  });

  it('patches with If-Match, re-checks the rules on the result and answers 409 on a stale version', async () => {
    const programme = await createProgramme(api, tenantA.coordinatorToken, tenantA.universityId);
    const updated = await api.http
      .patch(`/api/v1/programmes/${programme.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .set('If-Match', '1')
      .send({ name: 'Ad Bouwkunde (deeltijd)', academicCalendar: calendar })
      .expect(200);
    expect(updated.body).toMatchObject({
      name: 'Ad Bouwkunde (deeltijd)',
      academicCalendar: calendar,
      version: 2,
    });
    const stale = await api.http
      .patch(`/api/v1/programmes/${programme.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .set('If-Match', '1')
      .send({ name: 'Lost update' })
      .expect(409);
    expect(stale.body.currentVersion).toBe(2);

    const halfway = await api.http
      .patch(`/api/v1/programmes/${programme.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ degree: 'bachelor' })
      .expect(422);
    expect(halfway.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'level',
      'nominalYears',
    ]);
    const bachelor = await api.http
      .patch(`/api/v1/programmes/${programme.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .set('If-Match', '2')
      .send({ degree: 'bachelor', level: 6, nominalYears: 4 })
      .expect(200);
    expect(bachelor.body).toMatchObject({
      degree: 'bachelor',
      level: 6,
      nominalYears: 4,
      version: 3,
    });

    await api.http
      .patch(`/api/v1/programmes/${programme.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ universityId: tenantB.universityId })
      .expect(400);
    const nulled = await api.http
      .patch(`/api/v1/programmes/${programme.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ name: null })
      .expect(422);
    expect(nulled.body.errors[0].field).toBe('name');
    await api.http
      .patch(`/api/v1/programmes/${programme.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({})
      .expect(400);
  });

  it('answers 409 when a PATCH takes a CROHO code the university already uses', async () => {
    const one = await createProgramme(api, tenantA.coordinatorToken, tenantA.universityId);
    const two = await createProgramme(api, tenantA.coordinatorToken, tenantA.universityId);
    const res = await api.http
      .patch(`/api/v1/programmes/${two.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ crohoCode: one.crohoCode })
      .expect(409);
    expect(res.body.detail).toContain(`CROHO code ${one.crohoCode}`);
  });
});
