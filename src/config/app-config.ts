import { registerAs } from '@nestjs/config';

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  databaseUrl: string;
  databaseName: string;
  redisUrl: string;
  queuePrefix: string;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  bootstrapAdminEmail: string | null;
  bootstrapAdminPassword: string | null;
  demoData: boolean;
  logLevel: string;
  outboxPollMs: number;
  /** Proxy addresses whose X-Forwarded-For we believe (for client IPs in evidence and limits). */
  trustProxy: string | boolean;
  loginRateLimitPerMinute: number;
}

export class ConfigError extends Error {}

const DEV_JWT_SECRET = 'dev-only-jwt-secret-do-not-use-in-production';

/** A boolean environment variable (true/false, 1/0, yes/no, on/off); empty means the fallback. */
export function bool(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, not "${value}"`);
}

/** A whole-number environment variable within [min, max]; empty means the fallback. */
export function int(value: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return n;
}

/** Reads and validates the environment once; a bad value stops start-up with a clear message. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['nodeEnv'];
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, test or production, not "${nodeEnv}"`);
  }
  const databaseUrl = env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/dualroute';
  let databaseName: string;
  try {
    const url = new URL(databaseUrl);
    if (!/^postgres(ql)?:$/.test(url.protocol)) throw new Error();
    databaseName = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
  } catch {
    throw new ConfigError(`DATABASE_URL must be a postgres:// URL, not "${databaseUrl}"`);
  }
  const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
  if (!/^rediss?:\/\//.test(redisUrl)) throw new ConfigError(`REDIS_URL must be a redis:// URL`);

  const jwtSecret = env.JWT_SECRET || (nodeEnv === 'production' ? '' : DEV_JWT_SECRET);
  if (!jwtSecret) throw new ConfigError('JWT_SECRET is required in production');
  if (nodeEnv === 'production' && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters in production');
  }
  const adminEmail = env.BOOTSTRAP_ADMIN_EMAIL || (nodeEnv === 'production' ? null : 'admin@dualroute.local');
  const adminPassword =
    env.BOOTSTRAP_ADMIN_PASSWORD || (nodeEnv === 'production' ? null : 'admin-password-dev');
  if (adminPassword !== null && adminPassword.length < 12) {
    throw new ConfigError('BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters');
  }
  const trustProxyRaw = env.TRUST_PROXY ?? '';
  return {
    nodeEnv,
    port: int(env.PORT, 3000, 'PORT', 0, 65535),
    databaseUrl,
    databaseName,
    redisUrl,
    queuePrefix: env.QUEUE_PREFIX || `dualroute-${databaseName}`,
    jwtSecret,
    jwtExpiresInSeconds: int(env.JWT_EXPIRES_IN_SECONDS, 3600, 'JWT_EXPIRES_IN_SECONDS', 60, 86400),
    bootstrapAdminEmail: adminEmail ? adminEmail.toLowerCase() : null,
    bootstrapAdminPassword: adminPassword,
    demoData: bool(env.DEMO_DATA, true, 'DEMO_DATA'),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    outboxPollMs: int(env.OUTBOX_POLL_MS, 200, 'OUTBOX_POLL_MS', 10, 60000),
    trustProxy: trustProxyRaw === '' ? false : trustProxyRaw === 'true' ? true : trustProxyRaw,
    loginRateLimitPerMinute: int(env.LOGIN_RATE_LIMIT_PER_MINUTE, 20, 'LOGIN_RATE_LIMIT_PER_MINUTE', 1, 100000),
  };
}

export const appConfig = registerAs('app', () => loadAppConfig());
export const APP_CONFIG = appConfig.KEY;
