import { bearer, createTenant, login, startApi, Tenant, TestApi, uniq } from '../helpers/api';
import {
  agreementBody,
  agreementWorld,
  AgreementWorld,
  createAgreement,
  sign,
} from '../helpers/agreements';
import { apiKeyHeader, createApiKey, createStudent } from '../helpers/directory';
import { downloadPdf, readyDocument } from '../helpers/documents';
import { startWorker, TestWorker } from '../helpers/worker';

/**
 * Nobody grants access they do not hold (issue 10, part 2). The probe: a coordinator of
 * university B created a company rep for a company that works with university A; the account
 * read A's agreements, downloaded the sealed PDF and signed A's pending agreement as employer.
 */
describe('tenancy: who may create which users', () => {
  let api: TestApi;
  let worker: TestWorker;
  let world: AgreementWorld;
  let tenantB: Tenant;
  let active: { id: string; signedDocumentId: string };
  let pending: { id: string; contentHash: string };

  const createUser = (token: string, body: Record<string, unknown>) => {
    const email = `${String(body.role)}-${uniq()}@test.local`;
    return api.http
      .post('/api/v1/users')
      .set(bearer(token))
      .send({ email, name: 'Invited', password: 'a-long-test-password', ...body })
      .then((res) => ({ res, login: () => login(api.http, email, 'a-long-test-password') }));
  };

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    world = await agreementWorld(api);
    tenantB = await createTenant(api);
    // A's agreement with the company, signed by all and sealed.
    const created = await createAgreement(api, world.coordinatorToken, agreementBody(world));
    const submitted = await api.http
      .post(`/api/v1/agreements/${created.id}/submit`)
      .set(bearer(world.coordinatorToken));
    const hash = submitted.body.currentVersion.contentHash;
    for (const token of [world.studentToken, world.companyRepToken, world.coordinatorToken])
      expect((await sign(api, token, created.id, hash)).status).toBe(201);
    const signed = await readyDocument(api, world.coordinatorToken, created.id, 1, 'signed');
    active = { id: created.id, signedDocumentId: signed.id };
    // A's second agreement with the company, waiting for signatures.
    const programmeId = (
      await api.http.get(`/api/v1/students/${world.studentId}`).set(bearer(world.coordinatorToken))
    ).body.programmeId;
    const other = await createStudent(
      api,
      world.coordinatorToken,
      world.universityId,
      programmeId,
      { dateOfBirth: '2000-03-15' },
    );
    const second = await createAgreement(api, world.coordinatorToken, {
      ...agreementBody(world),
      studentId: other.id,
    });
    const sub2 = await api.http
      .post(`/api/v1/agreements/${second.id}/submit`)
      .set(bearer(world.coordinatorToken));
    pending = { id: second.id, contentHash: sub2.body.currentVersion.contentHash };
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it("limits a rep another university's coordinator invites to that university: no agreement, PDF or signature of A", async () => {
    const { res, login: asRep } = await createUser(tenantB.coordinatorToken, {
      role: 'company_rep',
      companyId: world.companyId,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role: 'company_rep', companyId: world.companyId });
    const rep = await asRep();

    const list = await api.http.get('/api/v1/agreements?limit=200').set(bearer(rep));
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
    for (const path of [
      `/api/v1/agreements/${active.id}`,
      `/api/v1/agreements/${active.id}/documents`,
      `/api/v1/documents/${active.signedDocumentId}`,
      `/api/v1/documents/${active.signedDocumentId}/content`,
      `/api/v1/students/${world.studentId}`,
    ]) {
      expect({ path, status: (await api.http.get(path).set(bearer(rep))).status }).toEqual({
        path,
        status: 404,
      });
    }
    const signing = await sign(api, rep, pending.id, pending.contentHash);
    expect(signing.status).toBe(404);
    const decline = await api.http
      .post(`/api/v1/agreements/${pending.id}/decline`)
      .set(bearer(rep))
      .send({ reason: 'probe' });
    expect(decline.status).toBe(404);
    // It reads its company (shared) but may not edit it: that is for company-wide reps.
    expect(
      (await api.http.get(`/api/v1/companies/${world.companyId}`).set(bearer(rep))).status,
    ).toBe(200);
    const edit = await api.http
      .patch(`/api/v1/companies/${world.companyId}`)
      .set(bearer(rep))
      .send({ city: 'Probe' });
    expect(edit.status).toBe(403);
    expect(res.body.universityId).toBe(tenantB.universityId);
  });

  it('refuses a coordinator a company-wide rep, a rep limited to another university, and admins (403)', async () => {
    for (const body of [
      { role: 'company_rep', companyId: world.companyId, universityId: world.universityId },
      { role: 'admin' },
      { role: 'coordinator', universityId: world.universityId },
    ]) {
      const { res } = await createUser(tenantB.coordinatorToken, body);
      expect({ body, status: res.status }).toEqual({ body, status: 403 });
    }
    // Foundation staff a coordinator invites are limited the same way.
    const foundation = await api.http
      .post('/api/v1/foundations')
      .set(bearer(api.adminToken))
      .send({
        name: `Stichting ${uniq()}`,
        kvkNumber: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
        region: 'Zuid',
      });
    const staff = await createUser(tenantB.coordinatorToken, {
      role: 'foundation_staff',
      foundationId: foundation.body.id,
    });
    expect(staff.res.status).toBe(201);
    expect(staff.res.body.universityId).toBe(tenantB.universityId);
  });

  it("lets the company's own rep create a company-wide colleague, who reads and downloads A's agreement", async () => {
    const { res, login: asColleague } = await createUser(world.companyRepToken, {
      role: 'company_rep',
      companyId: world.companyId,
    });
    expect(res.status).toBe(201);
    expect(res.body.universityId).toBeNull();
    const colleague = await asColleague();
    expect(
      (await api.http.get(`/api/v1/agreements/${active.id}`).set(bearer(colleague))).status,
    ).toBe(200);
    const pdf = await downloadPdf(api, colleague, active.signedDocumentId);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A rep creates reps of its own company only, and never other roles.
    const otherCompany = await createUser(world.companyRepToken, {
      role: 'company_rep',
      companyId: (
        await api.http
          .post('/api/v1/companies')
          .set(bearer(api.adminToken))
          .send({
            name: `Ander ${uniq()}`,
            kvkNumber: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
            sbiCode: '4120',
            employeeCount: 10,
            postcode: '5611 AB',
          })
      ).body.id,
    });
    expect(otherCompany.res.status).toBe(403);
    const coordinator = await createUser(world.companyRepToken, {
      role: 'coordinator',
      universityId: world.universityId,
    });
    expect(coordinator.res.status).toBe(403);
  });

  it('lets a limited rep pass on only its own limit', async () => {
    const invited = await createUser(tenantB.coordinatorToken, {
      role: 'company_rep',
      companyId: world.companyId,
    });
    const limited = await invited.login();
    const widened = await createUser(limited, {
      role: 'company_rep',
      companyId: world.companyId,
      universityId: world.universityId,
    });
    expect(widened.res.status).toBe(403);
    const same = await createUser(limited, { role: 'company_rep', companyId: world.companyId });
    expect(same.res.status).toBe(201);
    expect(same.res.body.universityId).toBe(tenantB.universityId);
  });

  it("lets a rep A's coordinator invites read, download and sign A's agreements with the company", async () => {
    const { res, login: asRep } = await createUser(world.coordinatorToken, {
      role: 'company_rep',
      companyId: world.companyId,
    });
    expect(res.body.universityId).toBe(world.universityId);
    const rep = await asRep();
    const pdf = await downloadPdf(api, rep, active.signedDocumentId);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const signed = await sign(api, rep, pending.id, pending.contentHash);
    expect(signed.status).toBe(201);
    const signatures = await api.http
      .get(`/api/v1/agreements/${pending.id}/signatures`)
      .set(bearer(world.coordinatorToken));
    expect(signatures.body.data).toEqual([
      expect.objectContaining({ party: 'employer', signerUserId: res.body.id }),
    ]);
  });

  it('lets students and integrations create no users', async () => {
    const student = await createUser(world.studentToken, {
      role: 'student',
      studentId: world.studentId,
    });
    expect(student.res.status).toBe(403);
    const key = await createApiKey(api, world.coordinatorToken, world.universityId);
    const integration = await api.http
      .post('/api/v1/users')
      .set(apiKeyHeader(key))
      .send({
        email: `sis-${uniq()}@test.local`,
        name: 'SIS',
        password: 'a-long-test-password',
        role: 'student',
        studentId: world.studentId,
      });
    expect(integration.status).toBe(403);
  });
});
