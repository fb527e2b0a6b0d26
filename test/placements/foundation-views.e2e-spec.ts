import { bearer, startApi, TestApi } from '../helpers/api';
import { foundationWorld, FoundationWorld } from '../helpers/agreements';
import { createProgramme, createStudent } from '../helpers/directory';

interface BenchDay {
  employmentId: string;
  startDate: string;
  days: number;
}
interface OverviewRow {
  employmentId: string;
  startDate: string;
}

/** The foundation-wide lists, a page at a time (API.md: `limit`, `cursor`, `nextCursor`). */
describe('foundation views: bench days and overview, paginated', () => {
  let api: TestApi;
  let fw: FoundationWorld;
  /** Employment ids in the order they were made (S1 … S5 below). */
  const employments: string[] = [];

  const get = (path: string) =>
    api.http
      .get(`/api/v1/foundations/${fw.foundationId}/${path}`)
      .set(bearer(fw.foundationStaffToken));

  /** Follows nextCursor from the first page to the last; returns every page. */
  async function allPages<T>(path: string, limit: number) {
    const pages: { data: T[]; body: Record<string, unknown> }[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const query: string = `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await get(query).expect(200);
      pages.push({ data: res.body.data, body: res.body });
      cursor = res.body.nextCursor;
    } while (cursor !== null && pages.length < 10);
    return pages;
  }

  beforeAll(async () => {
    api = await startApi();
    fw = await foundationWorld(api);
    const programme = await createProgramme(api, fw.coordinatorToken, fw.universityId);
    // Five foundation employees. Start dates and hosted periods are chosen so that the overview's
    // order (start date, id) is not the creation order, and bench days tie on length (S1/S5:
    // same start too; S3/S4: same length, other start).
    const plans: { start: string; hosted: [string, string][] }[] = [
      { start: '2026-09-01', hosted: [] }, // S1: 273 bench days up to 2027-05-31
      { start: '2026-10-01', hosted: [['2026-10-01', '2027-03-31']] }, // S2: 61
      {
        start: '2026-09-01',
        hosted: [
          ['2026-09-01', '2027-01-31'],
          ['2027-02-10', '2027-05-31'],
        ],
      }, // S3: 9, from 2027-02-01
      { start: '2026-11-01', hosted: [['2026-11-10', '2027-05-31']] }, // S4: 9, from 2026-11-01
      { start: '2026-09-01', hosted: [] }, // S5: 273
    ];
    for (const plan of plans) {
      const student = await createStudent(api, fw.coordinatorToken, fw.universityId, programme.id);
      const employment = await api.http
        .post('/api/v1/employments')
        .set(bearer(fw.coordinatorToken))
        .send({
          studentId: student.id,
          employer: { type: 'foundation', id: fw.foundationId },
          startDate: plan.start,
          endDate: '2028-08-31',
          contractType: 'fixed_term',
          hoursPerWeek: 32,
        })
        .expect(201);
      employments.push(employment.body.id);
      for (const [startDate, endDate] of plan.hosted) {
        await api.http
          .post(`/api/v1/employments/${employment.body.id}/secondments`)
          .set(bearer(fw.foundationStaffToken))
          .send({ hostCompanyId: fw.hostCompanyId, startDate, endDate })
          .expect(201);
      }
    }
  });
  afterAll(() => api.close());

  it('pages bench days longest first, ties by start date then employment, with alerts over the whole list', async () => {
    const [s1, s2, s3, s4, s5] = employments;
    const [first273, second273] = [s1, s5].sort();
    const expected = [
      [first273, '2026-09-01', 273],
      [second273, '2026-09-01', 273],
      [s2, '2027-04-01', 61],
      [s4, '2026-11-01', 9],
      [s3, '2027-02-01', 9],
    ];

    const pages = await allPages<BenchDay>('bench-days?until=2027-05-31', 2);
    expect(pages.map((p) => p.data.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.data).map((d) => [d.employmentId, d.startDate, d.days])).toEqual(
      expected,
    );
    for (const { body } of pages) {
      expect(body).toMatchObject({ until: '2027-05-31', alertLimitDays: 14, alerts: 3 });
    }
    expect(pages[2].body.nextCursor).toBeNull();

    const whole = await get('bench-days?until=2027-05-31').expect(200);
    expect(whole.body.nextCursor).toBeNull();
    expect(whole.body.data).toEqual(pages.flatMap((p) => p.data));
  });

  it('pages the overview by start date and employment id', async () => {
    const [s1, s2, s3, s4, s5] = employments;
    const expected = [...[s1, s3, s5].sort(), s2, s4];

    const pages = await allPages<OverviewRow>('overview?until=2026-12-01', 2);
    expect(pages.map((p) => p.data.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.data).map((r) => r.employmentId)).toEqual(expected);
    for (const { body } of pages) expect(body).toMatchObject({ foundationId: fw.foundationId });
    expect(pages[2].body.nextCursor).toBeNull();

    const whole = await get('overview?until=2026-12-01').expect(200);
    expect(whole.body.nextCursor).toBeNull();
    expect(whole.body.data).toEqual(pages.flatMap((p) => p.data));
  });

  it('refuses a cursor it did not issue, or one from the other list, and a limit out of range', async () => {
    const bench = await get('bench-days?until=2027-05-31&limit=1').expect(200);
    const overview = await get('overview?until=2026-12-01&limit=1').expect(200);
    for (const path of [
      `overview?cursor=${bench.body.nextCursor}`,
      `bench-days?cursor=${overview.body.nextCursor}`,
      'overview?cursor=not-a-cursor',
      `bench-days?cursor=${Buffer.from('key:[1,"2026-02-30","x"]').toString('base64url')}`,
    ]) {
      const res = await get(path).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([
        { field: 'cursor', message: 'is not a cursor this API issued' },
      ]);
    }
    for (const limit of ['0', '201', 'many']) {
      const res = await get(`overview?limit=${limit}`);
      expect([400, 422]).toContain(res.status);
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual([
        'limit',
      ]);
    }
  });
});
