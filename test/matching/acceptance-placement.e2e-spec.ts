import { bearer, startApi, TestApi, userToken } from '../helpers/api';
import { acceptanceSteps } from '../helpers/acceptance';
import { createSupervisor, foundationWorld, FoundationWorld } from '../helpers/agreements';

/**
 * What an acceptance puts into the placement: the supervisor the vacancy (or the coordinator)
 * names and never a guessed one; an employment that lasts as long as its contract.
 */
describe('matching: what acceptance places', () => {
  let api: TestApi;
  let fw: FoundationWorld;
  let steps: ReturnType<typeof acceptanceSteps>;

  beforeAll(async () => {
    api = await startApi();
    fw = await foundationWorld(api);
    const student = await api.http
      .get(`/api/v1/students/${fw.studentId}`)
      .set(bearer(fw.coordinatorToken));
    steps = acceptanceSteps(api, fw, student.body.programmeId);
  });
  afterAll(() => api.close());

  const get = async (path: string) =>
    (await api.http.get(`/api/v1/${path}`).set(bearer(fw.coordinatorToken))).body;
  const companyVacancy = (over: object = {}) =>
    steps.vacancy(
      { foundationId: undefined, companyId: fw.companyId, ...over },
      fw.companyRepToken,
    );
  const accepted = async (vacancyId: string, choices: object = {}) => {
    const res = await steps.accept(vacancyId, choices);
    expect([res.status, res.body.detail]).toEqual([200, undefined]);
    return res.body.placement;
  };

  it("puts the vacancy's named supervisor into the draft, or none: never one guessed from the company", async () => {
    // The company has a supervisor (fw.supervisorId), but the vacancy names none.
    const unnamed = await accepted((await companyVacancy()).id);
    expect(unnamed.agreementWarnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'terms.workplace.supervisorId' })]),
    );
    expect(unnamed.supervisor).toBeNull();
    const draft = await get(`agreements/${unnamed.agreementId}`);
    expect(draft.currentVersion.terms.workplace.supervisorId).toBe('');
    const submit = await api.http
      .post(`/api/v1/agreements/${draft.id}/submit`)
      .set(bearer(fw.coordinatorToken));
    expect(submit.status).toBe(422);
    expect(submit.body.errors.map((e: { field: string }) => e.field)).toContain(
      'terms.workplace.supervisorId',
    );

    // A vacancy naming its supervisor: that one, whoever else the company has.
    const named = await createSupervisor(api, fw.companyId);
    const placed = await accepted((await companyVacancy({ supervisorId: named })).id);
    const terms = (await get(`agreements/${placed.agreementId}`)).currentVersion.terms;
    expect(terms.workplace.supervisorId).toBe(named);
    // The coordinator sees whom the placement names: trained or not, hours, load (this one included).
    expect(placed.supervisor).toEqual({
      id: named,
      companyId: fw.companyId,
      name: expect.any(String),
      trained: true,
      hoursPerWeek: 4,
      load: {
        on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        placements: expect.any(Number),
        coachingHoursPerWeek: expect.any(Number),
      },
    });

    // A foundation vacancy with a host and no supervisor: the secondment names nobody either.
    const seconded = await accepted((await steps.vacancy({ hostCompanyId: fw.hostCompanyId })).id);
    expect((await get(`employments/${seconded.employmentId}/secondments`)).data).toEqual([
      expect.objectContaining({ hostCompanyId: fw.hostCompanyId, supervisorId: null }),
    ]);
    const secondedTerms = (await get(`agreements/${seconded.agreementId}`)).currentVersion.terms;
    expect(secondedTerms.workplace.supervisorId).toBe('');
  });

  it('the employment ends with the contract: a fixed-term one after its months, a permanent one never', async () => {
    const place = async (vacancyId: string, contract: object) => {
      const p = await accepted(vacancyId, contract);
      return {
        employment: await get(`employments/${p.employmentId}`),
        terms: (await get(`agreements/${p.agreementId}`)).currentVersion.terms,
        secondment: p.secondmentId
          ? (await get(`employments/${p.employmentId}/secondments`)).data[0]
          : null,
      };
    };
    const company = await companyVacancy();
    // The programme's nominal years (2): the agreement runs to 2028-08-31 whatever the contract.
    const fixed = await place(company.id, { contractType: 'fixed_term', contractMonths: 12 });
    expect(fixed.employment).toMatchObject({
      contractType: 'fixed_term',
      startDate: '2026-09-01',
      endDate: '2027-08-31',
    });
    expect(fixed.terms).toMatchObject({ startDate: '2026-09-01', endDate: '2028-08-31' });
    expect(fixed.terms.employment).toMatchObject({
      contractType: 'fixed_term',
      contractMonths: 12,
    });

    const permanent = await place(company.id, { contractType: 'permanent' });
    expect(permanent.employment).toMatchObject({ contractType: 'permanent', endDate: null });
    expect(permanent.terms.employment.contractType).toBe('permanent');
    expect(permanent.terms.endDate).toBe('2028-08-31');

    // A foundation's first secondment ends with the contract or the agreement, whichever is first.
    const hosted = await steps.vacancy({ hostCompanyId: fw.hostCompanyId });
    const short = await place(hosted.id, { contractType: 'fixed_term', contractMonths: 12 });
    expect(short.employment.endDate).toBe('2027-08-31');
    expect(short.secondment).toMatchObject({ startDate: '2026-09-01', endDate: '2027-08-31' });
    const open = await place(hosted.id, { contractType: 'permanent' });
    expect(open.employment.endDate).toBeNull();
    expect(open.secondment).toMatchObject({ startDate: '2026-09-01', endDate: '2028-08-31' });

    // By default: fixed-term over the programme's nominal years, as before.
    const byDefault = await place(company.id, {});
    expect(byDefault.employment).toMatchObject({
      contractType: 'fixed_term',
      endDate: '2028-08-31',
    });
    expect(byDefault.terms.employment.contractMonths).toBe(24);

    // The student accepts the offer but does not name the contract (403, nothing placed).
    const studentId = await steps.seekingStudent();
    const offer = await steps.offered(studentId, company.id);
    const token = await userToken(api, api.adminToken, { role: 'student', studentId });
    const refused = await steps.move(token, offer, 'accepted', { contractType: 'permanent' });
    expect(refused.status).toBe(403);
    expect((await get(`matches/${offer}`)).status).toBe('offered');
  });
});
