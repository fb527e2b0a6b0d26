import { DataSource } from 'typeorm';
import { bearer, createTenant, startApi, Tenant, TestApi, uniq } from '../helpers/api';
import {
  apiKeyHeader,
  companyRepToken,
  createApiKey,
  createProgramme,
  createStudent,
  Created,
  foundationStaffToken,
  studentBody,
  studentLogin,
} from '../helpers/directory';

describe('students', () => {
  let api: TestApi;
  let db: DataSource;
  let tenantA: Tenant;
  let tenantB: Tenant;
  let programmeA: Created;
  let programmeB: Created;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    [tenantA, tenantB] = await Promise.all([createTenant(api), createTenant(api)]);
    programmeA = await createProgramme(api, tenantA.coordinatorToken, tenantA.universityId);
    programmeB = await createProgramme(api, tenantB.coordinatorToken, tenantB.universityId);
  });
  afterAll(() => api.close());

  it('registers a student (201 with id and version), normalising email and defaulting prior employment', async () => {
    const body = studentBody(tenantA.universityId, programmeA.id, {
      email: '  Sanne.DeVries@Student.Example.NL ',
      dateOfBirth: '2004-05-17',
      intakeGroup: 'employee_mbo_level',
    });
    const res = await api.http
      .post('/api/v1/students')
      .set(bearer(tenantA.coordinatorToken))
      .send(body)
      .expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      version: 1,
      universityId: tenantA.universityId,
      programmeId: programmeA.id,
      studentNumber: body.studentNumber,
      externalId: body.externalId,
      firstName: 'Sanne',
      lastName: body.lastName,
      email: 'sanne.devries@student.example.nl',
      intakeGroup: 'employee_mbo_level',
      priorEducation: 'mbo4',
      cohort: 2026,
      dateOfBirth: '2004-05-17',
      workedForEmployerBefore: false,
      monthsWithEmployerBefore: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const got = await api.http
      .get(`/api/v1/students/${res.body.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .expect(200);
    expect(got.body).toEqual(res.body);
    const audit = await db.query(
      `SELECT action, university_id, data FROM audit_events WHERE resource_type = 'student' AND resource_id = $1`,
      [res.body.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'created', university_id: tenantA.universityId });
    expect(JSON.stringify(audit[0].data)).not.toContain('sanne');
  });

  it('refuses a BSN as an unknown field (400) and stores nothing', async () => {
    const body = studentBody(tenantA.universityId, programmeA.id, { bsn: '111222333' });
    const res = await api.http
      .post('/api/v1/students')
      .set(bearer(tenantA.coordinatorToken))
      .send(body)
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'bsn' })]);
    expect(JSON.stringify(res.body)).not.toContain('111222333');
    const rows = await db.query(
      'SELECT 1 FROM students WHERE university_id = $1 AND student_number = $2',
      [tenantA.universityId, body.studentNumber],
    );
    expect(rows).toHaveLength(0);
    const columns = await db.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'students' AND column_name ILIKE '%bsn%'`,
    );
    expect(columns).toEqual([]);
  });

  it('refuses a programme of another university with 422 naming programmeId', async () => {
    const res = await api.http
      .post('/api/v1/students')
      .set(bearer(tenantA.coordinatorToken))
      .send(studentBody(tenantA.universityId, programmeB.id))
      .expect(422);
    expect(res.body.errors).toEqual([
      { field: 'programmeId', message: 'is not a programme of this university' },
    ]);
    const admin = await api.http
      .post('/api/v1/students')
      .set(bearer(api.adminToken))
      .send(studentBody('018f0000-0000-7000-8000-000000000000', programmeA.id))
      .expect(422);
    expect(admin.body.errors).toEqual([{ field: 'universityId', message: 'does not exist' }]);
  });

  it('refuses a duplicate student number or external id at one university (409), not at another', async () => {
    const first = await createStudent(
      api,
      tenantA.coordinatorToken,
      tenantA.universityId,
      programmeA.id,
    );
    const sameNumber = await api.http
      .post('/api/v1/students')
      .set(bearer(tenantA.coordinatorToken))
      .send(
        studentBody(tenantA.universityId, programmeA.id, { studentNumber: first.studentNumber }),
      )
      .expect(409);
    expect(sameNumber.body.detail).toBe(
      `This university already has a student with student number ${first.studentNumber}.`,
    );
    expect(sameNumber.body.errors).toEqual([
      { field: 'studentNumber', message: 'is already taken at this university' },
    ]);
    const sameExternal = await api.http
      .post('/api/v1/students')
      .set(bearer(tenantA.coordinatorToken))
      .send(studentBody(tenantA.universityId, programmeA.id, { externalId: first.externalId }))
      .expect(409);
    expect(sameExternal.body.detail).toBe(
      `This university already has a student with external id ${first.externalId}.`,
    );
    await createStudent(api, tenantB.coordinatorToken, tenantB.universityId, programmeB.id, {
      studentNumber: first.studentNumber,
      externalId: first.externalId,
    });
    // Students without an external id do not collide with each other.
    await createStudent(api, tenantA.coordinatorToken, tenantA.universityId, programmeA.id, {
      externalId: null,
    });
    await createStudent(api, tenantA.coordinatorToken, tenantA.universityId, programmeA.id, {
      externalId: null,
    });
  });

  it('takes months with the employer only when the student worked there before (422 otherwise)', async () => {
    const refused = await api.http
      .post('/api/v1/students')
      .set(bearer(tenantA.coordinatorToken))
      .send(studentBody(tenantA.universityId, programmeA.id, { monthsWithEmployerBefore: 12 }))
      .expect(422);
    expect(refused.body.errors).toEqual([
      {
        field: 'monthsWithEmployerBefore',
        message: 'can only be given when workedForEmployerBefore is true',
      },
    ]);
    const worked = await createStudent(
      api,
      tenantA.coordinatorToken,
      tenantA.universityId,
      programmeA.id,
      {
        workedForEmployerBefore: true,
        monthsWithEmployerBefore: 12,
      },
    );
    expect(worked).toMatchObject({ workedForEmployerBefore: true, monthsWithEmployerBefore: 12 });
    const cleared = await api.http
      .patch(`/api/v1/students/${worked.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ workedForEmployerBefore: false })
      .expect(200);
    expect(cleared.body).toMatchObject({
      workedForEmployerBefore: false,
      monthsWithEmployerBefore: null,
    });
    await api.http
      .patch(`/api/v1/students/${worked.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ monthsWithEmployerBefore: 3 })
      .expect(422);
    const future = await api.http
      .post('/api/v1/students')
      .set(bearer(tenantA.coordinatorToken))
      .send(studentBody(tenantA.universityId, programmeA.id, { dateOfBirth: '2999-01-01' }))
      .expect(422);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'dateOfBirth' })]);
  });

  it('validates enumerations and shapes, naming the fields', async () => {
    const res = await api.http
      .post('/api/v1/students')
      .set(bearer(tenantA.coordinatorToken))
      .send(
        studentBody(tenantA.universityId, programmeA.id, {
          intakeGroup: 'dropout',
          priorEducation: 'mbo3',
          cohort: 26,
          email: 'not-an-email',
          dateOfBirth: '17-05-2004',
        }),
      )
      .expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'cohort',
      'dateOfBirth',
      'email',
      'intakeGroup',
      'priorEducation',
    ]);
    await api.http
      .post('/api/v1/students')
      .set(bearer(tenantA.coordinatorToken))
      .send({ ...studentBody(tenantA.universityId, programmeA.id), nickname: 'Sam' })
      .expect(400);
  });

  it('refuses writes by other roles (company rep 403), another university (403) and no credential (401)', async () => {
    const repToken = await companyRepToken(api);
    await api.http
      .post('/api/v1/students')
      .set(bearer(repToken))
      .send(studentBody(tenantA.universityId, programmeA.id))
      .expect(403);
    await api.http
      .post('/api/v1/students')
      .set(bearer(tenantA.coordinatorToken))
      .send(studentBody(tenantB.universityId, programmeB.id))
      .expect(403);
    await api.http.get('/api/v1/students').expect(401);
    await api.http
      .post('/api/v1/students')
      .send(studentBody(tenantA.universityId, programmeA.id))
      .expect(401);
  });

  it('hides a student from another university (404 on get and patch), its API key and unrelated roles', async () => {
    const student = await createStudent(
      api,
      tenantA.coordinatorToken,
      tenantA.universityId,
      programmeA.id,
    );
    const got = await api.http
      .get(`/api/v1/students/${student.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .expect(200);
    expect(got.body).toEqual(student);
    await api.http
      .get(`/api/v1/students/${student.id}`)
      .set(bearer(tenantB.coordinatorToken))
      .expect(404);
    await api.http
      .patch(`/api/v1/students/${student.id}`)
      .set(bearer(tenantB.coordinatorToken))
      .send({ firstName: 'Other' })
      .expect(404);
    const keyB = await createApiKey(api, tenantB.coordinatorToken, tenantB.universityId);
    await api.http.get(`/api/v1/students/${student.id}`).set(apiKeyHeader(keyB)).expect(404);
    const listB = await api.http.get('/api/v1/students').set(apiKeyHeader(keyB)).expect(200);
    expect(listB.body.data.map((s: { id: string }) => s.id)).not.toContain(student.id);
    const keyA = await createApiKey(api, tenantA.coordinatorToken, tenantA.universityId);
    await api.http.get(`/api/v1/students/${student.id}`).set(apiKeyHeader(keyA)).expect(200);

    for (const token of [await companyRepToken(api), await foundationStaffToken(api)]) {
      await api.http.get(`/api/v1/students/${student.id}`).set(bearer(token)).expect(404);
      const list = await api.http.get('/api/v1/students').set(bearer(token)).expect(200);
      expect(list.body.data).toEqual([]);
    }
  });

  it('shows a student only themself', async () => {
    const me = await createStudent(
      api,
      tenantA.coordinatorToken,
      tenantA.universityId,
      programmeA.id,
    );
    const classmate = await createStudent(
      api,
      tenantA.coordinatorToken,
      tenantA.universityId,
      programmeA.id,
    );
    const token = await studentLogin(api, me.id);
    const got = await api.http.get(`/api/v1/students/${me.id}`).set(bearer(token)).expect(200);
    expect(got.body.id).toBe(me.id);
    await api.http.get(`/api/v1/students/${classmate.id}`).set(bearer(token)).expect(404);
    const list = await api.http.get('/api/v1/students').set(bearer(token)).expect(200);
    expect(list.body.data.map((s: { id: string }) => s.id)).toEqual([me.id]);
    await api.http
      .patch(`/api/v1/students/${me.id}`)
      .set(bearer(token))
      .send({ firstName: 'Me' })
      .expect(403);
  });

  it('lets an integration key register and list its own university’s students', async () => {
    const key = await createApiKey(api, tenantA.coordinatorToken, tenantA.universityId);
    const created = await api.http
      .post('/api/v1/students')
      .set(apiKeyHeader(key))
      .send(studentBody(tenantA.universityId, programmeA.id))
      .expect(201);
    const byExternal = await api.http
      .get(`/api/v1/students?externalId=${created.body.externalId}`)
      .set(apiKeyHeader(key))
      .expect(200);
    expect(byExternal.body.data.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
  });

  it('lists with filters (programme, cohort, intake group, number, search) and pages with a cursor', async () => {
    const tenant = await createTenant(api);
    const programme = await createProgramme(api, tenant.coordinatorToken, tenant.universityId);
    const other = await createProgramme(api, tenant.coordinatorToken, tenant.universityId);
    const tag = uniq();
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(
        await createStudent(api, tenant.coordinatorToken, tenant.universityId, programme.id, {
          lastName: `Jansen-${tag}`,
          cohort: 2025,
          intakeGroup: 'career_switcher',
        }),
      );
    }
    await createStudent(api, tenant.coordinatorToken, tenant.universityId, programme.id, {
      cohort: 2026,
    });
    await createStudent(api, tenant.coordinatorToken, tenant.universityId, other.id, {
      cohort: 2025,
    });

    const query = `programmeId=${programme.id}&cohort=2025&intakeGroup=career_switcher`;
    const first = await api.http
      .get(`/api/v1/students?${query}&limit=2`)
      .set(bearer(tenant.coordinatorToken))
      .expect(200);
    expect(first.body.data.map((s: { id: string }) => s.id)).toEqual([
      created[0].id,
      created[1].id,
    ]);
    const second = await api.http
      .get(`/api/v1/students?${query}&limit=2&cursor=${first.body.nextCursor}`)
      .set(bearer(tenant.coordinatorToken))
      .expect(200);
    expect(second.body.data.map((s: { id: string }) => s.id)).toEqual([created[2].id]);
    expect(second.body.nextCursor).toBeNull();

    const search = await api.http
      .get(`/api/v1/students?q=${encodeURIComponent(`sanne jansen-${tag}`)}`)
      .set(bearer(tenant.coordinatorToken))
      .expect(200);
    expect(search.body.data).toHaveLength(3);
    const byEmail = await api.http
      .get(`/api/v1/students?q=${encodeURIComponent(created[1].email as string)}`)
      .set(bearer(tenant.coordinatorToken))
      .expect(200);
    expect(byEmail.body.data.map((s: { id: string }) => s.id)).toEqual([created[1].id]);
    const byNumber = await api.http
      .get(`/api/v1/students?studentNumber=${created[2].studentNumber}`)
      .set(bearer(tenant.coordinatorToken))
      .expect(200);
    expect(byNumber.body.data.map((s: { id: string }) => s.id)).toEqual([created[2].id]);
    const all = await api.http
      .get('/api/v1/students?limit=50')
      .set(bearer(tenant.coordinatorToken))
      .expect(200);
    expect(all.body.data).toHaveLength(5);
    expect(all.body.nextCursor).toBeNull();
    await api.http
      .get('/api/v1/students?cohort=twenty')
      .set(bearer(tenant.coordinatorToken))
      .expect(422);
    await api.http
      .get('/api/v1/students?bsn=111222333')
      .set(bearer(tenant.coordinatorToken))
      .expect(400);
  });

  it('patches with If-Match, checks the programme and uniqueness, and answers 409 on a stale version', async () => {
    const student = await createStudent(
      api,
      tenantA.coordinatorToken,
      tenantA.universityId,
      programmeA.id,
    );
    const programme2 = await createProgramme(api, tenantA.coordinatorToken, tenantA.universityId);
    const updated = await api.http
      .patch(`/api/v1/students/${student.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .set('If-Match', '1')
      .send({ programmeId: programme2.id, firstName: 'Sam', email: 'SAM@EXAMPLE.NL' })
      .expect(200);
    expect(updated.body).toMatchObject({
      version: 2,
      programmeId: programme2.id,
      firstName: 'Sam',
      email: 'sam@example.nl',
    });
    const stale = await api.http
      .patch(`/api/v1/students/${student.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .set('If-Match', '1')
      .send({ cohort: 2027 })
      .expect(409);
    expect(stale.body.currentVersion).toBe(2);
    await api.http
      .patch(`/api/v1/students/${student.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ programmeId: programmeB.id })
      .expect(422);
    const other = await createStudent(
      api,
      tenantA.coordinatorToken,
      tenantA.universityId,
      programmeA.id,
    );
    const taken = await api.http
      .patch(`/api/v1/students/${student.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ studentNumber: other.studentNumber })
      .expect(409);
    expect(taken.body.errors).toEqual([
      { field: 'studentNumber', message: 'is already taken at this university' },
    ]);
    await api.http
      .patch(`/api/v1/students/${student.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ universityId: tenantB.universityId })
      .expect(400);
    await api.http
      .patch(`/api/v1/students/${student.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ bsn: '111222333' })
      .expect(400);
    const nulled = await api.http
      .patch(`/api/v1/students/${student.id}`)
      .set(bearer(tenantA.coordinatorToken))
      .send({ lastName: null })
      .expect(422);
    expect(nulled.body.errors[0].field).toBe('lastName');
    const audit = await db.query(
      `SELECT action, data FROM audit_events WHERE resource_type = 'student' AND resource_id = $1 ORDER BY id`,
      [student.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['created', 'updated']);
    expect(audit[1].data).toEqual({ fields: ['email', 'firstName', 'programmeId'] });
  });
});
