import { bearer, createTenant, startApi, TestApi, userToken } from '../helpers/api';
import { foundationWorld, FoundationWorld } from '../helpers/agreements';
import { createStudent } from '../helpers/directory';
import { companyRepToken, createCompany } from '../helpers/organisations';

describe('matching: vacancies, shortlists, matches, placement on acceptance', () => {
  let api: TestApi;
  let fw: FoundationWorld;
  let programmeId: string;

  beforeAll(async () => {
    api = await startApi();
    fw = await foundationWorld(api);
    const student = (
      await api.http.get(`/api/v1/students/${fw.studentId}`).set(bearer(fw.coordinatorToken))
    ).body;
    programmeId = student.programmeId;
  });
  afterAll(() => api.close());

  const seek = (token: string, studentId: string, over: object = {}) =>
    api.http
      .put(`/api/v1/students/${studentId}/seeking`)
      .set(bearer(token))
      .send({
        startDate: '2026-09-01',
        postcode: '5611 AB',
        latitude: 51.44,
        longitude: 5.47,
        maxTravelKm: 30,
        hoursPerWeek: 32,
        sectors: ['F'],
        preferences: [],
        ...over,
      });
  const vacancy = (token: string, over: object = {}) =>
    api.http
      .post('/api/v1/vacancies')
      .set(bearer(token))
      .send({
        companyId: fw.companyId,
        supervisorId: fw.supervisorId,
        title: 'Werkvoorbereider (duaal)',
        programmeIds: [programmeId],
        capacity: 1,
        hoursPerWeek: 32,
        salaryMinCents: 280_000,
        salaryMaxCents: 320_000,
        startDate: '2026-08-15',
        startLatest: '2026-10-01',
        postcode: '5612 AA',
        latitude: 51.45,
        longitude: 5.48,
        sector: 'F',
        ...over,
      });
  const move = (token: string, id: string, to: string, reason?: string) =>
    api.http
      .post(`/api/v1/matches/${id}/transitions`)
      .set(bearer(token))
      .send({ to, ...(reason ? { reason } : {}) });

  it('a company match goes proposed → introduced → interviewing → offered → accepted, placing the student', async () => {
    expect((await seek(fw.studentToken, fw.studentId)).status).toBe(200);
    const v = await vacancy(fw.companyRepToken);
    expect(v.status).toBe(201);
    expect(v.body).toMatchObject({
      status: 'open',
      openSeats: 1,
      programmeIds: [programmeId],
      startFrom: '2026-08-15',
      startTo: '2026-10-01',
    });

    const candidates = await api.http
      .get(`/api/v1/vacancies/${v.body.id}/candidates`)
      .set(bearer(fw.coordinatorToken));
    expect(candidates.status).toBe(200);
    const mine = candidates.body.data.find(
      (c: { student: { id: string } }) => c.student.id === fw.studentId,
    );
    expect(mine.components.map((c: { name: string }) => c.name).sort()).toEqual([
      'distance',
      'hours',
      'preference',
      'sector',
      'start',
    ]);
    const sum = mine.components.reduce(
      (n: number, c: { contribution: number }) => n + c.contribution,
      0,
    );
    expect(mine.score).toBeCloseTo(sum, 12);
    const suggestions = await api.http
      .get(`/api/v1/students/${fw.studentId}/suggestions`)
      .set(bearer(fw.studentToken));
    expect(suggestions.body.data.map((s: { vacancy: { id: string } }) => s.vacancy.id)).toContain(
      v.body.id,
    );

    const proposed = await api.http
      .post('/api/v1/matches')
      .set(bearer(fw.coordinatorToken))
      .send({ studentId: fw.studentId, vacancyId: v.body.id });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', score: mine.score });
    const id = proposed.body.id;
    const dup = await api.http
      .post('/api/v1/matches')
      .set(bearer(fw.coordinatorToken))
      .send({ studentId: fw.studentId, vacancyId: v.body.id });
    expect(dup.status).toBe(409);

    expect((await move(fw.companyRepToken, id, 'introduced')).status).toBe(403); // the coordinator introduces
    expect((await move(fw.coordinatorToken, id, 'accepted')).status).toBe(409); // not offered yet
    expect((await move(fw.coordinatorToken, id, 'introduced')).status).toBe(200);
    expect((await move(fw.companyRepToken, id, 'interviewing')).status).toBe(200);
    expect((await move(fw.studentToken, id, 'offered')).status).toBe(403);
    expect((await move(fw.companyRepToken, id, 'offered')).status).toBe(200);
    const accepted = await move(fw.studentToken, id, 'accepted');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', placement: { secondmentId: null } });
    const { employmentId, agreementId } = accepted.body.placement;

    const employment = await api.http
      .get(`/api/v1/employments/${employmentId}`)
      .set(bearer(fw.coordinatorToken));
    expect(employment.body).toMatchObject({
      employerType: 'company',
      employerCompanyId: fw.companyId,
      startDate: '2026-09-01',
      hoursPerWeek: 32,
      agreementId,
    });
    const agreement = await api.http
      .get(`/api/v1/agreements/${agreementId}`)
      .set(bearer(fw.coordinatorToken));
    expect(agreement.body).toMatchObject({
      status: 'draft',
      currentVersion: { number: 1, status: 'draft' },
    });
    expect(agreement.body.currentVersion.terms).toMatchObject({
      startDate: '2026-09-01',
      employment: {
        functionTitle: 'Werkvoorbereider (duaal)',
        grossMonthlySalaryCents: 280_000,
        hoursPerWeek: 32,
      },
      workplace: { supervisorId: fw.supervisorId },
    });
    const vacancyAfter = await api.http
      .get(`/api/v1/vacancies/${v.body.id}`)
      .set(bearer(fw.coordinatorToken));
    expect(vacancyAfter.body).toMatchObject({ status: 'filled', openSeats: 0 });
    const final = await move(fw.coordinatorToken, id, 'withdrawn', 'Te laat');
    expect(final.status).toBe(409);
  });

  it('a second acceptance for the last seat is refused (409): the vacancy filled and withdrew it; declining needs a reason', async () => {
    const v = await vacancy(fw.companyRepToken, { capacity: 1 });
    const others = [];
    for (let i = 0; i < 2; i += 1) {
      const s = await createStudent(api, fw.coordinatorToken, fw.universityId, programmeId, {
        dateOfBirth: '2001-01-01',
      });
      await seek(fw.coordinatorToken, s.id);
      others.push(s.id);
    }
    const ids = [];
    for (const studentId of others) {
      const m = await api.http
        .post('/api/v1/matches')
        .set(bearer(fw.coordinatorToken))
        .send({ studentId, vacancyId: v.body.id });
      expect(m.status).toBe(201);
      for (const to of ['introduced', 'offered'])
        expect((await move(fw.coordinatorToken, m.body.id, to)).status).toBe(200);
      ids.push(m.body.id);
    }
    const results = await Promise.all(ids.map((id) => move(fw.coordinatorToken, id, 'accepted')));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body).toMatchObject({ currentState: 'withdrawn', requested: 'accepted' });
    const loser = ids[results.findIndex((r) => r.status === 409)];
    const withdrawn = await api.http
      .get(`/api/v1/matches/${loser}`)
      .set(bearer(fw.coordinatorToken));
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', lastReason: 'vacancy_filled' });

    const open = await vacancy(fw.companyRepToken, { capacity: 2 });
    const m = await api.http
      .post('/api/v1/matches')
      .set(bearer(fw.coordinatorToken))
      .send({ studentId: others[ids.indexOf(loser)], vacancyId: open.body.id });
    expect((await move(fw.coordinatorToken, m.body.id, 'declined')).status).toBe(422);
    expect(
      (await move(fw.coordinatorToken, m.body.id, 'declined', 'Vacature past niet')).body,
    ).toMatchObject({ status: 'declined', lastReason: 'Vacature past niet' });
  });

  it('a foundation vacancy: acceptance makes the employment, the first secondment and a draft foundation agreement', async () => {
    const s = await createStudent(api, fw.coordinatorToken, fw.universityId, programmeId, {
      dateOfBirth: '2000-05-05',
    });
    await seek(fw.coordinatorToken, s.id, { startDate: '2026-09-15' });
    const v = await vacancy(fw.foundationStaffToken, {
      companyId: undefined,
      foundationId: fw.foundationId,
      hostCompanyId: fw.hostCompanyId,
      supervisorId: fw.hostSupervisorId,
      capacity: 3,
    });
    expect(v.status).toBe(201);
    const m = await api.http
      .post('/api/v1/matches')
      .set(bearer(fw.coordinatorToken))
      .send({ studentId: s.id, vacancyId: v.body.id });
    for (const [token, to] of [
      [fw.coordinatorToken, 'introduced'],
      [fw.foundationStaffToken, 'offered'],
      [fw.coordinatorToken, 'accepted'],
    ] as const) {
      expect((await move(token, m.body.id, to)).status).toBe(200);
    }
    const match = await api.http
      .get(`/api/v1/matches/${m.body.id}`)
      .set(bearer(fw.foundationStaffToken));
    expect(match.body).toMatchObject({
      status: 'accepted',
      employmentId: expect.any(String),
      agreementId: expect.any(String),
    });
    const secondments = await api.http
      .get(`/api/v1/employments/${match.body.employmentId}/secondments`)
      .set(bearer(fw.foundationStaffToken));
    expect(secondments.body.data).toEqual([
      expect.objectContaining({
        hostCompanyId: fw.hostCompanyId,
        startDate: '2026-09-15',
        supervisorId: fw.hostSupervisorId,
      }),
    ]);
    const agreement = await api.http
      .get(`/api/v1/agreements/${match.body.agreementId}`)
      .set(bearer(fw.foundationStaffToken));
    expect(agreement.body.parties).toMatchObject({
      employer: { type: 'foundation', id: fw.foundationId },
      host: { id: fw.hostCompanyId },
    });
  });

  it('edits a vacancy with If-Match; capacity never drops below the seats taken', async () => {
    const v = await vacancy(fw.companyRepToken, { capacity: 2 });
    const stale = await api.http
      .patch(`/api/v1/vacancies/${v.body.id}`)
      .set(bearer(fw.companyRepToken))
      .set('If-Match', '99')
      .send({ capacity: 3 });
    expect(stale.status).toBe(409);
    const ok = await api.http
      .patch(`/api/v1/vacancies/${v.body.id}`)
      .set(bearer(fw.companyRepToken))
      .set('If-Match', String(v.body.version))
      .send({ capacity: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      capacity: 1,
      openSeats: 1,
      status: 'open',
      version: v.body.version + 1,
    });
    const closed = await api.http
      .patch(`/api/v1/vacancies/${v.body.id}`)
      .set(bearer(fw.companyRepToken))
      .send({ status: 'closed' });
    expect(closed.body.status).toBe('closed');
    const filled = await api.http
      .patch(`/api/v1/vacancies/${v.body.id}`)
      .set(bearer(fw.companyRepToken))
      .send({ status: 'filled' });
    expect(filled.status).toBe(422);
    const students = await api.http.get('/api/v1/vacancies').set(bearer(fw.studentToken));
    expect(students.body.data.map((x: { id: string }) => x.id)).not.toContain(v.body.id); // students see open ones only
  });

  it('refuses bad input clearly and keeps tenants apart', async () => {
    const bad = await vacancy(fw.coordinatorToken, {
      foundationId: fw.foundationId,
      capacity: 0,
      postcode: 'nope',
      programmeIds: [],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'capacity',
      'postcode',
      'programmeIds',
    ]);
    const twoOwners = await vacancy(fw.coordinatorToken, { foundationId: fw.foundationId });
    expect(twoOwners.status).toBe(422);
    const otherCompany = await createCompany(api);
    const foreignRep = await companyRepToken(api, otherCompany.id);
    expect((await vacancy(foreignRep)).status).toBe(403);
    const seekBad = await seek(fw.studentToken, fw.studentId, {
      maxTravelKm: 0,
      startDate: '2026-02-30',
    });
    expect(seekBad.status).toBe(422);
    expect(seekBad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'maxTravelKm',
      'startDate',
    ]);

    const v = await vacancy(fw.companyRepToken, { capacity: 2 });
    const other = await createTenant(api);
    // Another university's coordinator sees the vacancy (offered to all) but not this university's matches or students.
    expect(
      (await api.http.get(`/api/v1/vacancies/${v.body.id}`).set(bearer(other.coordinatorToken)))
        .status,
    ).toBe(200);
    const cands = await api.http
      .get(`/api/v1/vacancies/${v.body.id}/candidates`)
      .set(bearer(other.coordinatorToken));
    expect(cands.body.data.map((c: { student: { id: string } }) => c.student.id)).not.toContain(
      fw.studentId,
    );
    expect(
      (
        await api.http
          .get(`/api/v1/students/${fw.studentId}/suggestions`)
          .set(bearer(other.coordinatorToken))
      ).status,
    ).toBe(404);
    expect(
      (
        await api.http
          .get(`/api/v1/students/${fw.studentId}/seeking`)
          .set(bearer(other.coordinatorToken))
      ).status,
    ).toBe(404);
    const s = await createStudent(api, fw.coordinatorToken, fw.universityId, programmeId, {
      dateOfBirth: '2001-01-01',
    });
    await seek(fw.coordinatorToken, s.id);
    const m = await api.http
      .post('/api/v1/matches')
      .set(bearer(fw.coordinatorToken))
      .send({ studentId: s.id, vacancyId: v.body.id });
    for (const token of [other.coordinatorToken, foreignRep]) {
      expect((await api.http.get(`/api/v1/matches/${m.body.id}`).set(bearer(token))).status).toBe(
        404,
      );
      expect((await move(token, m.body.id, 'declined', 'niet van ons')).status).toBe(404);
    }
    const studentOfOther = await userToken(api, api.adminToken, {
      role: 'student',
      studentId: fw.studentId,
    });
    expect(
      (await api.http.get(`/api/v1/matches/${m.body.id}`).set(bearer(studentOfOther))).status,
    ).toBe(404);
    expect(
      (
        await api.http
          .post('/api/v1/matches')
          .set(bearer(other.coordinatorToken))
          .send({ studentId: s.id, vacancyId: v.body.id })
      ).status,
    ).toBe(422);
    expect(
      (await api.http.get(`/api/v1/vacancies/${v.body.id}/candidates`).set(bearer(fw.studentToken)))
        .status,
    ).toBe(403);
  });
});
