import { registerAs } from '@nestjs/config';
import { ConfigError, int } from '../../config/app-config';
import { seconds } from '../../jobs/jobs.config';

/** One institution whose sign-in we trust. */
export interface OidcIssuerConfig {
  /** Compared exactly with the tokens' `iss` and the discovery document's `issuer`. */
  issuer: string;
  /** Accepted `aud` values (our client id at that institution); a token needs one of them. */
  audiences: string[];
  /** The claim carrying the person's e-mail address (default `email`). */
  emailClaim: string;
}

/** Single sign-on with institutions' OpenID providers (OIDC_*), validated once at start-up. */
export interface OidcConfig {
  /** OIDC_ISSUERS: a JSON array; empty or unset means no single sign-on. */
  issuers: OidcIssuerConfig[];
  /** OIDC_CLOCK_TOLERANCE_SECONDS (default 30): leeway on `exp` and `nbf` for clock skew. */
  clockToleranceSeconds: number;
  /**
   * OIDC_JWKS_COOLDOWN_SECONDS (default 30): the least time between two fetches of an issuer's
   * keys, so tokens with made-up key ids cannot make us hammer the institution.
   */
  jwksCooldownMs: number;
  /** Production requires https:// issuers and key sets. */
  requireHttps: boolean;
}

const FORMAT =
  'OIDC_ISSUERS must be a JSON array like [{"issuer":"https://login.example.edu","audience":"dualroute","emailClaim":"email"}]';
const KEYS = new Set(['issuer', 'audience', 'emailClaim']);

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value === value.trim();
}

/** An issuer identifier per OpenID Connect Discovery: an http(s) URL without query or fragment. */
function issuerUrl(value: unknown, at: string, requireHttps: boolean): string {
  if (!nonEmptyString(value)) throw new ConfigError(`${at}.issuer must be a URL`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${at}.issuer must be a URL, not "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${at}.issuer must be an https:// URL, not "${value}"`);
  }
  if (requireHttps && url.protocol !== 'https:') {
    throw new ConfigError(`${at}.issuer must be an https:// URL in production, not "${value}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(
      `${at}.issuer must have no query, fragment or credentials, not "${value}"`,
    );
  }
  return value;
}

function audiences(value: unknown, at: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every(nonEmptyString)) {
    throw new ConfigError(
      `${at}.audience must be our client id at that institution (a string, or a non-empty array of strings)`,
    );
  }
  return [...new Set(list)];
}

function issuerEntry(value: unknown, index: number, requireHttps: boolean): OidcIssuerConfig {
  const at = `OIDC_ISSUERS[${index}]`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${at} must be an object with issuer and audience. ${FORMAT}`);
  }
  const entry = value as Record<string, unknown>;
  const unknown = Object.keys(entry).filter((key) => !KEYS.has(key));
  if (unknown.length > 0) {
    throw new ConfigError(
      `${at} has unknown keys ${unknown.join(', ')} (known: issuer, audience, emailClaim)`,
    );
  }
  const emailClaim = entry.emailClaim ?? 'email';
  if (!nonEmptyString(emailClaim)) {
    throw new ConfigError(`${at}.emailClaim must be a claim name such as "email"`);
  }
  return {
    issuer: issuerUrl(entry.issuer, at, requireHttps),
    audiences: audiences(entry.audience, at),
    emailClaim,
  };
}

/** OIDC_ISSUERS parsed and checked; a mistake names the entry and the field. */
export function parseOidcIssuers(
  raw: string | undefined,
  requireHttps: boolean,
): OidcIssuerConfig[] {
  if (raw === undefined || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new ConfigError(`${FORMAT}; it is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw new ConfigError(`${FORMAT}; it is not an array`);
  const issuers = parsed.map((entry, index) => issuerEntry(entry, index, requireHttps));
  const seen = new Set<string>();
  for (const { issuer } of issuers) {
    if (seen.has(issuer)) throw new ConfigError(`OIDC_ISSUERS lists ${issuer} twice`);
    seen.add(issuer);
  }
  return issuers;
}

export function loadOidcConfig(env: NodeJS.ProcessEnv = process.env): OidcConfig {
  const requireHttps = (env.NODE_ENV ?? 'development') === 'production';
  return {
    issuers: parseOidcIssuers(env.OIDC_ISSUERS, requireHttps),
    clockToleranceSeconds: int(
      env.OIDC_CLOCK_TOLERANCE_SECONDS,
      30,
      'OIDC_CLOCK_TOLERANCE_SECONDS',
      0,
      300,
    ),
    jwksCooldownMs: seconds(
      env.OIDC_JWKS_COOLDOWN_SECONDS,
      30,
      'OIDC_JWKS_COOLDOWN_SECONDS',
      0,
      3600,
    ),
    requireHttps,
  };
}

export const oidcConfig = registerAs('oidc', () => loadOidcConfig());
