import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { docMarker } from '../openapi/api-docs.decorators';

export const USER_ROLES = [
  'admin',
  'coordinator',
  'foundation_staff',
  'company_rep',
  'student',
] as const;
export type UserRole = (typeof USER_ROLES)[number];
/** Integration API keys act with this role, scoped to one university. */
export type PrincipalRole = UserRole | 'integration';

export interface ScopeIds {
  /**
   * A coordinator's or integration's university; a student's own university; for a company rep
   * or foundation staff member, when set, the one university they are limited to (see
   * universityLimit in scope.ts): a limit, never ownership of that university.
   */
  universityId: string | null;
  foundationId: string | null;
  companyId: string | null;
  studentId: string | null;
}

/** Who is calling: a user (via JWT) or an integration (via API key). */
export interface Principal extends ScopeIds {
  kind: 'user' | 'api_key';
  id: string;
  role: PrincipalRole;
}

export const IS_PUBLIC = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** Marks an endpoint as reachable without a credential. Everything else requires one. */
export const Public = () =>
  applyDecorators(
    SetMetadata(IS_PUBLIC, true),
    // The OpenAPI document says so too (security: []), so clients send no credential.
    docMarker((marker) => {
      marker.public = true;
    }),
  );

/** Restricts an endpoint to these roles; others get 403. */
export const Roles = (...roles: PrincipalRole[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    // Documented as the guard reads it: a method's roles win over its class's.
    docMarker((marker, fromClass) => {
      if (!fromClass || !marker.roles) marker.roles = roles;
    }),
  );

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal,
);

/** A stable key for per-caller records (idempotency keys, rate limits). */
export function principalKey(principal: Principal): string {
  return `${principal.kind}:${principal.id}`;
}
