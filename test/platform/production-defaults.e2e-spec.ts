import { createApiApp } from '../../src/bootstrap/api-app';
import { ConfigError } from '../../src/config/app-config';
import { startApi, TestApi } from '../helpers/api';
import { withEnv } from '../helpers/worker';

/** The API started as production: no bench endpoint, and no start without what production needs. */
describe('the API in production', () => {
  const production = {
    NODE_ENV: 'production',
    JWT_SECRET: 'an-e2e-production-secret-of-at-least-32-characters',
    PUBLIC_BASE_URL: 'https://dual.example.nl',
    DEMO_DATA: undefined,
    WEBHOOK_SECRET_KEY: 'aa'.repeat(32),
    WEBHOOK_ALLOW_PRIVATE_TARGETS: undefined,
    SMTP_URL: 'smtp://mx.dual.example.nl:587',
    MAIL_FROM: 'DualRoute <stage@dual.example.nl>',
  };
  let api: TestApi;
  let development: TestApi;

  beforeAll(async () => {
    api = await withEnv(production, () => startApi());
    development = await startApi();
  });
  afterAll(async () => {
    await api?.close();
    await development?.close();
  });

  it('serves no bench endpoint, while development does', async () => {
    expect((await api.http.get('/api/v1/health/bare')).status).toBe(404);
    expect((await api.http.get('/health/bare')).status).toBe(404);
    expect((await development.http.get('/api/v1/health/bare')).body).toEqual({ ok: true });
    // Health itself is served in production, of course.
    expect((await api.http.get('/health/ready')).status).toBe(200);
  });

  it('refuses to start without PUBLIC_BASE_URL', async () => {
    await expect(
      withEnv({ ...production, PUBLIC_BASE_URL: undefined }, () => createApiApp()),
    ).rejects.toThrow(/PUBLIC_BASE_URL is required in production/);
  });

  it('refuses to start without WEBHOOK_SECRET_KEY (webhook secrets are encrypted with it)', async () => {
    await expect(
      withEnv({ ...production, WEBHOOK_SECRET_KEY: undefined }, () => createApiApp()),
    ).rejects.toThrow(/WEBHOOK_SECRET_KEY/);
  });

  it('refuses to start without SMTP_URL and MAIL_FROM (e-mail to people)', async () => {
    await expect(
      withEnv({ ...production, SMTP_URL: undefined }, () => createApiApp()),
    ).rejects.toThrow(/SMTP_URL/);
    await expect(
      withEnv({ ...production, MAIL_FROM: undefined }, () => createApiApp()),
    ).rejects.toThrow(/MAIL_FROM/);
  });

  it('refuses to let webhooks reach private addresses', async () => {
    await expect(
      withEnv({ ...production, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }, () => createApiApp()),
    ).rejects.toThrow(/WEBHOOK_ALLOW_PRIVATE_TARGETS/);
  });

  it('refuses to start with demo data unless explicitly allowed', async () => {
    await expect(
      withEnv({ ...production, DEMO_DATA: 'true' }, () => createApiApp()),
    ).rejects.toThrow(ConfigError);
  });
});
