import { AuditService, Principal, UnauthorizedError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { User } from '../entities/user.entity';
import { OidcIdentity } from './oidc-verifier';

export const NO_ACCOUNT =
  'No active account for this institution login; ask your coordinator or admin.';
export const EMAIL_NOT_VERIFIED =
  'The institution login did not confirm an e-mail address (email_verified), so it cannot be matched to an account; ask your coordinator or admin.';
export const LINKED_ELSEWHERE =
  'This account is already linked to another institution login; ask your coordinator or admin.';

type Candidate = Pick<User, 'active' | 'oidcIssuer' | 'oidcSubject'>;

export type SignInDecision<U> =
  { kind: 'sign_in'; user: U } | { kind: 'link'; user: U } | { kind: 'refuse'; detail: string };

/**
 * Whose account an institution login opens. The stored link (issuer and subject) decides once
 * made; before that, a verified e-mail address of an active account does, and links it. An
 * account keeps the one link it has: a second login never takes it over. Nobody gets an account
 * this way.
 */
export function decideSignIn<U extends Candidate>(
  identity: OidcIdentity,
  linked: U | null,
  byEmail: U | null,
): SignInDecision<U> {
  if (linked) return linked.active ? { kind: 'sign_in', user: linked } : refuse(NO_ACCOUNT);
  if (!identity.email || !identity.emailVerified) return refuse(EMAIL_NOT_VERIFIED);
  if (!byEmail || !byEmail.active) return refuse(NO_ACCOUNT);
  if (byEmail.oidcIssuer !== null || byEmail.oidcSubject !== null) return refuse(LINKED_ELSEWHERE);
  return { kind: 'link', user: byEmail };
}

function refuse(detail: string): { kind: 'refuse'; detail: string } {
  return { kind: 'refuse', detail };
}

/** The principal a user's password login gives: their own role and scope, nothing from the institution. */
export function userPrincipal(user: User): Principal {
  return {
    kind: 'user',
    id: user.id,
    role: user.role,
    universityId: user.universityId,
    foundationId: user.foundationId,
    companyId: user.companyId,
    studentId: user.studentId,
  };
}

function uniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === '23505'
  );
}

/** Maps verified institution logins onto existing accounts (see decideSignIn). */
@Injectable()
export class OidcAccounts {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly audit: AuditService,
  ) {}

  async principalFor(identity: OidcIdentity): Promise<Principal> {
    const linked = await this.users.findOneBy({
      oidcIssuer: identity.issuer,
      oidcSubject: identity.subject,
    });
    const byEmail =
      linked || !identity.email ? null : await this.users.findOneBy({ email: identity.email });
    const decision = decideSignIn(identity, linked, byEmail);
    if (decision.kind === 'refuse') throw new UnauthorizedError(decision.detail);
    if (decision.kind === 'link') await this.link(decision.user, identity);
    return userPrincipal(decision.user);
  }

  /** Stores the link, unless a concurrent sign-in linked the account (or the login) first. */
  private async link(user: User, identity: OidcIdentity): Promise<void> {
    try {
      await this.users.manager.transaction(async (manager) => {
        const result = await manager
          .createQueryBuilder()
          .update(User)
          .set({ oidcIssuer: identity.issuer, oidcSubject: identity.subject })
          .where('id = :id AND active AND oidc_issuer IS NULL', { id: user.id })
          .execute();
        if (result.affected !== 1) {
          // A concurrent first sign-in of the same person got there first: same link, same answer.
          const same = await manager.existsBy(User, {
            id: user.id,
            active: true,
            oidcIssuer: identity.issuer,
            oidcSubject: identity.subject,
          });
          if (same) return;
          throw new UnauthorizedError(LINKED_ELSEWHERE);
        }
        await this.audit.record(
          manager,
          { kind: 'user', id: user.id },
          {
            resourceType: 'user',
            resourceId: user.id,
            action: 'oidc_linked',
            universityId: user.universityId,
            data: { issuer: identity.issuer, subject: identity.subject },
          },
        );
      });
    } catch (error) {
      if (uniqueViolation(error)) throw new UnauthorizedError(LINKED_ELSEWHERE);
      throw error;
    }
  }
}
