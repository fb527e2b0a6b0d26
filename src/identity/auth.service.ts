import { Principal, UnauthorizedError } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { appConfig } from '../config/app-config';
import { hashApiKey } from './api-key-secret';
import { ApiKey } from './entities/api-key.entity';
import { User } from './entities/user.entity';
import { OidcAccounts } from './oidc/oidc-accounts';
import { OidcVerifier, unverifiedIssuer } from './oidc/oidc-verifier';
import { dummyPasswordHash, verifyPassword } from './passwords';

interface AccessTokenClaims {
  sub: string;
  role: Principal['role'];
  uni: string | null;
  fnd: string | null;
  cmp: string | null;
  stu: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(ApiKey) private readonly apiKeys: Repository<ApiKey>,
    private readonly jwt: JwtService,
    @Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>,
    private readonly oidc: OidcVerifier,
    private readonly oidcAccounts: OidcAccounts,
  ) {}

  async login(
    email: string,
    password: string,
  ): Promise<{ accessToken: string; expiresIn: number }> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !valid || !user.active) {
      throw new UnauthorizedError('The email address or password is not correct.');
    }
    const claims: AccessTokenClaims = {
      sub: user.id,
      role: user.role,
      uni: user.universityId,
      fnd: user.foundationId,
      cmp: user.companyId,
      stu: user.studentId,
    };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.jwtExpiresInSeconds,
    });
    return { accessToken, expiresIn: this.config.jwtExpiresInSeconds };
  }

  /**
   * A Bearer token: ours carries no `iss`; one that does is an institution's (single sign-on),
   * verified against that institution's keys when OIDC_ISSUERS trusts it and refused otherwise.
   */
  async principalFromBearer(token: string): Promise<Principal> {
    if (unverifiedIssuer(token) === null) return this.principalFromToken(token);
    return this.oidcAccounts.principalFor(await this.oidc.verify(token));
  }

  principalFromToken(token: string): Principal {
    let claims: AccessTokenClaims;
    try {
      claims = this.jwt.verify<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedError('The access token is invalid or has expired.');
    }
    return {
      kind: 'user',
      id: claims.sub,
      role: claims.role,
      universityId: claims.uni ?? null,
      foundationId: claims.fnd ?? null,
      companyId: claims.cmp ?? null,
      studentId: claims.stu ?? null,
    };
  }

  async principalFromApiKey(key: string): Promise<Principal> {
    const apiKey = await this.apiKeys
      .createQueryBuilder('k')
      .select(['k.id', 'k.universityId'])
      .where('k.secret_hash = :hash AND k.revoked_at IS NULL', { hash: hashApiKey(key) })
      .getOne();
    if (!apiKey) throw new UnauthorizedError('The API key is invalid or has been revoked.');
    // Last use is informational: record it at most once a minute, off the request path.
    void this.apiKeys
      .query(
        `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [apiKey.id],
      )
      .catch(() => undefined);
    return {
      kind: 'api_key',
      id: apiKey.id,
      role: 'integration',
      universityId: apiKey.universityId,
      foundationId: null,
      companyId: null,
      studentId: null,
    };
  }
}
