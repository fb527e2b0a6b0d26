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
    expect(before.body).toEqual({ overdueDigest: true, language: 'nl' });

    const off = await api.http
      .put(path)
      .set(bearer(tenant.coordinatorToken))
      .send({ overdueDigest: false });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ overdueDigest: false, language: 'nl' });
    const after = await api.http.get(path).set(bearer(tenant.coordinatorToken));
    expect(after.body).toEqual({ overdueDigest: false, language: 'nl' });

    await api.http.put(path).set(bearer(tenant.coordinatorToken)).send({ overdueDigest: true });
    expect((await api.http.get(path).set(bearer(tenant.coordinatorToken))).body).toEqual({
      overdueDigest: true,
      language: 'nl',
    });
  });

  it('keeps the digest’s language until the user chooses another', async () => {
    const token = (await createTenant(api)).coordinatorToken;
    const en = await api.http
      .put(path)
      .set(bearer(token))
      .send({ overdueDigest: true, language: 'en' });
    expect(en.body).toEqual({ overdueDigest: true, language: 'en' });
    // Left out: unchanged.
    const off = await api.http.put(path).set(bearer(token)).send({ overdueDigest: false });
    expect(off.body).toEqual({ overdueDigest: false, language: 'en' });
    expect((await api.http.get(path).set(bearer(token))).body).toEqual({
      overdueDigest: false,
      language: 'en',
    });
  });

  it('refuses a language it does not write', async () => {
    const res = await api.http
      .put(path)
      .set(bearer(tenant.coordinatorToken))
      .send({ overdueDigest: true, language: 'de' });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('language must be one of nl, en');
  });

  it('refuses a body without a boolean', async () => {
    const res = await api.http
      .put(path)
      .set(bearer(tenant.coordinatorToken))
      .send({ overdueDigest: 'no' });
    expect(res.status).toBe(422);
  });
});
