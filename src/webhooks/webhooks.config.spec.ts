import { loadWebhooksConfig } from './webhooks.config';

describe('webhooks configuration', () => {
  it('has the defaults API.md and the issue name', () => {
    const config = loadWebhooksConfig({});
    expect(config.retryDelaysMs).toEqual(
      [5, 300, 1800, 7200, 18000, 36000, 36000].map((s) => s * 1000),
    );
    expect(config.disableAfterMs).toBe(5 * 86_400_000);
    expect(config.timeoutMs).toBe(10_000);
    expect(config.secretOverlapMs).toBe(24 * 3_600_000);
    expect(config.allowPrivateTargets).toBe(false);
    expect(config.requireHttps).toBe(false);
    expect(config.endpointConcurrency).toBeLessThan(config.concurrency);
  });

  it('takes fractions of days and hours (tests run short schedules)', () => {
    const config = loadWebhooksConfig({
      WEBHOOK_DISABLE_AFTER_DAYS: String(2 / 86_400),
      WEBHOOK_SECRET_OVERLAP_HOURS: '0.5',
      WEBHOOK_RETRY_DELAYS: '0.2,0.2',
    });
    expect(config.disableAfterMs).toBe(2000);
    expect(config.secretOverlapMs).toBe(1_800_000);
    expect(config.retryDelaysMs).toEqual([200, 200]);
  });

  it.each([
    [{ WEBHOOK_DISABLE_AFTER_DAYS: 'soon' }, /WEBHOOK_DISABLE_AFTER_DAYS/],
    [{ WEBHOOK_TIMEOUT_SECONDS: '0' }, /WEBHOOK_TIMEOUT_SECONDS/],
    [{ WEBHOOK_ENDPOINT_CONCURRENCY: '0' }, /WEBHOOK_ENDPOINT_CONCURRENCY/],
    [{ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'maybe' }, /WEBHOOK_ALLOW_PRIVATE_TARGETS/],
  ])('refuses %j', (env, message) => {
    expect(() => loadWebhooksConfig(env)).toThrow(message);
  });

  it('in production: https only, a key of our own, never private targets', () => {
    const key = 'ab'.repeat(32);
    expect(
      loadWebhooksConfig({ NODE_ENV: 'production', WEBHOOK_SECRET_KEY: key }).requireHttps,
    ).toBe(true);
    expect(() => loadWebhooksConfig({ NODE_ENV: 'production' })).toThrow(/WEBHOOK_SECRET_KEY/);
    expect(() =>
      loadWebhooksConfig({
        NODE_ENV: 'production',
        WEBHOOK_SECRET_KEY: key,
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      }),
    ).toThrow(/development and tests only/);
  });
});
