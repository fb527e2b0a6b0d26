import { DomainError, UnauthorizedError } from '@app/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import {
  createRemoteJWKSet,
  decodeJwt,
  errors,
  JWTPayload,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { OidcIssuerConfig, oidcConfig } from './oidc.config';

/** Who an institution says signed in, after the token checked out. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  /** Lower-case; null when the token carries none. */
  email: string | null;
  /** Only `email_verified: true` counts. */
  emailVerified: boolean;
}

/** Asymmetric signatures only: a shared-secret (HS*) or unsigned token proves nothing here. */
export const OIDC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

const FETCH_TIMEOUT_MS = 5000;

/** The institution's login service cannot be asked (down, or answering nonsense): not the caller's fault, so 503. */
export class IdentityProviderUnavailableError extends DomainError {
  constructor(issuer: string) {
    super(
      503,
      'identity-provider-unavailable',
      'Service unavailable',
      `The institution login service ${issuer} is not available to check this token; try again shortly.`,
    );
  }
}

/** The `iss` claim of a JWT, unverified (to choose how to verify it); null when there is none. */
export function unverifiedIssuer(token: string): string | null {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === 'string' ? iss : null;
  } catch {
    return null;
  }
}

/** Why a token failed, in words a caller can act on; the token itself is never repeated. */
export function rejection(error: unknown): string {
  if (error instanceof errors.JWTExpired) {
    return 'The institution login token has expired; sign in again.';
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'aud':
        return 'The institution login token was issued for another application (audience).';
      case 'iss':
        return 'The institution login token comes from an issuer this service does not trust.';
      case 'nbf':
        return 'The institution login token is not valid yet.';
      default:
        return `The institution login token has a missing or invalid "${error.claim}" claim.`;
    }
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return 'The institution login token is signed with a key the institution does not publish.';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return 'The institution login token is signed with an algorithm this service does not accept.';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'The institution login token signature does not verify.';
  }
  return 'The institution login token is malformed.';
}

/** True when verifying failed because the institution could not be asked, not because of the token. */
function unreachable(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  // Fetching the key set failed (HTTP status, JSON) or never got an answer (network errors).
  return error instanceof errors.JOSEError ? error.code === 'ERR_JOSE_GENERIC' : true;
}

interface Discovery {
  jwksUri: URL;
}

/** The parts of a discovery document we rely on, checked against the configured issuer. */
export function parseDiscovery(
  document: unknown,
  issuer: string,
  requireHttps: boolean,
): Discovery {
  const doc = (typeof document === 'object' && document !== null ? document : {}) as Record<
    string,
    unknown
  >;
  if (doc.issuer !== issuer) {
    throw new Error(`its discovery document names the issuer ${String(doc.issuer)}`);
  }
  let jwksUri: URL;
  try {
    jwksUri = new URL(String(doc.jwks_uri));
  } catch {
    throw new Error('its discovery document has no valid jwks_uri');
  }
  const allowed = requireHttps ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(jwksUri.protocol)) {
    throw new Error(`its jwks_uri ${jwksUri.href} is not https`);
  }
  return { jwksUri };
}

/**
 * Verifies Bearer tokens from the institutions in OIDC_ISSUERS against their published keys:
 * discovery document fetched on first use and kept, key set cached by jose (refetched on an
 * unknown key id, at most once per cooldown, and every ten minutes).
 */
@Injectable()
export class OidcVerifier {
  private readonly logger = new Logger(OidcVerifier.name);
  private readonly issuers: Map<string, OidcIssuerConfig>;
  private readonly keySets = new Map<string, Promise<JWTVerifyGetKey>>();

  constructor(@Inject(oidcConfig.KEY) private readonly config: ConfigType<typeof oidcConfig>) {
    this.issuers = new Map(config.issuers.map((entry) => [entry.issuer, entry]));
  }

  trusts(issuer: string): boolean {
    return this.issuers.has(issuer);
  }

  async verify(token: string): Promise<OidcIdentity> {
    const issuer = unverifiedIssuer(token);
    const settings = issuer === null ? undefined : this.issuers.get(issuer);
    if (!issuer || !settings) {
      throw new UnauthorizedError(
        'The institution login token comes from an issuer this service does not trust.',
      );
    }
    const keys = await this.keySet(settings);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer,
        audience: settings.audiences,
        algorithms: OIDC_ALGORITHMS,
        clockTolerance: this.config.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      if (unreachable(error)) {
        this.logger.warn(`Keys of ${issuer} unavailable: ${(error as Error).message}`);
        throw new IdentityProviderUnavailableError(issuer);
      }
      throw new UnauthorizedError(rejection(error));
    }
    const email = payload[settings.emailClaim];
    return {
      issuer,
      subject: String(payload.sub),
      email: typeof email === 'string' && email.trim() ? email.trim().toLowerCase() : null,
      emailVerified: payload.email_verified === true,
    };
  }

  /** The issuer's key set, discovered once; a failed discovery is forgotten so the next call retries. */
  private keySet(settings: OidcIssuerConfig): Promise<JWTVerifyGetKey> {
    let keys = this.keySets.get(settings.issuer);
    if (!keys) {
      keys = this.discover(settings.issuer).then(({ jwksUri }) =>
        createRemoteJWKSet(jwksUri, {
          cooldownDuration: this.config.jwksCooldownMs,
          timeoutDuration: FETCH_TIMEOUT_MS,
        }),
      );
      keys.catch(() => this.keySets.delete(settings.issuer));
      this.keySets.set(settings.issuer, keys);
    }
    return keys;
  }

  private async discover(issuer: string): Promise<Discovery> {
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return parseDiscovery(await response.json(), issuer, this.config.requireHttps);
    } catch (error) {
      this.logger.warn(`Discovery of ${issuer} failed: ${(error as Error).message}`);
      throw new IdentityProviderUnavailableError(issuer);
    }
  }
}
