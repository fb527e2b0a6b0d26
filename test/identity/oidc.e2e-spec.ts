import { decodeJwt, generateKeyPair, SignJWT } from 'jose';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { bearer, createTenant, login, startApi, Tenant, TestApi, uniq } from '../helpers/api';
import { TestOidcProvider } from '../helpers/oidc';
import { withEnv } from '../helpers/worker';

const NO_ACCOUNT = 'No active account for this institution login; ask your coordinator or admin.';

/** A port nothing listens on: an institution whose login service is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('single sign-on with institutions’ OpenID providers', () => {
  let institution: TestOidcProvider;
  let shortLived: TestOidcProvider;
  let untrusted: TestOidcProvider;
  let downIssuer: string;
  let api: TestApi;
  let tenant: Tenant;
  let db: DataSource;

  beforeAll(async () => {
    [institution, shortLived, untrusted] = await Promise.all([
      TestOidcProvider.start(),
      TestOidcProvider.start({ idTokenTtlSeconds: 1 }),
      TestOidcProvider.start(),
    ]);
    downIssuer = `http://127.0.0.1:${await closedPort()}`;
    const issuers = [
      { issuer: institution.issuer, audience: 'dualroute' },
      { issuer: shortLived.issuer, audience: ['dualroute'], emailClaim: 'email' },
      { issuer: downIssuer, audience: 'dualroute' },
    ];
    api = await withEnv(
      {
        OIDC_ISSUERS: JSON.stringify(issuers),
        // Expiry exactly at `exp`, and an unknown key id refetches the keys at once: no waits.
        OIDC_CLOCK_TOLERANCE_SECONDS: '0',
        OIDC_JWKS_COOLDOWN_SECONDS: '0',
      },
      () => startApi(),
    );
    tenant = await createTenant(api);
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    await api?.close();
    await Promise.all([institution, shortLived, untrusted].map((p) => p?.stop()));
  });

  /** A coordinator of the tenant, with a password of their own. */
  async function coordinator(): Promise<{ id: string; email: string; password: string }> {
    const email = `sso-${uniq()}@test.local`;
    const password = 'a-long-test-password';
    const res = await api.http
      .post('/api/v1/users')
      .set(bearer(api.adminToken))
      .send({
        email,
        name: 'SSO Coordinator',
        password,
        role: 'coordinator',
        universityId: tenant.universityId,
      })
      .expect(201);
    return { id: res.body.id, email, password };
  }

  /** Someone at an institution: their subject there, with the e-mail it vouches for. */
  async function person(
    provider: TestOidcProvider,
    email: string,
    emailVerified = true,
  ): Promise<string> {
    const sub = `person-${uniq()}`;
    await provider.setAccount(sub, { email, email_verified: emailVerified });
    return sub;
  }

  const me = (token: string) => api.http.get('/api/v1/auth/me').set(bearer(token));

  async function link(
    userId: string,
  ): Promise<{ oidc_issuer: string | null; oidc_subject: string | null }> {
    const [row] = await db.query('SELECT oidc_issuer, oidc_subject FROM users WHERE id = $1', [
      userId,
    ]);
    return row;
  }

  const linkEvents = (
    userId: string,
  ): Promise<{ actor_kind: string; actor_id: string; data: Record<string, unknown> }[]> =>
    db.query(
      `SELECT actor_kind, actor_id, data FROM audit_events
        WHERE resource_type = 'user' AND resource_id = $1 AND action = 'oidc_linked'`,
      [userId],
    );

  function expectProblem(
    res: { status: number; headers: Record<string, string>; body: { detail?: string } },
    detail: RegExp | string,
  ) {
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    if (typeof detail === 'string') expect(res.body.detail).toBe(detail);
    else expect(res.body.detail).toMatch(detail);
  }

  it('signs an active user in by verified e-mail (any case) with exactly what their password gives', async () => {
    const user = await coordinator();
    const sub = await person(institution, user.email.toUpperCase());
    const sso = await me(await institution.idToken(sub)).expect(200);

    expect(sso.body).toMatchObject({
      kind: 'user',
      id: user.id,
      role: 'coordinator',
      universityId: tenant.universityId,
    });
    expect(sso.body.user.email).toBe(user.email);
    expect(await link(user.id)).toEqual({ oidc_issuer: institution.issuer, oidc_subject: sub });
    const events = await linkEvents(user.id);
    expect(events).toEqual([
      expect.objectContaining({
        actor_kind: 'user',
        actor_id: user.id,
        data: { issuer: institution.issuer, subject: sub },
      }),
    ]);

    // Local password login keeps working, and gives the very same identity.
    const password = await me(await login(api.http, user.email, user.password)).expect(200);
    expect(password.body).toEqual(sso.body);
  });

  it('recognises a linked person by subject after their e-mail at the institution changed', async () => {
    const user = await coordinator();
    const sub = await person(institution, user.email);
    await me(await institution.idToken(sub)).expect(200);

    await institution.setAccount(sub, {
      email: `renamed-${uniq()}@elsewhere.example`,
      email_verified: false,
    });
    const again = await me(await institution.idToken(sub)).expect(200);
    expect(again.body).toMatchObject({ id: user.id, role: 'coordinator' });
    expect(await linkEvents(user.id)).toHaveLength(1);
  });

  it('refuses an unknown e-mail with a clear problem and creates no account', async () => {
    const email = `stranger-${uniq()}@test.local`;
    const [{ count: before }] = await db.query('SELECT count(*)::int AS count FROM users');
    const res = await me(await institution.idToken(await person(institution, email)));

    expectProblem(res, NO_ACCOUNT);
    const [{ count: after }] = await db.query('SELECT count(*)::int AS count FROM users');
    expect(after).toBe(before);
    expect(await db.query('SELECT id FROM users WHERE email = $1', [email])).toEqual([]);
  });

  it('refuses an e-mail the institution did not verify, and links nothing', async () => {
    const user = await coordinator();
    const res = await me(await institution.idToken(await person(institution, user.email, false)));
    expectProblem(res, /email_verified/);
    expect(await link(user.id)).toEqual({ oidc_issuer: null, oidc_subject: null });
  });

  it('refuses deactivated accounts, linked or not', async () => {
    const linked = await coordinator();
    const sub = await person(institution, linked.email);
    await me(await institution.idToken(sub)).expect(200);
    const unlinked = await coordinator();
    await db.query('UPDATE users SET active = false WHERE id = ANY($1)', [
      [linked.id, unlinked.id],
    ]);

    expectProblem(await me(await institution.idToken(sub)), NO_ACCOUNT);
    expectProblem(
      await me(await institution.idToken(await person(institution, unlinked.email))),
      NO_ACCOUNT,
    );
    expect(await link(unlinked.id)).toEqual({ oidc_issuer: null, oidc_subject: null });
  });

  it('never re-links an account to another subject of the same institution', async () => {
    const user = await coordinator();
    const first = await person(institution, user.email);
    await me(await institution.idToken(first)).expect(200);

    const second = await person(institution, user.email);
    expectProblem(
      await me(await institution.idToken(second)),
      /already linked to another institution login/,
    );
    expect(await link(user.id)).toEqual({ oidc_issuer: institution.issuer, oidc_subject: first });
  });

  it('refuses a token issued to another application (wrong audience)', async () => {
    const user = await coordinator();
    const token = await institution.idToken(await person(institution, user.email), 'other-client');
    expect(decodeJwt(token).aud).toBe('other-client');
    expectProblem(await me(token), /another application \(audience\)/);
    expect(await link(user.id)).toEqual({ oidc_issuer: null, oidc_subject: null });
  });

  it('refuses an expired token', async () => {
    const user = await coordinator();
    const token = await shortLived.idToken(await person(shortLived, user.email));
    const { exp } = decodeJwt(token);
    while (Date.now() < (exp! + 1) * 1000) await sleep(200);
    expectProblem(await me(token), /has expired/);
  });

  it('refuses a token from an institution that is not configured', async () => {
    const user = await coordinator();
    const token = await untrusted.idToken(await person(untrusted, user.email));
    expectProblem(await me(token), /issuer this service does not trust/);
    expect(await link(user.id)).toEqual({ oidc_issuer: null, oidc_subject: null });
  });

  it('refuses a token whose signature was tampered with', async () => {
    const user = await coordinator();
    const token = await institution.idToken(await person(institution, user.email));
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expectProblem(await me(forged), /signature does not verify/);
  });

  it('follows a key rotation: the new key is fetched, the retired one no longer accepted', async () => {
    const user = await coordinator();
    const sub = await person(institution, user.email);
    const before = await institution.idToken(sub);
    await me(before).expect(200);
    const retiredKid = institution.kid;

    await institution.rotateKey();
    expect(institution.kid).not.toBe(retiredKid);
    const after = await institution.idToken(sub);
    const res = await me(after).expect(200);
    expect(res.body.id).toBe(user.id);
    expectProblem(await me(before), /key the institution does not publish/);
  });

  it('answers 503 when a configured institution cannot be reached, not 401', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ email: 'x@test.local', email_verified: true })
      .setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setIssuer(downIssuer)
      .setAudience('dualroute')
      .setSubject('s')
      .setExpirationTime('5m')
      .sign(privateKey);
    const res = await me(token);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toContain(downIssuer);
  });

  it('leaves our own access tokens as they were', async () => {
    const user = await coordinator();
    await me(await login(api.http, user.email, user.password)).expect(200);
    expectProblem(await me('not-a-token'), /invalid or has expired/);
  });
});
