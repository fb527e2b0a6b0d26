import { DataSource } from 'typeorm';
import { bearer, createTenant, login, startApi, Tenant, TestApi, uniq } from '../helpers/api';

describe('identity: login, users, API keys', () => {
  let api: TestApi;
  let tenantA: Tenant;
  let tenantB: Tenant;

  beforeAll(async () => {
    api = await startApi();
    [tenantA, tenantB] = await Promise.all([createTenant(api), createTenant(api)]);
  });
  afterAll(() => api.close());

  describe('login', () => {
    it('issues a JWT for correct credentials and tells who is calling', async () => {
      const res = await api.http
        .post('/api/v1/auth/login')
        .send({ email: tenantA.coordinatorEmail.toUpperCase(), password: 'coordinator-password' })
        .expect(200);
      expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: 3600 });
      const me = await api.http.get('/api/v1/auth/me').set(bearer(res.body.accessToken)).expect(200);
      expect(me.body).toMatchObject({ kind: 'user', role: 'coordinator', universityId: tenantA.universityId });
      expect(me.body.user.email).toBe(tenantA.coordinatorEmail);
      expect(JSON.stringify(me.body)).not.toMatch(/password/i);
    });

    it('answers 401 problem+json for a wrong password or an unknown email, alike', async () => {
      const wrong = await api.http
        .post('/api/v1/auth/login')
        .send({ email: tenantA.coordinatorEmail, password: 'wrong-password' })
        .expect(401);
      const unknown = await api.http
        .post('/api/v1/auth/login')
        .send({ email: `nobody-${uniq()}@test.local`, password: 'wrong-password' })
        .expect(401);
      expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(wrong.body.detail).toBe(unknown.body.detail);
    });

    it('refuses a malformed body with field errors', async () => {
      const res = await api.http.post('/api/v1/auth/login').send({ email: 'not-an-email' }).expect(422);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password']);
    });

    it('stores passwords as argon2id hashes', async () => {
      const [row] = await api.app
        .get(DataSource)
        .query('SELECT password_hash FROM users WHERE email = $1', [tenantA.coordinatorEmail]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
    });
  });

  describe('users', () => {
    it('lets a coordinator create a coordinator of their own university only', async () => {
      const body = { email: `c-${uniq()}@test.local`, name: 'Second', password: 'a-long-password', role: 'coordinator' };
      await api.http
        .post('/api/v1/users')
        .set(bearer(tenantA.coordinatorToken))
        .send({ ...body, universityId: tenantA.universityId })
        .expect(201);
      await api.http
        .post('/api/v1/users')
        .set(bearer(tenantA.coordinatorToken))
        .send({ ...body, email: `c-${uniq()}@test.local`, universityId: tenantB.universityId })
        .expect(403);
      await api.http
        .post('/api/v1/users')
        .set(bearer(tenantA.coordinatorToken))
        .send({ ...body, email: `c-${uniq()}@test.local`, role: 'admin', universityId: undefined })
        .expect(403);
    });

    it('requires exactly the scope id that belongs to the role', async () => {
      const res = await api.http
        .post('/api/v1/users')
        .set(bearer(api.adminToken))
        .send({ email: `x-${uniq()}@test.local`, name: 'X', password: 'a-long-password', role: 'coordinator' })
        .expect(422);
      expect(res.body.errors).toEqual([{ field: 'universityId', message: 'is required for the role coordinator' }]);
      const missing = await api.http
        .post('/api/v1/users')
        .set(bearer(api.adminToken))
        .send({
          email: `x-${uniq()}@test.local`,
          name: 'X',
          password: 'a-long-password',
          role: 'company_rep',
          companyId: '00000000-0000-7000-8000-000000000000',
        })
        .expect(422);
      expect(missing.body.errors).toEqual([{ field: 'companyId', message: 'does not exist' }]);
    });

    it('refuses a duplicate email with 409 and a short password with 422', async () => {
      await api.http
        .post('/api/v1/users')
        .set(bearer(api.adminToken))
        .send({ email: tenantA.coordinatorEmail, name: 'Dup', password: 'a-long-password', role: 'coordinator', universityId: tenantA.universityId })
        .expect(409);
      const short = await api.http
        .post('/api/v1/users')
        .set(bearer(api.adminToken))
        .send({ email: `s-${uniq()}@test.local`, name: 'S', password: 'short', role: 'admin' })
        .expect(422);
      expect(short.body.errors[0].field).toBe('password');
    });

    it('shows a coordinator only the users of their university', async () => {
      const list = await api.http.get('/api/v1/users?limit=200').set(bearer(tenantA.coordinatorToken)).expect(200);
      expect(list.body.data.length).toBeGreaterThan(0);
      for (const user of list.body.data) expect(user.universityId).toBe(tenantA.universityId);
      const other = await api.http.get('/api/v1/users?limit=200').set(bearer(tenantB.coordinatorToken)).expect(200);
      const otherId = other.body.data[0].id;
      await api.http.get(`/api/v1/users/${otherId}`).set(bearer(tenantA.coordinatorToken)).expect(404);
    });
  });

  describe('API keys', () => {
    it('creates a key shown once, stored hashed, scoped to one university, and revocable', async () => {
      const created = await api.http
        .post('/api/v1/api-keys')
        .set(bearer(tenantA.coordinatorToken))
        .send({ name: 'Osiris', universityId: tenantA.universityId })
        .expect(201);
      expect(created.body.key).toMatch(/^drk_/);
      const [row] = await api.app
        .get(DataSource)
        .query('SELECT secret_hash FROM api_keys WHERE id = $1', [created.body.id]);
      expect(row.secret_hash).not.toContain(created.body.key);
      expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);

      const listed = await api.http.get('/api/v1/api-keys').set(bearer(tenantA.coordinatorToken)).expect(200);
      const mine = listed.body.data.find((k: { id: string }) => k.id === created.body.id);
      expect(mine).toBeDefined();
      expect(mine.key).toBeUndefined();

      const key = { 'X-Api-Key': created.body.key };
      await api.http.get(`/api/v1/universities/${tenantA.universityId}`).set(key).expect(200);
      await api.http.get(`/api/v1/universities/${tenantB.universityId}`).set(key).expect(404);
      // An integration cannot mint keys or users.
      await api.http.post('/api/v1/api-keys').set(key).send({ name: 'x', universityId: tenantA.universityId }).expect(403);

      await api.http.delete(`/api/v1/api-keys/${created.body.id}`).set(bearer(tenantA.coordinatorToken)).expect(200);
      await api.http.get(`/api/v1/universities/${tenantA.universityId}`).set(key).expect(401);
    });

    it('does not let a coordinator create keys for another university or see its keys', async () => {
      await api.http
        .post('/api/v1/api-keys')
        .set(bearer(tenantA.coordinatorToken))
        .send({ name: 'x', universityId: tenantB.universityId })
        .expect(403);
      const keyB = await api.http
        .post('/api/v1/api-keys')
        .set(bearer(tenantB.coordinatorToken))
        .send({ name: 'B', universityId: tenantB.universityId })
        .expect(201);
      await api.http.delete(`/api/v1/api-keys/${keyB.body.id}`).set(bearer(tenantA.coordinatorToken)).expect(404);
    });

    it('answers 401 for an unknown key', async () => {
      await api.http.get('/api/v1/universities').set('X-Api-Key', 'drk_not-a-real-key-at-all-000000').expect(401);
    });
  });

  it('accepts the bootstrap admin only once: a second boot creates no second admin', async () => {
    const [{ count }] = await api.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS count FROM users WHERE email = 'admin@test.local'`);
    expect(count).toBe(1);
    expect(await login(api.http, 'admin@test.local', 'admin-password-test')).toEqual(expect.any(String));
  });
});
