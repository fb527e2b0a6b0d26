import { bearer, startApi, TestApi } from '../helpers/api';

describe('platform: health, OpenAPI, problem+json', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('reports liveness and readiness without a credential', async () => {
    const live = await api.http.get('/health/live').expect(200);
    expect(live.body.status).toBe('ok');
    const ready = await api.http.get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
    await api.http.get('/api/v1/health/ready').expect(200);
  });

  it('serves the OpenAPI document with the contract paths', async () => {
    const res = await api.http.get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/auth/login', '/api/v1/users', '/api/v1/api-keys', '/api/v1/universities/{id}']) {
      expect(Object.keys(res.body.paths)).toContain(path);
    }
    const ui = await api.http.get('/api/docs').redirects(1).expect(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers unknown routes and malformed JSON with problem+json, never 500', async () => {
    const missing = await api.http.get('/api/v1/nothing-here').set(bearer(api.adminToken)).expect(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    const malformed = await api.http
      .post('/api/v1/universities')
      .set(bearer(api.adminToken))
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(malformed.body).toMatchObject({ status: 400, title: 'Bad request' });
    const badId = await api.http.get('/api/v1/universities/not-a-uuid').set(bearer(api.adminToken)).expect(400);
    expect(badId.body.status).toBe(400);
  });

  it('echoes a request id and generates one when absent', async () => {
    const given = await api.http.get('/health/live').set('X-Request-Id', 'trace-123').expect(200);
    expect(given.headers['x-request-id']).toBe('trace-123');
    const generated = await api.http.get('/health/live').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
