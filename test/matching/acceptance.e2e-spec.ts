import { DataSource } from 'typeorm';
import { acceptanceSteps } from '../helpers/acceptance';
import { bearer, startApi, TestApi, userToken } from '../helpers/api';
import { createSupervisor, foundationWorld, FoundationWorld } from '../helpers/agreements';
import { companyRepToken, createCompany } from '../helpers/organisations';

/**
 * Accepting a match: a foundation vacancy without a host (named in the acceptance, or the student
 * starts on the bench), the vacancy's editable host, and the matches an acceptance closes.
 */
describe('matching: acceptance', () => {
  let api: TestApi;
  let fw: FoundationWorld;
  let programmeId: string;
  let otherMemberId: string;
  let otherMemberSupervisorId: string;
  let steps: ReturnType<typeof acceptanceSteps>;

  beforeAll(async () => {
    api = await startApi();
    fw = await foundationWorld(api);
    programmeId = (
      await api.http.get(`/api/v1/students/${fw.studentId}`).set(bearer(fw.coordinatorToken))
    ).body.programmeId;
    otherMemberId = (await createCompany(api)).id;
    const added = await api.http
      .post(`/api/v1/foundations/${fw.foundationId}/members`)
      .set(bearer(api.adminToken))
      .send({ companyIds: [otherMemberId] });
    expect(added.status).toBeLessThan(300);
    otherMemberSupervisorId = await createSupervisor(api, otherMemberId);
    steps = acceptanceSteps(api, fw, programmeId);
  });
  afterAll(() => api.close());

  const seekingStudent = (startDate?: string) => steps.seekingStudent(startDate);
  const vacancy = (over?: object, token?: string) => steps.vacancy(over, token);
  const move = (token: string, id: string, to: string, extra?: object) =>
    steps.move(token, id, to, extra);
  const offered = (studentId: string, vacancyId: string) => steps.offered(studentId, vacancyId);

  const getMatch = async (id: string, token = fw.coordinatorToken) =>
    (await api.http.get(`/api/v1/matches/${id}`).set(bearer(token))).body;

  it('the coordinator names the first host (and supervisor) when accepting a foundation vacancy without one', async () => {
    const v = await vacancy();
    expect(v.hostCompanyId).toBeNull();
    const id = await offered(await seekingStudent('2026-09-15'), v.id);

    // Only when accepting, only the coordinator's side, only a member of the foundation.
    const early = await move(fw.coordinatorToken, id, 'declined', {
      reason: 'Geen plek',
      hostCompanyId: fw.hostCompanyId,
    });
    expect([early.status, early.body.errors?.[0]?.field]).toEqual([422, 'hostCompanyId']);
    expect(
      (await move(fw.foundationStaffToken, id, 'accepted', { hostCompanyId: fw.hostCompanyId }))
        .status,
    ).toBe(403);
    const stranger = await createCompany(api);
    const notMember = await move(fw.coordinatorToken, id, 'accepted', {
      hostCompanyId: stranger.id,
    });
    expect(notMember.status).toBe(422);
    expect(notMember.body.errors.map((e: { field: string }) => e.field)).toEqual(['hostCompanyId']);
    const wrongSupervisor = await move(fw.coordinatorToken, id, 'accepted', {
      hostCompanyId: fw.hostCompanyId,
      supervisorId: fw.supervisorId, // works at another company
    });
    expect(wrongSupervisor.body.errors?.[0]?.field).toBe('supervisorId');
    const untouched = await api.http
      .get(`/api/v1/vacancies/${v.id}`)
      .set(bearer(fw.coordinatorToken));
    expect(untouched.body.seatsTaken).toBe(0); // refused acceptances left nothing behind

    const accepted = await move(fw.coordinatorToken, id, 'accepted', {
      hostCompanyId: fw.hostCompanyId,
      supervisorId: fw.hostSupervisorId,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      companyId: fw.hostCompanyId,
      placement: {
        hostCompanyId: fw.hostCompanyId,
        onBench: false,
        secondmentId: expect.any(String),
      },
    });
    const { employmentId, agreementId } = accepted.body.placement;
    const secondments = await api.http
      .get(`/api/v1/employments/${employmentId}/secondments`)
      .set(bearer(fw.foundationStaffToken));
    expect(secondments.body.data).toEqual([
      expect.objectContaining({
        hostCompanyId: fw.hostCompanyId,
        supervisorId: fw.hostSupervisorId,
        startDate: '2026-09-15',
      }),
    ]);
    const agreement = await api.http
      .get(`/api/v1/agreements/${agreementId}`)
      .set(bearer(fw.coordinatorToken));
    expect(agreement.body.parties.host).toMatchObject({ id: fw.hostCompanyId });
    expect(agreement.body.currentVersion.terms.workplace.supervisorId).toBe(fw.hostSupervisorId);
    expect((await getMatch(id, fw.hostRepToken)).status).toBe('accepted'); // the host sees it
  });

  it('without a host the student starts on the bench: employed, no secondment, in the bench-day list', async () => {
    const v = await vacancy();
    const studentId = await seekingStudent('2026-09-01');
    const id = await offered(studentId, v.id);
    const token = await userToken(api, api.adminToken, { role: 'student', studentId });
    // The student accepts the offer; where they work is not theirs to name.
    expect((await move(token, id, 'accepted', { hostCompanyId: fw.hostCompanyId })).status).toBe(
      403,
    );
    const accepted = await move(token, id, 'accepted');
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    expect(accepted.body.placement).toMatchObject({
      onBench: true,
      hostCompanyId: null,
      secondmentId: null,
    });
    expect(accepted.body.placement.agreementWarnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'hostCompanyId' })]),
    );
    const { employmentId, agreementId } = accepted.body.placement;
    const bench = await api.http
      .get(`/api/v1/foundations/${fw.foundationId}/bench-days?until=2026-10-31`)
      .set(bearer(fw.foundationStaffToken));
    expect(bench.status).toBe(200);
    expect(bench.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          employmentId,
          studentId,
          startDate: '2026-09-01',
          endDate: '2026-10-31',
          days: 61,
        }),
      ]),
    );
    // The draft agreement waits for its host: submit names what is missing.
    const submit = await api.http
      .post(`/api/v1/agreements/${agreementId}/submit`)
      .set(bearer(fw.coordinatorToken));
    expect(submit.status).toBe(422);
    expect(submit.body.errors.map((e: { field: string }) => e.field)).toEqual(['hostCompanyId']);
    // The foundation seconds the student from the bench later.
    const later = await api.http
      .post(`/api/v1/employments/${employmentId}/secondments`)
      .set(bearer(fw.foundationStaffToken))
      .send({ hostCompanyId: fw.hostCompanyId, startDate: '2026-10-01', endDate: '2027-06-30' });
    expect(later.status).toBe(201);
  });

  it("edits a foundation vacancy's host with If-Match: members only; open matches follow it", async () => {
    const supervisorAtHost = fw.hostSupervisorId;
    const v = await vacancy({ hostCompanyId: fw.hostCompanyId, supervisorId: supervisorAtHost });
    const id = await offered(await seekingStudent(), v.id);
    const patch = (body: object, version?: number, token = fw.foundationStaffToken) => {
      const req = api.http.patch(`/api/v1/vacancies/${v.id}`).set(bearer(token));
      return (version === undefined ? req : req.set('If-Match', String(version))).send(body);
    };
    expect((await patch({ hostCompanyId: otherMemberId }, v.version + 3)).status).toBe(409);
    const stranger = await createCompany(api);
    const notMember = await patch({ hostCompanyId: stranger.id }, v.version);
    expect([notMember.status, notMember.body.errors?.[0]?.field]).toEqual([422, 'hostCompanyId']);
    const badSupervisor = await patch({ supervisorId: fw.supervisorId }, v.version);
    expect([badSupervisor.status, badSupervisor.body.errors?.[0]?.field]).toEqual([
      422,
      'supervisorId',
    ]);

    const moved = await patch({ hostCompanyId: otherMemberId }, v.version);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      hostCompanyId: otherMemberId,
      supervisorId: null, // the previous host's supervisor does not work at the new host
      version: v.version + 1,
    });
    const otherRep = await companyRepToken(api, otherMemberId);
    expect((await getMatch(id, otherRep)).companyId).toBe(otherMemberId);
    expect((await api.http.get(`/api/v1/matches/${id}`).set(bearer(fw.hostRepToken))).status).toBe(
      404,
    );
    const named = await patch({ supervisorId: otherMemberSupervisorId }, moved.body.version);
    expect(named.body.supervisorId).toBe(otherMemberSupervisorId);

    const accepted = await move(fw.coordinatorToken, id, 'accepted');
    expect(accepted.body.placement).toMatchObject({ hostCompanyId: otherMemberId, onBench: false });

    const current = await api.http
      .get(`/api/v1/vacancies/${v.id}`)
      .set(bearer(fw.coordinatorToken));
    expect(current.body.version).toBeGreaterThan(named.body.version); // the acceptance took a seat
    const cleared = await patch({ hostCompanyId: null }, current.body.version);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ hostCompanyId: null, supervisorId: null });
    const companyVacancy = await vacancy(
      { foundationId: undefined, companyId: fw.companyId, supervisorId: fw.supervisorId },
      fw.companyRepToken,
    );
    const refused = await api.http
      .patch(`/api/v1/vacancies/${companyVacancy.id}`)
      .set(bearer(fw.companyRepToken))
      .send({ hostCompanyId: fw.hostCompanyId });
    expect([refused.status, refused.body.errors?.[0]?.field]).toEqual([422, 'hostCompanyId']);
  });

  it("accepting withdraws the student's other open matches and a filled vacancy's other proposals, audited", async () => {
    const full = await vacancy({ hostCompanyId: fw.hostCompanyId, capacity: 1 });
    const other = await vacancy({ hostCompanyId: fw.hostCompanyId, capacity: 2 });
    const [placed, rival] = [await seekingStudent(), await seekingStudent()];
    const winner = await offered(placed, full.id);
    const elsewhere = await offered(placed, other.id);
    const competitor = await offered(rival, full.id);
    const rivalElsewhere = await offered(rival, other.id);

    const before = await getMatch(elsewhere);
    const accepted = await move(fw.coordinatorToken, winner, 'accepted');
    expect(accepted.status).toBe(200);
    expect(accepted.body.withdrawn).toEqual(
      expect.arrayContaining([
        { id: elsewhere, reason: 'student_placed' },
        { id: competitor, reason: 'vacancy_filled' },
      ]),
    );
    expect(accepted.body.withdrawn).toHaveLength(2);
    expect(await getMatch(elsewhere)).toMatchObject({
      status: 'withdrawn',
      lastReason: 'student_placed',
      version: before.version + 1, // a change like any other: If-Match sees it
    });
    expect(await getMatch(competitor)).toMatchObject({
      status: 'withdrawn',
      lastReason: 'vacancy_filled',
    });
    expect((await getMatch(rivalElsewhere)).status).toBe('offered'); // not closed by this placement

    const audit = await api.app
      .get(DataSource)
      .query(
        `SELECT resource_id AS id, data FROM audit_events WHERE action = 'transition:withdrawn' AND resource_id = ANY($1)`,
        [[elsewhere, competitor]],
      );
    expect(audit).toHaveLength(2);
    for (const row of audit)
      expect(row.data).toMatchObject({
        to: 'withdrawn',
        from: 'offered',
        causedBy: { matchId: winner, transition: 'accepted' },
      });
  });

  it('two acceptances for the same student at once: one places, the other finds its match withdrawn', async () => {
    for (let round = 0; round < 3; round += 1) {
      const [a, b] = [
        await vacancy({ hostCompanyId: fw.hostCompanyId }),
        await vacancy({ hostCompanyId: otherMemberId }),
      ];
      const studentId = await seekingStudent();
      const ids = [await offered(studentId, a.id), await offered(studentId, b.id)];
      const results = await Promise.all(ids.map((id) => move(fw.coordinatorToken, id, 'accepted')));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body).toMatchObject({ currentState: 'withdrawn', requested: 'accepted' });
      const loserId = ids[results.indexOf(loser)];
      expect(await getMatch(loserId)).toMatchObject({
        status: 'withdrawn',
        lastReason: 'student_placed',
      });
      const employments = await api.http
        .get(`/api/v1/employments?studentId=${studentId}`)
        .set(bearer(fw.coordinatorToken));
      expect(employments.body.data).toHaveLength(1);
    }
  });
});
