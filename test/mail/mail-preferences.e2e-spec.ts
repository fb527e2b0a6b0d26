import { bearer, createTenant, startApi, TestApi, Tenant } from '../helpers/api';

describe('mail preferences', () => {
  let api: TestApi;
  let tenant: Tenant;

  beforeAll(async () => {
    api = await startApi();
    tenant = await createTenant(api);
  }, 60_000);
  afterAll(() => api.close());

  const path = '/api/v1/users/me/mail-preferences';

  it('has the overdue digest on until the user switches it off, and back on', async () => {
    const before = await api.http.get(path).set(bearer(tenant.coordinatorToken));
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ overdueDigest: true });

    const off = await api.http
      .put(path)
      .set(bearer(tenant.coordinatorToken))
      .send({ overdueDigest: false });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ overdueDigest: false });
    const after = await api.http.get(path).set(bearer(tenant.coordinatorToken));
    expect(after.body).toEqual({ overdueDigest: false });

    await api.http.put(path).set(bearer(tenant.coordinatorToken)).send({ overdueDigest: true });
    expect((await api.http.get(path).set(bearer(tenant.coordinatorToken))).body).toEqual({
      overdueDigest: true,
    });
  });

  it('refuses a body without a boolean', async () => {
    const res = await api.http
      .put(path)
      .set(bearer(tenant.coordinatorToken))
      .send({ overdueDigest: 'no' });
    expect(res.status).toBe(422);
  });
});
