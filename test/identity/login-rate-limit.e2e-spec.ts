import { startApi, TestApi, uniq } from '../helpers/api';

describe('login rate limit', () => {
  let api: TestApi;
  const saved = { ...process.env };

  beforeAll(async () => {
    // A private counter namespace and a low limit, for this app instance only.
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '3';
    process.env.QUEUE_PREFIX = `${saved.QUEUE_PREFIX}-ratelimit-${uniq()}`;
    process.env.BOOTSTRAP_ADMIN_PASSWORD = saved.BOOTSTRAP_ADMIN_PASSWORD;
    try {
      api = await startApi(); // logs in once as admin: the first of the three attempts
    } finally {
      process.env = saved;
    }
  });
  afterAll(() => api.close());

  it('answers 429 problem+json with Retry-After once the limit is reached', async () => {
    const attempt = () => api.http.post('/api/v1/auth/login').send({ email: `x-${uniq()}@test.local`, password: 'guess' });
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
