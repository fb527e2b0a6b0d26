import { bearer, startApi, TestApi } from '../helpers/api';
import {
  createAgreement,
  createSupervisor,
  foundationWorld,
  FoundationWorld,
  termsBody,
} from '../helpers/agreements';
import { createStudent } from '../helpers/directory';

const DAY = 86_400_000;
const dateFrom = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A supervisor's coaching load where a coordinator picks one: the placements they coach on a
 * date (secondments naming them, or employments whose agreement names them) and the coaching
 * hours summed, next to `trained` and `hoursPerWeek`.
 */
describe('workplace supervisors: coaching load', () => {
  let api: TestApi;
  let fw: FoundationWorld;
  let programmeId: string;

  beforeAll(async () => {
    api = await startApi();
    fw = await foundationWorld(api);
    programmeId = (
      await api.http.get(`/api/v1/students/${fw.studentId}`).set(bearer(fw.coordinatorToken))
    ).body.programmeId;
  });
  afterAll(() => api.close());

  async function post(token: string, path: string, body: object) {
    const res = await api.http.post(`/api/v1/${path}`).set(bearer(token)).send(body);
    expect([path, res.status, res.body.errors ?? res.body.detail]).toEqual([
      path,
      path.startsWith('agreements/') ? 200 : 201, // transitions answer 200
      undefined,
    ]);
    return res.body;
  }
  const student = async () =>
    (await createStudent(api, fw.coordinatorToken, fw.universityId, programmeId)).id;
  const employ = async (employer: object, startDate: string, endDate: string | null) =>
    post(fw.coordinatorToken, 'employments', {
      studentId: await student(),
      employer,
      startDate,
      ...(endDate ? { endDate } : {}),
      contractType: endDate ? 'fixed_term' : 'permanent',
      hoursPerWeek: 32,
    });
  const byFoundation = (startDate: string, endDate: string | null) =>
    employ({ type: 'foundation', id: fw.foundationId }, startDate, endDate);
  const second = (employmentId: string, body: object) =>
    post(fw.foundationStaffToken, `employments/${employmentId}/secondments`, {
      hostCompanyId: fw.hostCompanyId,
      ...body,
    });
  const loads = async (companyId: string, on: string) => {
    const res = await api.http
      .get(`/api/v1/companies/${companyId}/supervisors?loadOn=${on}`)
      .set(bearer(fw.coordinatorToken));
    expect(res.status).toBe(200);
    return Object.fromEntries(
      res.body.data.map(
        (s: { id: string; trained: boolean; hoursPerWeek: number; load: object }) => [
          s.id,
          { trained: s.trained, hoursPerWeek: s.hoursPerWeek, load: s.load },
        ],
      ),
    );
  };

  it('sums the coaching over placements running on the date: secondments and agreements naming the supervisor', async () => {
    const host = await createSupervisor(api, fw.hostCompanyId, 3);
    const untrained = await post(api.adminToken, `companies/${fw.hostCompanyId}/supervisors`, {
      name: 'Nog niet opgeleid',
      email: `untrained-${Date.now()}@test.local`,
      hoursPerWeek: 2,
      trained: false,
    });
    // A secondment naming the host supervisor, until 2027-08-31.
    const first = await byFoundation('2026-09-01', '2028-08-31');
    await second(first.id, { startDate: '2026-09-01', endDate: '2027-08-31', supervisorId: host });
    // A permanent employment seconded without a supervisor: its draft agreement names one.
    const open = await byFoundation('2027-01-01', null);
    await second(open.id, { startDate: '2027-01-01', endDate: '2027-12-31' });
    await createAgreement(api, fw.coordinatorToken, {
      studentId: open.studentId,
      employer: { type: 'foundation', id: fw.foundationId },
      hostCompanyId: fw.hostCompanyId,
      language: 'nl',
      terms: termsBody(host, { startDate: '2027-01-01', endDate: '2028-12-31' }),
    });
    // Not yet started on 2027-03-01, and later still.
    const later = await byFoundation('2027-06-01', '2028-05-31');
    await second(later.id, { startDate: '2027-06-01', endDate: '2028-05-31', supervisorId: host });

    expect((await loads(fw.hostCompanyId, '2027-03-01'))[host]).toEqual({
      trained: true,
      hoursPerWeek: 3,
      load: { on: '2027-03-01', placements: 2, coachingHoursPerWeek: 6 },
    });
    expect((await loads(fw.hostCompanyId, '2027-03-01'))[untrained.id]).toEqual({
      trained: false,
      hoursPerWeek: 2,
      load: { on: '2027-03-01', placements: 0, coachingHoursPerWeek: 0 },
    });
    // The first secondment has ended; the later one has begun.
    expect((await loads(fw.hostCompanyId, '2027-09-15'))[host].load).toEqual({
      on: '2027-09-15',
      placements: 2,
      coachingHoursPerWeek: 6,
    });
    expect((await loads(fw.hostCompanyId, '2028-01-15'))[host].load.placements).toBe(1);
  });

  it("counts a company's own employees by their agreement, with the coaching hours the agreement froze", async () => {
    const coach = await createSupervisor(api, fw.companyId, 4);
    const company = { type: 'company', id: fw.companyId };
    const signed = await employ(company, '2026-09-01', '2028-08-31');
    const agreement = await createAgreement(api, fw.coordinatorToken, {
      studentId: signed.studentId,
      employer: company,
      language: 'nl',
      terms: termsBody(coach),
    });
    await post(fw.coordinatorToken, `agreements/${agreement.id}/submit`, {});
    // A cancelled agreement names nobody any more.
    const dropped = await employ(company, '2026-09-01', '2028-08-31');
    const cancelled = await createAgreement(api, fw.coordinatorToken, {
      studentId: dropped.studentId,
      employer: company,
      language: 'nl',
      terms: termsBody(coach),
    });
    await post(fw.coordinatorToken, `agreements/${cancelled.id}/cancel`, {
      reason: 'Student koos een andere werkgever',
    });
    // Hours raised after the agreement was submitted: the agreement's 4 still count for it.
    const raised = await api.http
      .patch(`/api/v1/companies/${fw.companyId}/supervisors/${coach}`)
      .set(bearer(api.adminToken))
      .send({ hoursPerWeek: 6 });
    expect(raised.status).toBe(200);
    expect(raised.body.load).toMatchObject({ placements: expect.any(Number) });

    expect((await loads(fw.companyId, '2027-03-01'))[coach]).toEqual({
      trained: true,
      hoursPerWeek: 6,
      load: { on: '2027-03-01', placements: 1, coachingHoursPerWeek: 4 },
    });
    const one = await api.http
      .get(`/api/v1/companies/${fw.companyId}/supervisors/${coach}?loadOn=2027-03-01`)
      .set(bearer(fw.companyRepToken));
    expect(one.body.load).toEqual({ on: '2027-03-01', placements: 1, coachingHoursPerWeek: 4 });
    const bad = await api.http
      .get(`/api/v1/companies/${fw.companyId}/supervisors?loadOn=2027-02-30`)
      .set(bearer(fw.coordinatorToken));
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([422, 'loadOn']);
  });

  it("shows the vacancy's supervisor with trained, hours and today's load to those who may read supervisors", async () => {
    const coach = await createSupervisor(api, fw.hostCompanyId, 2.5);
    const now = Date.now();
    const running = await byFoundation(dateFrom(now - 60 * DAY), dateFrom(now + 300 * DAY));
    await second(running.id, {
      startDate: dateFrom(now - 30 * DAY),
      endDate: dateFrom(now + 30 * DAY),
      supervisorId: coach,
    });
    const vacancy = await post(fw.foundationStaffToken, 'vacancies', {
      foundationId: fw.foundationId,
      hostCompanyId: fw.hostCompanyId,
      supervisorId: coach,
      title: 'Werkvoorbereider',
      programmeIds: [programmeId],
      capacity: 1,
      hoursPerWeek: 32,
      salaryMinCents: 280_000,
      salaryMaxCents: 300_000,
      startDate: '2027-09-01',
      postcode: '5612 AA',
      sector: 'F',
    });
    expect(vacancy.supervisor).toMatchObject({ id: coach, trained: true, hoursPerWeek: 2.5 });
    const read = await api.http
      .get(`/api/v1/vacancies/${vacancy.id}`)
      .set(bearer(fw.coordinatorToken));
    expect(read.body.supervisor).toEqual({
      id: coach,
      companyId: fw.hostCompanyId,
      name: expect.any(String),
      trained: true,
      hoursPerWeek: 2.5,
      load: { on: dateFrom(now), placements: 1, coachingHoursPerWeek: 2.5 },
    });
    // A student reads the open vacancy, not the company's supervisors.
    const asStudent = await api.http
      .get(`/api/v1/vacancies/${vacancy.id}`)
      .set(bearer(fw.studentToken));
    expect(asStudent.status).toBe(200);
    expect(asStudent.body).toMatchObject({ supervisorId: coach, supervisor: null });
  });
});
