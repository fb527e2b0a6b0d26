import { DataSource } from 'typeorm';
import { bearer, createTenant, randomBrin, startApi, TestApi, uniq } from '../helpers/api';

describe('concurrent requests cannot corrupt state', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('lets exactly one of many PATCHes with the same If-Match win', async () => {
    const tenant = await createTenant(api);
    const url = `/api/v1/universities/${tenant.universityId}`;
    const { body } = await api.http.get(url).set(bearer(api.adminToken)).expect(200);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api.http.patch(url).set(bearer(api.adminToken)).set('If-Match', String(body.version)).send({ city: `City ${i}` }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    const after = await api.http.get(url).set(bearer(api.adminToken)).expect(200);
    expect(after.body.version).toBe(body.version + 1);
    const winner = results.find((r) => r.status === 200)!;
    expect(after.body.city).toBe(winner.body.city);
  });

  it('creates one row when the same unique value is posted concurrently', async () => {
    const brinCode = randomBrin();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api.http.post('/api/v1/universities').set(bearer(api.adminToken)).send({ name: `Race ${i}`, brinCode }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    for (const r of results) expect(r.status).toBeLessThan(500);
  });

  it('runs a POST once when the same Idempotency-Key arrives concurrently', async () => {
    const key = `race-${uniq()}`;
    const body = { name: `Idem race ${uniq()}`, brinCode: randomBrin() };
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        api.http.post('/api/v1/universities').set(bearer(api.adminToken)).set('Idempotency-Key', key).send(body),
      ),
    );
    for (const r of results) expect([201, 409]).toContain(r.status);
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const r of created) expect(r.body.id).toBe(created[0].body.id);
    const [{ count }] = await api.app
      .get(DataSource)
      .query('SELECT count(*)::int AS count FROM universities WHERE brin_code = $1', [body.brinCode]);
    expect(count).toBe(1);
  });
});
