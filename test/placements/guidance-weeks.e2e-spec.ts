import { DataSource } from 'typeorm';
import { bearer, startApi, TestApi } from '../helpers/api';
import {
  agreementWorld,
  AgreementWorld,
  foundationWorld,
  FoundationWorld,
} from '../helpers/agreements';
import { mondays } from '../helpers/guidance';
import { companyRepToken, createCompany } from '../helpers/organisations';

describe('placements: the guidance log of an employment', () => {
  let api: TestApi;
  let world: AgreementWorld;
  let employmentId: string;

  const put = (token: string, weeks: object[], id = employmentId) =>
    api.http.put(`/api/v1/employments/${id}/guidance-weeks`).set(bearer(token)).send({ weeks });
  const read = (token: string, query = '', id = employmentId) =>
    api.http.get(`/api/v1/employments/${id}/guidance-weeks${query}`).set(bearer(token));

  beforeAll(async () => {
    api = await startApi();
    world = await agreementWorld(api);
    const res = await api.http
      .post('/api/v1/employments')
      .set(bearer(world.coordinatorToken))
      .send({
        studentId: world.studentId,
        employer: { type: 'company', id: world.companyId },
        startDate: '2025-09-03',
        endDate: '2026-08-31',
        contractType: 'fixed_term',
        hoursPerWeek: 32,
      })
      .expect(201);
    employmentId = res.body.id;
  });
  afterAll(() => api.close());

  it('lets the employer record weeks in bulk, upserting a week sent again, audited', async () => {
    const first = await put(world.companyRepToken, mondays('2025-09-01', 30));
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(30);
    expect(first.body.data[0]).toMatchObject({
      weekStart: '2025-09-01',
      guided: true,
      absenceReason: null,
      supervisorHours: 4,
    });
    const again = await put(world.coordinatorToken, [
      { weekStart: '2025-09-08', guided: false, absenceReason: 'illness' },
      { weekStart: '2026-08-31', guided: false, absenceReason: 'holiday', supervisorHours: 0 },
    ]);
    expect(again.status).toBe(200);
    const list = await read(world.studentToken, '?from=2025-09-01&to=2026-12-31');
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(31);
    expect(list.body.data[1]).toMatchObject({
      weekStart: '2025-09-08',
      guided: false,
      absenceReason: 'illness',
    });
    expect(list.body.data[30]).toMatchObject({ weekStart: '2026-08-31', absenceReason: 'holiday' });
    const narrow = await read(world.companyRepToken, '?from=2025-09-08&to=2025-09-15');
    expect(narrow.body.data.map((w: { weekStart: string }) => w.weekStart)).toEqual([
      '2025-09-08',
      '2025-09-15',
    ]);
    const audit = await api.app
      .get(DataSource)
      .query(
        `SELECT action FROM audit_events WHERE resource_type = 'employment' AND resource_id = $1 AND action = 'guidance_weeks_recorded'`,
        [employmentId],
      );
    expect(audit).toHaveLength(2);
    // The employment keeps the log's totals: 29 guided weeks of 4 hours (one became illness).
    const employment = await api.http
      .get(`/api/v1/employments/${employmentId}`)
      .set(bearer(world.coordinatorToken))
      .expect(200);
    expect(employment.body).toMatchObject({ guidedHoursSum: 116, guidedHoursWeeks: 29 });
  });

  it('refuses a week that is not a Monday, outside the employment, twice, or an absence without reason, naming the index', async () => {
    const before = (await read(world.companyRepToken)).body.data;
    const res = await put(world.companyRepToken, [
      { weekStart: '2025-09-22', guided: true },
      { weekStart: '2025-09-23', guided: true },
      { weekStart: '2025-08-25', guided: true },
      { weekStart: '2025-09-22', guided: true },
      { weekStart: '2025-09-29', guided: false },
    ]);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'weeks[1].weekStart',
      'weeks[2].weekStart',
      'weeks[3].weekStart',
      'weeks[4].absenceReason',
    ]);
    const tooMany = await put(world.companyRepToken, mondays('2025-09-01', 61));
    expect(tooMany.status).toBe(422);
    // The refused calls changed nothing.
    expect((await read(world.companyRepToken)).body.data).toEqual(before);
    const span = await read(world.companyRepToken, '?from=2025-09-01&to=2030-01-01');
    expect(span.status).toBe(400);
  });

  it('lets the student read but not write, and hides the log from another company', async () => {
    expect((await put(world.studentToken, mondays('2025-09-01', 1))).status).toBe(403);
    const other = await companyRepToken(api, (await createCompany(api)).id);
    expect((await read(other)).status).toBe(404);
    expect((await put(other, mondays('2025-09-01', 1))).status).toBe(404);
  });

  describe('a foundation employment with a secondment', () => {
    let fw: FoundationWorld;
    let id: string;

    beforeAll(async () => {
      fw = await foundationWorld(api);
      const res = await api.http
        .post('/api/v1/employments')
        .set(bearer(fw.coordinatorToken))
        .send({
          studentId: fw.studentId,
          employer: { type: 'foundation', id: fw.foundationId },
          startDate: '2025-09-01',
          contractType: 'permanent',
          hoursPerWeek: 32,
        })
        .expect(201);
      id = res.body.id;
      await api.http
        .post(`/api/v1/employments/${id}/secondments`)
        .set(bearer(fw.foundationStaffToken))
        .send({ hostCompanyId: fw.hostCompanyId, startDate: '2025-09-01', endDate: '2025-12-31' })
        .expect(201);
    });

    it('lets the host write the weeks of its secondment only, and the foundation any week', async () => {
      expect((await put(fw.hostRepToken, mondays('2025-12-29', 1), id)).status).toBe(200);
      expect((await put(fw.hostRepToken, mondays('2026-01-05', 1), id)).status).toBe(403);
      // Open-ended: a week years ahead still lies inside the employment.
      expect((await put(fw.foundationStaffToken, mondays('2030-01-07', 2), id)).status).toBe(200);
    });
  });
});
