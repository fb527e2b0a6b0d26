import { ConfigError, loadAppConfig, loadDatabasePoolConfig } from './app-config';

/** What a production deployment must set at least. */
const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
};

describe('application configuration', () => {
  it('has development defaults that work on a laptop', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      host: '0.0.0.0',
      port: 3000,
      databaseName: 'dualroute',
      databasePool: { size: 20, connectTimeoutMs: 800, workerConnectTimeoutMs: 5000 },
      demoData: true,
      bootstrapAdminEmail: 'admin@dualroute.local',
      workerHealth: { port: 3001, explicit: false },
    });
  });

  describe('HOST', () => {
    it('is configurable: one interface, IPv6 any, or a host name', () => {
      expect(loadAppConfig({ HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
      expect(loadAppConfig({ HOST: '::' }).host).toBe('::');
      expect(loadAppConfig({ HOST: 'localhost' }).host).toBe('localhost');
    });

    it('refuses what is no address', () => {
      expect(() => loadAppConfig({ HOST: '0.0.0.0:3000/x' })).toThrow(/HOST/);
      expect(() => loadAppConfig({ HOST: 'two words' })).toThrow(ConfigError);
    });
  });

  describe('DEMO_DATA', () => {
    it('defaults to true outside production and false in production', () => {
      expect(loadAppConfig({ NODE_ENV: 'development' }).demoData).toBe(true);
      expect(loadAppConfig({ NODE_ENV: 'test' }).demoData).toBe(true);
      expect(loadAppConfig(PRODUCTION).demoData).toBe(false);
    });

    it('refuses to start production with demo data unless that is explicitly allowed', () => {
      expect(() => loadAppConfig({ ...PRODUCTION, DEMO_DATA: 'true' })).toThrow(
        /DEMO_DATA_ALLOW_IN_PRODUCTION/,
      );
      expect(
        loadAppConfig({ ...PRODUCTION, DEMO_DATA: 'true', DEMO_DATA_ALLOW_IN_PRODUCTION: 'true' })
          .demoData,
      ).toBe(true);
      // Allowing alone loads nothing.
      expect(loadAppConfig({ ...PRODUCTION, DEMO_DATA_ALLOW_IN_PRODUCTION: 'true' }).demoData).toBe(
        false,
      );
      expect(loadAppConfig({ ...PRODUCTION, DEMO_DATA: 'false' }).demoData).toBe(false);
    });

    it('names a bad value', () => {
      expect(() => loadAppConfig({ DEMO_DATA: 'maybe' })).toThrow(/DEMO_DATA/);
      expect(() => loadAppConfig({ ...PRODUCTION, DEMO_DATA_ALLOW_IN_PRODUCTION: 'sure' })).toThrow(
        /DEMO_DATA_ALLOW_IN_PRODUCTION/,
      );
    });
  });

  describe('secrets in production', () => {
    it('has no default JWT secret and no default admin', () => {
      expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
      expect(() => loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(
        /32 characters/,
      );
      expect(loadAppConfig(PRODUCTION)).toMatchObject({
        bootstrapAdminEmail: null,
        bootstrapAdminPassword: null,
      });
    });
  });

  describe('the PostgreSQL pool', () => {
    it('waits at most DATABASE_CONNECT_TIMEOUT_MS for a connection', () => {
      expect(
        loadDatabasePoolConfig({ DATABASE_POOL_SIZE: '5', DATABASE_CONNECT_TIMEOUT_MS: '2500' }),
      ).toEqual({
        size: 5,
        connectTimeoutMs: 2500,
        workerConnectTimeoutMs: 5000,
      });
    });

    it('lets the worker wait longer than a request (DATABASE_WORKER_CONNECT_TIMEOUT_MS)', () => {
      expect(
        loadDatabasePoolConfig({ DATABASE_WORKER_CONNECT_TIMEOUT_MS: '20000' })
          .workerConnectTimeoutMs,
      ).toBe(20000);
      expect(() => loadDatabasePoolConfig({ DATABASE_WORKER_CONNECT_TIMEOUT_MS: '50' })).toThrow(
        /DATABASE_WORKER_CONNECT_TIMEOUT_MS/,
      );
    });

    it('refuses sizes and timeouts that cannot work', () => {
      expect(() => loadDatabasePoolConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(
        /DATABASE_POOL_SIZE/,
      );
      expect(() => loadDatabasePoolConfig({ DATABASE_CONNECT_TIMEOUT_MS: '0' })).toThrow(
        /DATABASE_CONNECT_TIMEOUT_MS/,
      );
      expect(() => loadAppConfig({ DATABASE_POOL_SIZE: 'lots' })).toThrow(/DATABASE_POOL_SIZE/);
    });
  });

  describe('WORKER_HEALTH_PORT', () => {
    it('defaults to 3001, and to no listener in test runs', () => {
      expect(loadAppConfig({}).workerHealth).toEqual({ port: 3001, explicit: false });
      expect(loadAppConfig({ NODE_ENV: 'test' }).workerHealth).toEqual({
        port: null,
        explicit: false,
      });
    });

    it('takes a port, 0 for any free one, or off', () => {
      expect(loadAppConfig({ WORKER_HEALTH_PORT: '9101' }).workerHealth).toEqual({
        port: 9101,
        explicit: true,
      });
      expect(loadAppConfig({ WORKER_HEALTH_PORT: '0' }).workerHealth).toEqual({
        port: 0,
        explicit: true,
      });
      expect(loadAppConfig({ WORKER_HEALTH_PORT: 'off' }).workerHealth).toEqual({
        port: null,
        explicit: true,
      });
    });

    it('refuses anything else', () => {
      expect(() => loadAppConfig({ WORKER_HEALTH_PORT: '70000' })).toThrow(/WORKER_HEALTH_PORT/);
      expect(() => loadAppConfig({ WORKER_HEALTH_PORT: '-1' })).toThrow(/WORKER_HEALTH_PORT/);
      expect(() => loadAppConfig({ WORKER_HEALTH_PORT: 'yes' })).toThrow(/WORKER_HEALTH_PORT/);
    });
  });
});
