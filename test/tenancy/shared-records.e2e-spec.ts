import { DataSource } from 'typeorm';
import { bearer, createTenant, startApi, Tenant, TestApi } from '../helpers/api';
import {
  agreementBody,
  createAgreement,
  foundationAgreementBody,
  foundationWorld,
  FoundationWorld,
} from '../helpers/agreements';
import { createRoute, createSectorAssociation } from '../helpers/directory';
import { createCompany, createFoundation } from '../helpers/organisations';

/**
 * Issue 10, part 2: shared directory records are edited by their owners, admins and the
 * coordinators of universities that work with them; every edit is audited with a diff.
 */
describe('tenancy: who edits shared directory records', () => {
  let api: TestApi;
  let db: DataSource;
  let fw: FoundationWorld;
  let tenantB: Tenant;
  let associationId: string;
  let vacancyId: string;
  let programmeId: string;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get(DataSource);
    fw = await foundationWorld(api);
    tenantB = await createTenant(api);
    programmeId = (
      await api.http.get(`/api/v1/students/${fw.studentId}`).set(bearer(fw.coordinatorToken))
    ).body.programmeId;
    // University A works with the company and the foundation: draft agreements of its student.
    await createAgreement(api, fw.coordinatorToken, agreementBody(fw));
    await createAgreement(api, fw.coordinatorToken, foundationAgreementBody(fw));
    // ... and with a sector association that partners one of its routes.
    associationId = (await createSectorAssociation(api)).id;
    await createRoute(api, fw.coordinatorToken, programmeId, {
      sectorAssociationIds: [associationId],
    });
    const vacancy = await api.http
      .post('/api/v1/vacancies')
      .set(bearer(fw.companyRepToken))
      .send(vacancyBody(fw.companyId));
    vacancyId = vacancy.body.id;
  });
  afterAll(() => api.close());

  function vacancyBody(companyId: string) {
    return {
      companyId,
      title: 'Werkvoorbereider (duaal)',
      programmeIds: [programmeId],
      capacity: 1,
      hoursPerWeek: 32,
      startDate: '2026-08-15',
      postcode: '5612 AA',
    };
  }

  /** Every edit of a shared record, as [method, path, body]. */
  const edits = () =>
    [
      ['patch', `/api/v1/companies/${fw.companyId}`, { city: 'Elders' }],
      ['post', `/api/v1/companies/${fw.companyId}/supervisors`, supervisorBody()],
      [
        'patch',
        `/api/v1/companies/${fw.companyId}/supervisors/${fw.supervisorId}`,
        { trained: false },
      ],
      ['patch', `/api/v1/foundations/${fw.foundationId}`, { region: 'Elders' }],
      ['post', `/api/v1/foundations/${fw.foundationId}/members`, { companyIds: [fw.companyId] }],
      ['delete', `/api/v1/foundations/${fw.foundationId}/members/${fw.hostCompanyId}`, undefined],
      ['patch', `/api/v1/sector-associations/${associationId}`, { sector: 'elders' }],
      ['post', '/api/v1/vacancies', vacancyBody(fw.companyId)],
      ['patch', `/api/v1/vacancies/${vacancyId}`, { title: 'Elders' }],
    ] as const;
  const supervisorBody = () => ({
    name: 'Begeleider',
    email: `b-${Math.random().toString(36).slice(2)}@test.local`,
    hoursPerWeek: 2,
    trained: true,
  });
  const send = (token: string, [method, path, body]: ReturnType<typeof edits>[number]) => {
    const req = api.http[method](path).set(bearer(token));
    return body === undefined ? req : req.send(body);
  };

  it('refuses a coordinator of a university that does not work with them every edit (403)', async () => {
    const readCompany = () =>
      api.http.get(`/api/v1/companies/${fw.companyId}`).set(bearer(api.adminToken));
    const before = (await readCompany()).body;
    for (const edit of edits()) {
      const res = await send(tenantB.coordinatorToken, edit);
      expect({ edit: `${edit[0]} ${edit[1]}`, status: res.status }).toEqual({
        edit: `${edit[0]} ${edit[1]}`,
        status: 403,
      });
    }
    // Nothing changed.
    expect((await readCompany()).body).toEqual(before);
  });

  it('lets the coordinator of a university that works with the company edit it, audited with a diff', async () => {
    const before = (
      await api.http.get(`/api/v1/companies/${fw.companyId}`).set(bearer(api.adminToken))
    ).body;
    const res = await api.http
      .patch(`/api/v1/companies/${fw.companyId}`)
      .set(bearer(fw.coordinatorToken))
      .send({ name: before.name, city: 'Helmond', employeeCount: before.employeeCount + 1 });
    expect(res.status).toBe(200);
    const [event] = await db.query(
      `SELECT actor_kind, actor_id, university_id, data FROM audit_events
        WHERE resource_type = 'company' AND resource_id = $1 AND action = 'updated' ORDER BY id DESC LIMIT 1`,
      [fw.companyId],
    );
    const me = await api.http.get('/api/v1/auth/me').set(bearer(fw.coordinatorToken));
    expect(event).toMatchObject({
      actor_kind: 'user',
      actor_id: me.body.id,
      university_id: fw.universityId,
    });
    // Only what changed, before → after (the unchanged name is left out).
    expect(event.data.changes).toEqual({
      city: { from: before.city, to: 'Helmond' },
      employeeCount: { from: before.employeeCount, to: before.employeeCount + 1 },
    });
    expect(event.data.by).toMatchObject({ role: 'coordinator', universityId: fw.universityId });
  });

  it('lets every edit through for the owners and the university that works with them', async () => {
    const allowed: Record<string, string[]> = {
      [fw.coordinatorToken]: edits().map((e) => e[1]),
      [fw.companyRepToken]: [`/api/v1/companies/${fw.companyId}`, `/api/v1/vacancies/${vacancyId}`],
      [fw.foundationStaffToken]: [`/api/v1/foundations/${fw.foundationId}`],
    };
    for (const [token, paths] of Object.entries(allowed)) {
      for (const edit of edits().filter((e) => paths.includes(e[1]))) {
        const res = await send(token, edit);
        expect({ edit: `${edit[0]} ${edit[1]}`, ok: res.status < 300 }).toEqual({
          edit: `${edit[0]} ${edit[1]}`,
          ok: true,
        });
      }
    }
    // The coordinator renamed the vacancy; the rep's same title changed nothing, and says so.
    const vacancyEvents: { data: { changes: object; by: { role: string } } }[] = await db.query(
      `SELECT data FROM audit_events WHERE resource_type = 'vacancy' AND resource_id = $1 AND action = 'updated' ORDER BY id`,
      [vacancyId],
    );
    expect(vacancyEvents.map((e) => [e.data.by.role, e.data.changes])).toEqual([
      ['coordinator', { title: { from: 'Werkvoorbereider (duaal)', to: 'Elders' } }],
      ['company_rep', {}],
    ]);
    const [memberEvent] = await db.query(
      `SELECT data FROM audit_events WHERE resource_type = 'foundation' AND resource_id = $1 AND action = 'member_removed'`,
      [fw.foundationId],
    );
    expect(memberEvent.data.changes).toEqual({ members: { removed: [fw.hostCompanyId] } });
  });

  it('lets a coordinator edit what their university registered, and not what another registered', async () => {
    const mine = await createCompany(api, {}, tenantB.coordinatorToken);
    const foundation = await createFoundation(api, {}, tenantB.coordinatorToken);
    const association = await createSectorAssociation(api, tenantB.coordinatorToken);
    for (const path of [
      `/api/v1/companies/${mine.id}`,
      `/api/v1/foundations/${foundation.id}`,
      `/api/v1/sector-associations/${association.id}`,
    ]) {
      const body = path.includes('companies')
        ? { city: 'Breda' }
        : path.includes('foundations')
          ? { region: 'West' }
          : { sector: 'west' };
      expect(
        (await api.http.patch(path).set(bearer(tenantB.coordinatorToken)).send(body)).status,
      ).toBe(200);
      expect((await api.http.patch(path).set(bearer(fw.coordinatorToken)).send(body)).status).toBe(
        403,
      );
    }
    // Posting a vacancy in a company's name is editing its record too.
    expect(
      (
        await api.http
          .post('/api/v1/vacancies')
          .set(bearer(tenantB.coordinatorToken))
          .send(vacancyBody(mine.id))
      ).status,
    ).toBe(201);
  });
});
