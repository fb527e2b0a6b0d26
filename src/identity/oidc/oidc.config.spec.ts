import { ConfigError } from '../../config/app-config';
import { loadOidcConfig, parseOidcIssuers } from './oidc.config';

describe('OIDC configuration', () => {
  it('means no single sign-on when unset, empty or an empty array', () => {
    expect(loadOidcConfig({}).issuers).toEqual([]);
    expect(parseOidcIssuers('', false)).toEqual([]);
    expect(parseOidcIssuers('  ', false)).toEqual([]);
    expect(parseOidcIssuers('[]', false)).toEqual([]);
  });

  it('has defaults: e-mail in "email", 30 s clock tolerance and key refetch cooldown', () => {
    const config = loadOidcConfig({
      OIDC_ISSUERS: JSON.stringify([
        { issuer: 'https://login.example.edu', audience: 'dualroute' },
      ]),
    });
    expect(config.issuers).toEqual([
      { issuer: 'https://login.example.edu', audiences: ['dualroute'], emailClaim: 'email' },
    ]);
    expect(config.clockToleranceSeconds).toBe(30);
    expect(config.jwksCooldownMs).toBe(30_000);
    expect(config.requireHttps).toBe(false);
  });

  it('takes several issuers, audience lists, another e-mail claim and the tuning variables', () => {
    const config = loadOidcConfig({
      OIDC_ISSUERS: JSON.stringify([
        {
          issuer: 'https://a.example.edu/realms/x',
          audience: ['dualroute', 'dr-2'],
          emailClaim: 'upn',
        },
        { issuer: 'http://127.0.0.1:4000', audience: 'dualroute' },
      ]),
      OIDC_CLOCK_TOLERANCE_SECONDS: '0',
      OIDC_JWKS_COOLDOWN_SECONDS: '0.5',
    });
    expect(config.issuers).toEqual([
      {
        issuer: 'https://a.example.edu/realms/x',
        audiences: ['dualroute', 'dr-2'],
        emailClaim: 'upn',
      },
      { issuer: 'http://127.0.0.1:4000', audiences: ['dualroute'], emailClaim: 'email' },
    ]);
    expect(config.clockToleranceSeconds).toBe(0);
    expect(config.jwksCooldownMs).toBe(500);
  });

  it('keeps the issuer exactly as written: tokens must name it exactly', () => {
    const [entry] = parseOidcIssuers(
      '[{"issuer":"https://login.example.edu/","audience":"x"}]',
      false,
    );
    expect(entry.issuer).toBe('https://login.example.edu/');
  });

  it.each([
    ['not JSON', '{issuer', /not valid JSON/],
    [
      'an object instead of an array',
      '{"issuer":"https://a.example","audience":"x"}',
      /not an array/,
    ],
    [
      'an entry that is not an object',
      '["https://a.example"]',
      /OIDC_ISSUERS\[0\] must be an object/,
    ],
    ['no issuer', '[{"audience":"x"}]', /OIDC_ISSUERS\[0\]\.issuer must be a URL/],
    [
      'an issuer that is not a URL',
      '[{"issuer":"login.example.edu","audience":"x"}]',
      /issuer must be a URL/,
    ],
    ['another scheme', '[{"issuer":"ftp://a.example","audience":"x"}]', /https:\/\/ URL/],
    ['a query', '[{"issuer":"https://a.example?x=1","audience":"x"}]', /no query, fragment/],
    ['a fragment', '[{"issuer":"https://a.example#x","audience":"x"}]', /no query, fragment/],
    ['no audience', '[{"issuer":"https://a.example"}]', /audience must be our client id/],
    ['an empty audience', '[{"issuer":"https://a.example","audience":""}]', /audience/],
    ['an empty audience list', '[{"issuer":"https://a.example","audience":[]}]', /audience/],
    ['a number as audience', '[{"issuer":"https://a.example","audience":[1]}]', /audience/],
    [
      'an empty e-mail claim',
      '[{"issuer":"https://a.example","audience":"x","emailClaim":""}]',
      /emailClaim/,
    ],
    ['a misspelt key', '[{"issuer":"https://a.example","audiance":"x"}]', /unknown keys audiance/],
    [
      'an issuer twice',
      '[{"issuer":"https://a.example","audience":"x"},{"issuer":"https://a.example","audience":"y"}]',
      /lists https:\/\/a\.example twice/,
    ],
    [
      'the second entry wrong',
      '[{"issuer":"https://a.example","audience":"x"},{}]',
      /OIDC_ISSUERS\[1\]/,
    ],
  ])('refuses %s with a clear message', (_case, raw, message) => {
    expect(() => parseOidcIssuers(raw, false)).toThrow(ConfigError);
    expect(() => parseOidcIssuers(raw, false)).toThrow(message);
  });

  it.each([
    [{ OIDC_CLOCK_TOLERANCE_SECONDS: '-1' }, /OIDC_CLOCK_TOLERANCE_SECONDS/],
    [{ OIDC_CLOCK_TOLERANCE_SECONDS: '1.5' }, /OIDC_CLOCK_TOLERANCE_SECONDS/],
    [{ OIDC_JWKS_COOLDOWN_SECONDS: 'soon' }, /OIDC_JWKS_COOLDOWN_SECONDS/],
  ])('refuses %j', (env, message) => {
    expect(() => loadOidcConfig(env)).toThrow(message);
  });

  it('requires https issuers in production', () => {
    const http = JSON.stringify([{ issuer: 'http://login.example.edu', audience: 'dualroute' }]);
    expect(() => loadOidcConfig({ NODE_ENV: 'production', OIDC_ISSUERS: http })).toThrow(
      /must be an https:\/\/ URL in production/,
    );
    const https = JSON.stringify([{ issuer: 'https://login.example.edu', audience: 'dualroute' }]);
    const config = loadOidcConfig({ NODE_ENV: 'production', OIDC_ISSUERS: https });
    expect(config.requireHttps).toBe(true);
    expect(config.issuers).toHaveLength(1);
  });
});
