import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { createSecretKey } from 'node:crypto';
import { decideSignIn, EMAIL_NOT_VERIFIED, LINKED_ELSEWHERE, NO_ACCOUNT } from './oidc-accounts';
import {
  OIDC_ALGORITHMS,
  OidcIdentity,
  parseDiscovery,
  rejection,
  unverifiedIssuer,
} from './oidc-verifier';

const ISSUER = 'https://login.example.edu';
const identity = (over: Partial<OidcIdentity> = {}): OidcIdentity => ({
  issuer: ISSUER,
  subject: 'sub-1',
  email: 'ann@example.edu',
  emailVerified: true,
  ...over,
});
const user = (
  over: { active?: boolean; oidcIssuer?: string | null; oidcSubject?: string | null } = {},
) => ({
  active: true,
  oidcIssuer: null,
  oidcSubject: null,
  ...over,
});

describe('which account an institution login opens', () => {
  it('the linked account, whatever e-mail the token carries now', () => {
    const linked = user({ oidcIssuer: ISSUER, oidcSubject: 'sub-1' });
    expect(decideSignIn(identity({ email: 'new@example.edu' }), linked, null)).toEqual({
      kind: 'sign_in',
      user: linked,
    });
    expect(decideSignIn(identity({ email: null, emailVerified: false }), linked, null).kind).toBe(
      'sign_in',
    );
  });

  it('never a deactivated linked account', () => {
    const linked = user({ active: false, oidcIssuer: ISSUER, oidcSubject: 'sub-1' });
    expect(decideSignIn(identity(), linked, null)).toEqual({ kind: 'refuse', detail: NO_ACCOUNT });
  });

  it('links the active account with the verified e-mail on first use', () => {
    const byEmail = user();
    expect(decideSignIn(identity(), null, byEmail)).toEqual({ kind: 'link', user: byEmail });
  });

  it('needs email_verified to be true before matching by e-mail', () => {
    expect(decideSignIn(identity({ emailVerified: false }), null, user())).toEqual({
      kind: 'refuse',
      detail: EMAIL_NOT_VERIFIED,
    });
    expect(decideSignIn(identity({ email: null }), null, null)).toEqual({
      kind: 'refuse',
      detail: EMAIL_NOT_VERIFIED,
    });
  });

  it('refuses unknown and deactivated people: no account is ever made', () => {
    expect(decideSignIn(identity(), null, null)).toEqual({ kind: 'refuse', detail: NO_ACCOUNT });
    expect(decideSignIn(identity(), null, user({ active: false }))).toEqual({
      kind: 'refuse',
      detail: NO_ACCOUNT,
    });
  });

  it('never re-links an account linked to another subject or another institution', () => {
    const otherSubject = user({ oidcIssuer: ISSUER, oidcSubject: 'sub-2' });
    expect(decideSignIn(identity(), null, otherSubject)).toEqual({
      kind: 'refuse',
      detail: LINKED_ELSEWHERE,
    });
    const otherIssuer = user({ oidcIssuer: 'https://other.example.edu', oidcSubject: 'sub-1' });
    expect(decideSignIn(identity(), null, otherIssuer)).toEqual({
      kind: 'refuse',
      detail: LINKED_ELSEWHERE,
    });
  });
});

describe('discovery document', () => {
  const doc = { issuer: ISSUER, jwks_uri: `${ISSUER}/jwks` };

  it('gives the key set address when it names the configured issuer', () => {
    expect(parseDiscovery(doc, ISSUER, true).jwksUri.href).toBe(`${ISSUER}/jwks`);
  });

  it.each([
    [
      'another issuer',
      { ...doc, issuer: 'https://evil.example' },
      /names the issuer https:\/\/evil/,
    ],
    ['no issuer', { jwks_uri: doc.jwks_uri }, /names the issuer undefined/],
    ['no jwks_uri', { issuer: ISSUER }, /no valid jwks_uri/],
    [
      'an http jwks_uri in production',
      { ...doc, jwks_uri: 'http://login.example.edu/jwks' },
      /not https/,
    ],
    ['not an object', 'hello', /names the issuer/],
  ])('refuses %s', (_case, document, message) => {
    expect(() => parseDiscovery(document, ISSUER, true)).toThrow(message);
  });

  it('allows http outside production (tests run a provider on 127.0.0.1)', () => {
    const local = { issuer: 'http://127.0.0.1:4000', jwks_uri: 'http://127.0.0.1:4000/jwks' };
    expect(parseDiscovery(local, 'http://127.0.0.1:4000', false).jwksUri.port).toBe('4000');
  });
});

describe('token rejections', () => {
  async function keys() {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    return { privateKey, jwks: createLocalJWKSet({ keys: [jwk] }) };
  }
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT({ sub: 'sub-1', ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'k1' });

  async function reason(token: string, jwks: Awaited<ReturnType<typeof keys>>['jwks']) {
    try {
      await jwtVerify(token, jwks, {
        issuer: ISSUER,
        audience: 'dualroute',
        algorithms: OIDC_ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
      });
    } catch (error) {
      return rejection(error);
    }
    throw new Error('the token verified');
  }

  it('says what is wrong without repeating the token', async () => {
    const { privateKey, jwks } = await keys();
    const now = Math.floor(Date.now() / 1000);
    const base = { iss: ISSUER, aud: 'dualroute', exp: now + 60 };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...base, exp: now - 60 }, /has expired/],
      [{ ...base, aud: 'other-client' }, /another application \(audience\)/],
      [{ ...base, iss: 'https://evil.example' }, /issuer this service does not trust/],
      [{ ...base, nbf: now + 600 }, /not valid yet/],
      [{ iss: ISSUER, aud: 'dualroute' }, /missing or invalid "exp" claim/],
    ];
    for (const [claims, message] of cases) {
      const token = await sign(claims).sign(privateKey);
      const detail = await reason(token, jwks);
      expect(detail).toMatch(message);
      expect(detail).not.toContain(token.split('.')[1]);
    }
  });

  it('refuses an unknown key, a forged signature, HS256 and a malformed token', async () => {
    const { privateKey, jwks } = await keys();
    const other = await keys();
    const claims = { iss: ISSUER, aud: 'dualroute', exp: Math.floor(Date.now() / 1000) + 60 };

    const unknownKid = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k2' })
      .sign(privateKey);
    expect(await reason(unknownKid, jwks)).toMatch(/key the institution does not publish/);

    const forged = await sign(claims).sign(other.privateKey);
    expect(await reason(forged, jwks)).toMatch(/signature does not verify/);

    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .sign(createSecretKey(Buffer.alloc(32, 1)));
    expect(await reason(hs256, jwks)).toMatch(/algorithm this service does not accept/);

    expect(await reason('not.a.token', jwks)).toMatch(/malformed/);
  });

  it('reads the unverified issuer to pick the verifier; our own tokens have none', async () => {
    const { privateKey } = await keys();
    expect(unverifiedIssuer(await sign({ iss: ISSUER }).sign(privateKey))).toBe(ISSUER);
    expect(unverifiedIssuer(await sign({}).sign(privateKey))).toBeNull();
    expect(unverifiedIssuer('garbage')).toBeNull();
  });
});
