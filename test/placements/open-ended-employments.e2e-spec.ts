import { bearer, startApi, TestApi } from '../helpers/api';
import { foundationWorld, FoundationWorld } from '../helpers/agreements';

/**
 * A permanent contract has no end date: the employment is open-ended, and every rule over
 * employment periods (overlap, secondments inside it, running on a date, bench days) treats it so.
 */
describe('placements: employments without end date', () => {
  let api: TestApi;
  let fw: FoundationWorld;

  beforeAll(async () => {
    api = await startApi();
    fw = await foundationWorld(api);
  });
  afterAll(() => api.close());

  const employ = (over: object = {}) =>
    api.http
      .post('/api/v1/employments')
      .set(bearer(fw.coordinatorToken))
      .send({
        studentId: fw.studentId,
        employer: { type: 'foundation', id: fw.foundationId },
        startDate: '2026-09-01',
        contractType: 'fixed_term',
        hoursPerWeek: 32,
        ...over,
      });
  const second = (employmentId: string, startDate: string, endDate: string) =>
    api.http
      .post(`/api/v1/employments/${employmentId}/secondments`)
      .set(bearer(fw.foundationStaffToken))
      .send({ hostCompanyId: fw.hostCompanyId, startDate, endDate });
  const read = (path: string, token = fw.foundationStaffToken) =>
    api.http.get(`/api/v1/${path}`).set(bearer(token));

  it('is open-ended for overlaps, secondments, lists, bench days and the overview', async () => {
    const fixedWithoutEnd = await employ();
    expect([fixedWithoutEnd.status, fixedWithoutEnd.body.errors?.[0]?.field]).toEqual([
      422,
      'endDate',
    ]);
    const permanent = await employ({ contractType: 'permanent' });
    expect(permanent.status).toBe(201);
    expect(permanent.body).toMatchObject({ contractType: 'permanent', endDate: null });
    const id = permanent.body.id;

    const later = await employ({ startDate: '2040-01-01', endDate: '2040-12-31' });
    expect(later.status).toBe(409);
    expect(later.body.detail).toMatch(/already employed from 2026-09-01, without end date/);

    expect((await second(id, '2026-09-01', '2035-12-31')).status).toBe(201);
    const early = await second(id, '2026-08-01', '2026-08-31');
    expect(early.status).toBe(422);
    expect(early.body.errors[0].message).toMatch(
      /within the employment \(2026-09-01 – \(no end date\)\)/,
    );

    const active = await read(
      `employments?studentId=${fw.studentId}&activeOn=2039-06-01`,
      fw.coordinatorToken,
    );
    expect(active.body.data.map((e: { id: string }) => e.id)).toEqual([id]);
    const bench = await read(`foundations/${fw.foundationId}/bench-days?until=2036-01-31`);
    expect(bench.status).toBe(200);
    expect(bench.body.data).toEqual([
      expect.objectContaining({ employmentId: id, startDate: '2036-01-01', endDate: '2036-01-31' }),
    ]);
    const overview = await read(`foundations/${fw.foundationId}/overview?until=2039-06-01`);
    expect(overview.status).toBe(200);
    expect(overview.body.data).toEqual([
      expect.objectContaining({ employmentId: id, endDate: null }),
    ]);
  });
});
