import { registerAs } from '@nestjs/config';

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  /** Address the API and the worker's health listener bind (HOST, default 0.0.0.0: all). */
  host: string;
  port: number;
  databaseUrl: string;
  databaseName: string;
  databasePool: DatabasePoolConfig;
  redisUrl: string;
  queuePrefix: string;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  bootstrapAdminEmail: string | null;
  bootstrapAdminPassword: string | null;
  /** Load the demo data on an empty database (DEMO_DATA; default true, false in production). */
  demoData: boolean;
  logLevel: string;
  /** Proxy addresses whose X-Forwarded-For we believe (for client IPs in evidence and limits). */
  trustProxy: string | boolean;
  loginRateLimitPerMinute: number;
  /**
   * The worker's health listener (WORKER_HEALTH_PORT): a port (0 = any free one), or null = none.
   * Default 3001 (none in test); `explicit` says whether the port was asked for, so a taken
   * default port is only a warning while a taken chosen one stops the worker.
   */
  workerHealth: { port: number | null; explicit: boolean };
}

/** The PostgreSQL pool of each process. */
export interface DatabasePoolConfig {
  /** Connections per process (DATABASE_POOL_SIZE, default 20). */
  size: number;
  /**
   * How long a query waits for a connection, new or from a full pool
   * (DATABASE_CONNECT_TIMEOUT_MS, default 800), before the request answers 503: with
   * PostgreSQL unreachable or the pool exhausted, a client gets its answer within a second.
   */
  connectTimeoutMs: number;
  /**
   * The same wait in the worker (DATABASE_WORKER_CONNECT_TIMEOUT_MS, default 5000): it answers
   * no request, so it can wait out a PostgreSQL busy with migrations and demo data at start-up
   * instead of failing its first connection and logging a retry.
   */
  workerConnectTimeoutMs: number;
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
export function int(
  value: string | undefined,
  fallback: number,
  name: string,
  min: number,
  max: number,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return n;
}

/** A number (decimals allowed: tests use seconds' worth of days) within [min, max]; empty means the fallback. */
export function decimal(
  value: string | undefined,
  fallback: number,
  name: string,
  min: number,
  max: number,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a number from ${min} to ${max}, not "${value}"`);
  }
  return n;
}

/** DATABASE_POOL_SIZE, DATABASE_CONNECT_TIMEOUT_MS and DATABASE_WORKER_CONNECT_TIMEOUT_MS, validated. */
export function loadDatabasePoolConfig(env: NodeJS.ProcessEnv = process.env): DatabasePoolConfig {
  return {
    size: int(env.DATABASE_POOL_SIZE, 20, 'DATABASE_POOL_SIZE', 1, 1000),
    connectTimeoutMs: int(
      env.DATABASE_CONNECT_TIMEOUT_MS,
      800,
      'DATABASE_CONNECT_TIMEOUT_MS',
      100,
      60_000,
    ),
    workerConnectTimeoutMs: int(
      env.DATABASE_WORKER_CONNECT_TIMEOUT_MS,
      5000,
      'DATABASE_WORKER_CONNECT_TIMEOUT_MS',
      100,
      300_000,
    ),
  };
}

/**
 * Demo data (well-known accounts and passwords) never lands in production by accident: off by
 * default there, and asking for it needs DEMO_DATA_ALLOW_IN_PRODUCTION=true as well.
 */
function demoData(env: NodeJS.ProcessEnv, nodeEnv: AppConfig['nodeEnv']): boolean {
  const production = nodeEnv === 'production';
  const wanted = bool(env.DEMO_DATA, !production, 'DEMO_DATA');
  const allowed = bool(env.DEMO_DATA_ALLOW_IN_PRODUCTION, false, 'DEMO_DATA_ALLOW_IN_PRODUCTION');
  if (production && wanted && !allowed) {
    throw new ConfigError(
      'DEMO_DATA=true in production would create demo accounts with published passwords: ' +
        'unset it, or also set DEMO_DATA_ALLOW_IN_PRODUCTION=true if you really mean it',
    );
  }
  return wanted;
}

function workerHealth(
  env: NodeJS.ProcessEnv,
  nodeEnv: AppConfig['nodeEnv'],
): AppConfig['workerHealth'] {
  const raw = env.WORKER_HEALTH_PORT ?? '';
  if (raw === '') return { port: nodeEnv === 'test' ? null : 3001, explicit: false };
  if (/^(off|false|none)$/i.test(raw)) return { port: null, explicit: true };
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new ConfigError(
      `WORKER_HEALTH_PORT must be a port (0 = any free one) or off, not "${raw}"`,
    );
  }
  return { port, explicit: true };
}

/** An address to listen on: a host name or an IPv4/IPv6 address, nothing else. */
function listenHost(value: string | undefined): string {
  const host = value || '0.0.0.0';
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) {
    throw new ConfigError(
      `HOST must be a host name or an IP address (e.g. 0.0.0.0, 127.0.0.1, ::), not "${host}"`,
    );
  }
  return host;
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
  const adminEmail =
    env.BOOTSTRAP_ADMIN_EMAIL || (nodeEnv === 'production' ? null : 'admin@dualroute.local');
  const adminPassword =
    env.BOOTSTRAP_ADMIN_PASSWORD || (nodeEnv === 'production' ? null : 'admin-password-dev');
  if (adminPassword !== null && adminPassword.length < 12) {
    throw new ConfigError('BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters');
  }
  const trustProxyRaw = env.TRUST_PROXY ?? '';
  return {
    nodeEnv,
    host: listenHost(env.HOST),
    port: int(env.PORT, 3000, 'PORT', 0, 65535),
    databaseUrl,
    databaseName,
    databasePool: loadDatabasePoolConfig(env),
    redisUrl,
    queuePrefix: env.QUEUE_PREFIX || `dualroute-${databaseName}`,
    jwtSecret,
    jwtExpiresInSeconds: int(env.JWT_EXPIRES_IN_SECONDS, 3600, 'JWT_EXPIRES_IN_SECONDS', 60, 86400),
    bootstrapAdminEmail: adminEmail ? adminEmail.toLowerCase() : null,
    bootstrapAdminPassword: adminPassword,
    demoData: demoData(env, nodeEnv),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    trustProxy: trustProxyRaw === '' ? false : trustProxyRaw === 'true' ? true : trustProxyRaw,
    loginRateLimitPerMinute: int(
      env.LOGIN_RATE_LIMIT_PER_MINUTE,
      20,
      'LOGIN_RATE_LIMIT_PER_MINUTE',
      1,
      100000,
    ),
    workerHealth: workerHealth(env, nodeEnv),
  };
}

export const appConfig = registerAs('app', () => loadAppConfig());
export const APP_CONFIG = appConfig.KEY;
