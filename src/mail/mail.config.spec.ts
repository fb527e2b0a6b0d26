import { ConfigError } from '../config/app-config';
import { loadMailConfig, parseMailFrom } from './mail.config';

describe('loadMailConfig', () => {
  it('writes .eml files to var/mail outside production without SMTP_URL', () => {
    const config = loadMailConfig({ NODE_ENV: 'development' });
    expect(config.smtpUrl).toBeNull();
    expect(config.dir).toMatch(/var\/mail$/);
    expect(config.messageIdHost).toBe('dualroute.localhost');
  });

  it('requires SMTP_URL and MAIL_FROM in production', () => {
    const key = { WEBHOOK_SECRET_KEY: 'a'.repeat(64) };
    expect(() => loadMailConfig({ NODE_ENV: 'production', ...key, MAIL_FROM: 'a@b.nl' })).toThrow(
      ConfigError,
    );
    expect(() =>
      loadMailConfig({ NODE_ENV: 'production', ...key, SMTP_URL: 'smtp://mx.example.nl:587' }),
    ).toThrow(ConfigError);
    const ok = loadMailConfig({
      NODE_ENV: 'production',
      ...key,
      SMTP_URL: 'smtp://mx.example.nl:587',
      MAIL_FROM: 'Stage <stage@Example.NL>',
    });
    expect(ok.from).toEqual({ name: 'Stage', address: 'stage@Example.NL' });
    expect(ok.messageIdHost).toBe('example.nl');
  });

  it('looks for overdue digests hourly by default; decimals allowed, nothing else', () => {
    expect(loadMailConfig({}).digestPollSeconds).toBe(3600);
    expect(loadMailConfig({ MONITORING_DIGEST_POLL_SECONDS: '0.2' }).digestPollSeconds).toBe(0.2);
    expect(() => loadMailConfig({ MONITORING_DIGEST_POLL_SECONDS: '-1' })).toThrow(ConfigError);
  });

  it('reminds every 72 hours by default; decimals allowed, nothing else', () => {
    expect(loadMailConfig({})).toMatchObject({ reminderHours: 72, reminderPollSeconds: 60 });
    expect(
      loadMailConfig({ SIGNING_REMINDER_HOURS: '0.5', MAIL_REMINDER_POLL_SECONDS: '0.2' }),
    ).toMatchObject({ reminderHours: 0.5, reminderPollSeconds: 0.2 });
    expect(() => loadMailConfig({ SIGNING_REMINDER_HOURS: '0' })).toThrow(ConfigError);
    expect(() => loadMailConfig({ MAIL_REMINDER_POLL_SECONDS: 'soon' })).toThrow(ConfigError);
  });

  it('sends 4 messages at once by default; a whole number from 1 to 64', () => {
    expect(loadMailConfig({}).concurrency).toBe(4);
    expect(loadMailConfig({ MAIL_CONCURRENCY: '1' }).concurrency).toBe(1);
    for (const bad of ['0', '2.5', '65', 'many']) {
      expect(() => loadMailConfig({ MAIL_CONCURRENCY: bad })).toThrow(ConfigError);
    }
  });

  it('refuses an SMTP_URL that is not smtp(s)://', () => {
    expect(() => loadMailConfig({ SMTP_URL: 'http://mx' })).toThrow(ConfigError);
  });
});

describe('parseMailFrom', () => {
  it('reads a bare address, a named one and a quoted name', () => {
    expect(parseMailFrom('a@b.nl')).toEqual({ name: '', address: 'a@b.nl' });
    expect(parseMailFrom('"Hogeschool X" <a@b.nl>')).toEqual({
      name: 'Hogeschool X',
      address: 'a@b.nl',
    });
  });

  it('refuses what is not an address', () => {
    expect(() => parseMailFrom('nobody')).toThrow(ConfigError);
    expect(() => parseMailFrom('x <y>')).toThrow(ConfigError);
  });
});
