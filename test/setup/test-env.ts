/**
 * The environment every test process runs with. The global setup picks a database name unique
 * to the run (so parallel runs never drop each other's database) and a run-unique QUEUE_PREFIX;
 * workers inherit both through process.env.
 */
export function testEnv(): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL:
      process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dualroute_test',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    BOOTSTRAP_ADMIN_EMAIL: 'admin@test.local',
    BOOTSTRAP_ADMIN_PASSWORD: 'admin-password-test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    SIGNING_RATE_LIMIT_PER_MINUTE: '100000',
    JOB_POLL_MS: '50',
    DEMO_DATA: 'false',
    DOCUMENTS_DIR: `${process.env.TEST_DATA_DIR ?? '/tmp/dualroute-test'}/documents`,
    VERIFY_RATE_LIMIT_PER_MINUTE: '100000',
    // Without SMTP_URL, workers write e-mail as .eml files here, never into the repository.
    MAIL_DIR: `${process.env.TEST_DATA_DIR ?? '/tmp/dualroute-test'}/mail`,
    // Webhook receivers in tests listen on 127.0.0.1.
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  };
}

export const TEST_ENV = testEnv();
