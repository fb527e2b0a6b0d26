import { PDFDocument } from 'pdf-lib';
import type { Response } from 'supertest';
import { agreementWorld, pendingAgreement } from '../helpers/agreements';
import { bearer, startApi, TestApi, uniq } from '../helpers/api';
import { TcpProxy, tryConnect } from '../helpers/tcp-proxy';
import { waitFor, withEnv } from '../helpers/worker';

/**
 * The API with PostgreSQL or Redis down: a request that needs the missing dependency answers a
 * 503 problem+json with Retry-After at once, one that does not need it keeps working, readiness
 * names what is down, and everything works again once the dependency is back.
 *
 * The API reaches both through TCP proxies the test can cut (new connections refused, open ones
 * dropped). Each request carries a client-side timeout: a request left hanging fails the test
 * (a hang detector, not a measurement; `npm run bench:outage` measures).
 */
describe('the API while a dependency is down', () => {
  const databaseUrl = new URL(process.env.DATABASE_URL as string);
  const redisUrl = new URL(process.env.REDIS_URL as string);
  const pg = new TcpProxy(Number(databaseUrl.port || 5432), databaseUrl.hostname);
  const redis = new TcpProxy(Number(redisUrl.port || 6379), redisUrl.hostname);
  const HANG = 4_000;

  let api: TestApi;
  let coordinatorToken: string;
  let agreementId: string;
  let contentHash: string;
  let pdf: Buffer;

  beforeAll(async () => {
    await pg.start(0);
    await redis.start(0);
    const proxiedDatabase = Object.assign(new URL(databaseUrl), { port: String(pg.port) });
    api = await withEnv(
      {
        DATABASE_URL: proxiedDatabase.toString(),
        REDIS_URL: redis.url,
        // Rate-limit counters of this app only, at limits a test never reaches.
        QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}:outage-${uniq()}`,
      },
      () => startApi(),
    );
    const world = await agreementWorld(api);
    coordinatorToken = world.coordinatorToken;
    ({ id: agreementId, contentHash } = await pendingAgreement(api, world));
    const blank = await PDFDocument.create();
    blank.addPage();
    pdf = Buffer.from(await blank.save());
  });

  afterAll(async () => {
    await pg.start().catch(() => undefined);
    await redis.start().catch(() => undefined);
    await api?.close();
    await pg.stop();
    await redis.stop();
  });

  async function signingLink(party: string): Promise<string> {
    const res = await api.http
      .post(`/api/v1/agreements/${agreementId}/signing-links`)
      .set(bearer(coordinatorToken))
      .send({ party, email: `${party}-${uniq()}@test.local`, name: `The ${party}` })
      .timeout(HANG);
    expect(res.status).toBe(201);
    return res.body.token;
  }

  const login = () =>
    api.http
      .post('/api/v1/auth/login')
      .send({
        email: process.env.BOOTSTRAP_ADMIN_EMAIL,
        password: process.env.BOOTSTRAP_ADMIN_PASSWORD,
      })
      .timeout(HANG);
  const verify = () =>
    api.http.post('/api/v1/verify').set('Content-Type', 'application/pdf').send(pdf).timeout(HANG);
  const signViaLink = (token: string) =>
    api.http
      .post(`/api/v1/signing/${token}/sign`)
      .send({ contentHash, name: 'A. Signer', consent: true })
      .timeout(HANG);
  const readAgreement = () =>
    api.http.get(`/api/v1/agreements/${agreementId}`).set(bearer(coordinatorToken)).timeout(HANG);
  const ready = () => api.http.get('/health/ready').timeout(HANG);

  function expectUnavailable(res: Response, type = 'service-unavailable'): void {
    expect({ status: res.status, body: res.body }).toMatchObject({
      status: 503,
      body: { status: 503, type: expect.stringMatching(new RegExp(`/${type}$`)) },
    });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  }

  describe('Redis down', () => {
    let employerLink: string;

    beforeAll(async () => {
      employerLink = await signingLink('employer');
      await redis.stop();
      expect(await tryConnect(redis.port)).toBe('ECONNREFUSED');
    });
    afterAll(async () => {
      await redis.start();
      await waitForReady();
    });

    it('still logs in, verifies and signs: rate limits are counted in the process meanwhile', async () => {
      const loggedIn = await login();
      expect(loggedIn.status).toBe(200);
      expect(loggedIn.body.accessToken).toEqual(expect.any(String));

      const verified = await verify();
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ valid: false, documentId: null });

      const signed = await signViaLink(employerLink);
      expect(signed.status).toBe(201);
    });

    it('serves authenticated reads, which need only PostgreSQL', async () => {
      const res = await readAgreement();
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(agreementId);
    });

    it('answers 503 with Retry-After where Redis itself is the answer (the queue view)', async () => {
      // The queue view gives Redis 3 s of its own before it answers 503 (src/jobs).
      const res = await api.http
        .get('/api/v1/admin/queues')
        .set(bearer(api.adminToken))
        .timeout(3 * HANG);
      expectUnavailable(res, '(service|queues)-unavailable');
    });

    it('is not ready, and says Redis is what is down', async () => {
      const res = await ready();
      expectUnavailable(res, 'not-ready');
      expect(res.body.details).toMatchObject({
        database: { status: 'up' },
        redis: { status: 'down' },
      });
      expect(res.body.down).toEqual(['redis']);
    });
  });

  describe('Redis back', () => {
    it('is ready again and reads the queues', async () => {
      await waitForReady();
      const queues = await api.http
        .get('/api/v1/admin/queues')
        .set(bearer(api.adminToken))
        .timeout(HANG);
      expect(queues.status).toBe(200);
    });
  });

  describe('Redis hangs (connections open, no answers)', () => {
    beforeAll(() => redis.stall());
    afterAll(async () => {
      await redis.stop();
      await redis.start();
      await waitForReady();
    });

    it('logs in and verifies: the rate limit gives up on Redis after its command timeout', async () => {
      expect((await login()).status).toBe(200);
      expect((await verify()).status).toBe(200);
    });

    it('is not ready, and says Redis is what is down', async () => {
      const res = await ready();
      expectUnavailable(res, 'not-ready');
      expect(res.body.down).toEqual(['redis']);
    });
  });

  describe('PostgreSQL hangs (new connections never answered)', () => {
    beforeAll(async () => {
      await pg.stop(); // cuts the pooled connections
      await pg.start();
      pg.stall();
    });
    afterAll(async () => {
      await pg.stop();
      await pg.start();
      await waitForReady();
    });

    it('answers 503 once the pool gives up connecting, also with more requests than connections', async () => {
      expectUnavailable(await login());
      const reads = await Promise.all(Array.from({ length: 25 }, () => readAgreement()));
      for (const res of reads) expectUnavailable(res);
    });

    it('is not ready, and says the database is what is down', async () => {
      const res = await ready();
      expectUnavailable(res, 'not-ready');
      expect(res.body.down).toEqual(['database']);
    });
  });

  describe('PostgreSQL down', () => {
    let universityLink: string;

    beforeAll(async () => {
      universityLink = await signingLink('university');
      await pg.stop();
      expect(await tryConnect(pg.port)).toBe('ECONNREFUSED');
    });
    afterAll(async () => {
      await pg.start();
      await waitForReady();
    });

    it('answers 503 problem+json with Retry-After to login, verify, signing and authenticated reads', async () => {
      expectUnavailable(await login());
      expectUnavailable(await verify());
      expectUnavailable(await signViaLink(universityLink));
      expectUnavailable(await readAgreement());
    });

    it('still rejects bad input and missing credentials as before, without the database', async () => {
      const badBody = await api.http.post('/api/v1/auth/login').send({ email: 'x' }).timeout(HANG);
      expect(badBody.status).toBe(422);
      const noToken = await api.http.get(`/api/v1/agreements/${agreementId}`).timeout(HANG);
      expect(noToken.status).toBe(401);
    });

    it('is not ready, and says the database is what is down', async () => {
      const res = await ready();
      expectUnavailable(res, 'not-ready');
      expect(res.body.details).toMatchObject({
        database: { status: 'down' },
        redis: { status: 'up' },
      });
      expect(res.body.down).toEqual(['database']);
    });

    // Its own block (tests run in a random order): back for its test, down again for the rest.
    describe('and back', () => {
      beforeAll(async () => {
        await pg.start();
        await waitForReady();
      });
      afterAll(() => pg.stop());

      it('recovers: the same requests succeed', async () => {
        expect((await login()).status).toBe(200);
        expect((await verify()).status).toBe(200);
        expect((await signViaLink(universityLink)).status).toBe(201);
        const read = await readAgreement();
        expect(read.status).toBe(200);
        expect(read.body.signing.awaited).not.toContain('university');
      });
    });
  });

  /** Readiness again (the pool and the Redis client reconnect on their own). */
  async function waitForReady(): Promise<void> {
    await waitFor(async () => (await ready()).status === 200, 20_000, 100);
  }
});
