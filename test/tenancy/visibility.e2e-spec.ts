import { bearer, startApi, TestApi, uniq } from '../helpers/api';
import {
  agreementBody,
  createAgreement,
  foundationWorld,
  FoundationWorld,
} from '../helpers/agreements';
import { createStudent } from '../helpers/directory';
import { companyRepToken, createCompany } from '../helpers/organisations';

/**
 * Issue 10, part 5: visibility follows employment, secondment, agreement (and an introduction),
 * read-only, for every role. A foundation sees its employees; a company the students it
 * employs, hosts, has an agreement with or has been introduced to; writes stay with the owners.
 */
describe('tenancy: companies and foundations see the students placed with them', () => {
  let api: TestApi;
  let fw: FoundationWorld;
  let programmeId: string;
  /** Employed by the foundation, seconded to the host company. */
  let seconded: string;
  /** Employed by the company. */
  let employed: string;
  /** Party to a (draft) agreement with the company only. */
  let agreed: string;
  /** Introduced to the company through a match. */
  let introduced: string;
  /** No relation with anyone but the university. */
  let unrelated: string;
  let employmentId: string;
  let secondmentId: string;
  let matchId: string;

  const get = (token: string, path: string) => api.http.get(path).set(bearer(token));
  const ids = async (token: string, path: string) =>
    ((await get(token, path)).body.data as { id: string }[]).map((r) => r.id);

  beforeAll(async () => {
    api = await startApi();
    fw = await foundationWorld(api);
    programmeId = (await get(fw.coordinatorToken, `/api/v1/students/${fw.studentId}`)).body
      .programmeId;
    const student = async () =>
      (
        await createStudent(api, fw.coordinatorToken, fw.universityId, programmeId, {
          dateOfBirth: '2000-03-15',
        })
      ).id;
    seconded = fw.studentId;
    [employed, agreed, introduced, unrelated] = [
      await student(),
      await student(),
      await student(),
      await student(),
    ];

    const employ = (studentId: string, employer: object) =>
      api.http.post('/api/v1/employments').set(bearer(fw.coordinatorToken)).send({
        studentId,
        employer,
        startDate: '2026-09-01',
        endDate: '2028-08-31',
        contractType: 'fixed_term',
        hoursPerWeek: 32,
      });
    employmentId = (await employ(seconded, { type: 'foundation', id: fw.foundationId })).body.id;
    secondmentId = (
      await api.http
        .post(`/api/v1/employments/${employmentId}/secondments`)
        .set(bearer(fw.foundationStaffToken))
        .send({ hostCompanyId: fw.hostCompanyId, startDate: '2026-09-01', endDate: '2027-08-31' })
    ).body.id;
    expect((await employ(employed, { type: 'company', id: fw.companyId })).status).toBe(201);
    await createAgreement(api, fw.coordinatorToken, { ...agreementBody(fw), studentId: agreed });

    await api.http
      .put(`/api/v1/students/${introduced}/seeking`)
      .set(bearer(fw.coordinatorToken))
      .send({
        startDate: '2026-09-01',
        postcode: '5611 AB',
        maxTravelKm: 50,
        hoursPerWeek: 32,
        sectors: [],
        preferences: [],
      });
    const vacancy = await api.http
      .post('/api/v1/vacancies')
      .set(bearer(fw.companyRepToken))
      .send({
        companyId: fw.companyId,
        title: `Werkplek ${uniq()}`,
        programmeIds: [programmeId],
        capacity: 3,
        hoursPerWeek: 32,
        startDate: '2026-08-15',
        startLatest: '2026-10-01',
        postcode: '5612 AA',
      });
    const match = await api.http
      .post('/api/v1/matches')
      .set(bearer(fw.coordinatorToken))
      .send({ studentId: introduced, vacancyId: vacancy.body.id });
    expect(match.status).toBe(201);
    matchId = match.body.id;
  });
  afterAll(() => api.close());

  it('shows foundation staff their employee, the employment and its secondments', async () => {
    expect(await ids(fw.foundationStaffToken, '/api/v1/students?limit=200')).toEqual([seconded]);
    expect((await get(fw.foundationStaffToken, `/api/v1/students/${seconded}`)).status).toBe(200);
    // Its employee's employments only (another test may record a further one of the same student).
    const employments = await get(fw.foundationStaffToken, '/api/v1/employments');
    expect(employments.body.data.map((e: { id: string }) => e.id)).toContain(employmentId);
    for (const e of employments.body.data) expect(e.studentId).toBe(seconded);
    expect(
      await ids(fw.foundationStaffToken, `/api/v1/employments/${employmentId}/secondments`),
    ).toEqual([secondmentId]);
    for (const other of [employed, agreed, introduced, unrelated])
      expect((await get(fw.foundationStaffToken, `/api/v1/students/${other}`)).status).toBe(404);
  });

  it('shows the host company the student seconded to it, with the employment, read-only', async () => {
    expect(await ids(fw.hostRepToken, '/api/v1/students?limit=200')).toEqual([seconded]);
    expect((await get(fw.hostRepToken, `/api/v1/employments/${employmentId}`)).status).toBe(200);
    expect((await get(fw.hostRepToken, `/api/v1/secondments/${secondmentId}`)).status).toBe(200);
    const write = await api.http
      .post(`/api/v1/secondments/${secondmentId}/end`)
      .set(bearer(fw.hostRepToken))
      .send({ endDate: '2027-01-31', reason: 'probe' });
    expect(write.status).toBe(403);
  });

  it('shows the company the students it employs, has an agreement with or was introduced to', async () => {
    const before = await ids(fw.companyRepToken, '/api/v1/students?limit=200');
    expect(before.sort()).toEqual([employed, agreed].sort());
    // A bare proposal shows the company nothing; the introduction does.
    expect((await get(fw.companyRepToken, `/api/v1/students/${introduced}`)).status).toBe(404);
    const introduce = await api.http
      .post(`/api/v1/matches/${matchId}/transitions`)
      .set(bearer(fw.coordinatorToken))
      .send({ to: 'introduced' });
    expect(introduce.status).toBe(200);
    expect((await get(fw.companyRepToken, `/api/v1/students/${introduced}`)).status).toBe(200);
    expect((await get(fw.companyRepToken, `/api/v1/students/${unrelated}`)).status).toBe(404);
    expect((await get(fw.companyRepToken, `/api/v1/students/${seconded}`)).status).toBe(404);
    // Another company sees none of them.
    const stranger = await companyRepToken(api, (await createCompany(api)).id);
    expect(await ids(stranger, '/api/v1/students?limit=200')).toEqual([]);
  });

  it('keeps writes with the owners: a company or foundation that sees a student changes nothing', async () => {
    for (const token of [fw.companyRepToken, fw.foundationStaffToken]) {
      const student = token === fw.companyRepToken ? employed : seconded;
      expect(
        (
          await api.http
            .patch(`/api/v1/students/${student}`)
            .set(bearer(token))
            .send({ firstName: 'X' })
        ).status,
      ).toBe(403);
      expect(
        (
          await api.http.put(`/api/v1/students/${student}/seeking`).set(bearer(token)).send({
            startDate: '2026-09-01',
            postcode: '5611 AB',
            maxTravelKm: 10,
            hoursPerWeek: 32,
            sectors: [],
            preferences: [],
          })
        ).status,
      ).toBe(403);
    }
    const employ = await api.http
      .post('/api/v1/employments')
      .set(bearer(fw.companyRepToken))
      .send({
        studentId: employed,
        employer: { type: 'company', id: fw.companyId },
        startDate: '2029-09-01',
        endDate: '2030-08-31',
        contractType: 'fixed_term',
        hoursPerWeek: 32,
      });
    expect(employ.status).toBe(403);
    // The foundation may record a further employment of its own employee (it can see them).
    const again = await api.http
      .post('/api/v1/employments')
      .set(bearer(fw.foundationStaffToken))
      .send({
        studentId: seconded,
        employer: { type: 'foundation', id: fw.foundationId },
        startDate: '2028-09-01',
        endDate: '2029-08-31',
        contractType: 'fixed_term',
        hoursPerWeek: 32,
      });
    expect(again.status).toBe(201);
  });
});
