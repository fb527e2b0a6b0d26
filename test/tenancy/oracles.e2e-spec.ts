import { randomUUID } from 'node:crypto';
import { bearer, createTenant, startApi, Tenant, TestApi } from '../helpers/api';
import {
  agreementBody,
  createAgreement,
  foundationAgreementBody,
  foundationWorld,
  FoundationWorld,
} from '../helpers/agreements';
import { createProgramme, createStudent } from '../helpers/directory';
import { createFoundation, foundationStaffToken } from '../helpers/organisations';

/**
 * Issue 10, part 2: employments start from the student's own university (or a foundation the
 * student is placed with), and errors never tell a caller what it cannot read.
 */
describe('tenancy: employments of other tenants and error oracles', () => {
  let api: TestApi;
  let fw: FoundationWorld;
  let tenantB: Tenant;
  let studentB: string;
  let programmeId: string;

  beforeAll(async () => {
    api = await startApi();
    fw = await foundationWorld(api);
    tenantB = await createTenant(api);
    const programmeB = await createProgramme(api, tenantB.coordinatorToken, tenantB.universityId);
    studentB = (
      await createStudent(api, tenantB.coordinatorToken, tenantB.universityId, programmeB.id)
    ).id;
    programmeId = (
      await api.http.get(`/api/v1/students/${fw.studentId}`).set(bearer(fw.coordinatorToken))
    ).body.programmeId;
  });
  afterAll(() => api.close());

  const employ = (token: string, body: object) =>
    api.http.post('/api/v1/employments').set(bearer(token)).send(body);
  const employment = (studentId: string, employer: object, over: object = {}) => ({
    studentId,
    employer,
    startDate: '2026-09-01',
    endDate: '2028-08-31',
    contractType: 'fixed_term',
    hoursPerWeek: 32,
    ...over,
  });
  /** A problem body without the request path, to compare two answers. */
  const problem = (body: Record<string, unknown>) => ({ ...body, instance: undefined });

  it("refuses another tenant's foundation an employment of A's student, exactly like an unknown student", async () => {
    const foundationB = await createFoundation(api);
    const staffB = await foundationStaffToken(api, foundationB.id);
    const employer = { type: 'foundation', id: foundationB.id };
    const other = await employ(staffB, employment(fw.studentId, employer));
    const unknown = await employ(staffB, employment(randomUUID(), employer));
    expect(other.status).toBe(422);
    expect(problem(other.body)).toEqual(problem(unknown.body));
    expect(other.body.errors).toEqual([{ field: 'studentId', message: 'does not exist' }]);
    // Nor may another university's coordinator (same answer).
    const coordinator = await employ(
      tenantB.coordinatorToken,
      employment(fw.studentId, { type: 'company', id: fw.companyId }),
    );
    expect(coordinator.status).toBe(422);
    expect(coordinator.body.errors).toEqual(other.body.errors);
  });

  it('answers an overlap without naming an employment the caller cannot read', async () => {
    // A's university employs its student at a company; the foundation then gets a draft
    // agreement for the same student (so it sees the student) and tries an overlapping period.
    const first = await employ(
      fw.coordinatorToken,
      employment(fw.studentId, { type: 'company', id: fw.companyId }),
    );
    expect(first.status).toBe(201);
    await createAgreement(api, fw.coordinatorToken, foundationAgreementBody(fw));
    const foundationEmployer = { type: 'foundation', id: fw.foundationId };
    const hidden = await employ(
      fw.foundationStaffToken,
      employment(fw.studentId, foundationEmployer, { startDate: '2027-01-01' }),
    );
    expect(hidden.status).toBe(409);
    expect(hidden.body.type).toMatch(/employment-overlap$/);
    const text = JSON.stringify(hidden.body);
    expect(text).not.toContain(first.body.id);
    expect(text).not.toMatch(/2026-09-01|2028-08-31/);
    expect(hidden.body.employmentId).toBeUndefined();
    // The student's university can read that employment: it is named to them.
    const named = await employ(
      fw.coordinatorToken,
      employment(fw.studentId, foundationEmployer, { startDate: '2027-01-01' }),
    );
    expect(named.status).toBe(409);
    expect(named.body.employmentId).toBe(first.body.id);
    expect(named.body.detail).toContain('2026-09-01');
  });

  it("ranks only students the company can see: another university's student reads like an unknown one", async () => {
    const vacancy = await api.http
      .post('/api/v1/vacancies')
      .set(bearer(fw.companyRepToken))
      .send({
        companyId: fw.companyId,
        title: 'Werkvoorbereider (duaal)',
        programmeIds: [programmeId],
        capacity: 2,
        hoursPerWeek: 32,
        startDate: '2026-08-15',
        postcode: '5612 AA',
        sector: 'F',
      });
    expect(vacancy.status).toBe(201);
    const rank = (token: string, studentIds: string[]) =>
      api.http
        .put(`/api/v1/vacancies/${vacancy.body.id}/ranking`)
        .set(bearer(token))
        .send({ studentIds });
    const otherUniversity = await rank(fw.companyRepToken, [studentB]);
    const unknown = await rank(fw.companyRepToken, [randomUUID()]);
    expect(otherUniversity.status).toBe(422);
    expect(problem(otherUniversity.body)).toEqual(problem(unknown.body));
    // A student the company has an agreement with it sees, and may rank.
    await createAgreement(api, fw.coordinatorToken, agreementBody(fw));
    const own = await rank(fw.companyRepToken, [fw.studentId]);
    expect(own.status).toBe(200);
    // A coordinator does not replace the company's ranking, not even of its own students.
    expect((await rank(tenantB.coordinatorToken, [studentB])).status).toBe(403);
    expect((await rank(fw.coordinatorToken, [fw.studentId])).status).toBe(403);
  });

  it('takes only vacancies the student can see as preferences (a closed one reads as unknown)', async () => {
    const closed = await api.http
      .post('/api/v1/vacancies')
      .set(bearer(fw.companyRepToken))
      .send({
        companyId: fw.companyId,
        title: 'Gesloten plek',
        programmeIds: [programmeId],
        capacity: 1,
        hoursPerWeek: 32,
        startDate: '2026-08-15',
        postcode: '5612 AA',
      });
    expect(closed.status).toBe(201);
    expect(
      (
        await api.http
          .patch(`/api/v1/vacancies/${closed.body.id}`)
          .set(bearer(fw.companyRepToken))
          .send({ status: 'closed' })
      ).status,
    ).toBe(200);
    const seek = (preferences: string[]) =>
      api.http
        .put(`/api/v1/students/${fw.studentId}/seeking`)
        .set(bearer(fw.studentToken))
        .send({
          startDate: '2026-09-01',
          postcode: '5611 AB',
          maxTravelKm: 30,
          hoursPerWeek: 32,
          sectors: ['F'],
          preferences,
        });
    const hidden = await seek([closed.body.id]);
    const unknown = await seek([randomUUID()]);
    expect(hidden.status).toBe(422);
    expect(problem(hidden.body)).toEqual(problem(unknown.body));
  });
});
