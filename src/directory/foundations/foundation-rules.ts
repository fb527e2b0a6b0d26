import { FieldError, ForbiddenError, Principal, ScopeRules, isUuid } from '@app/common';

/**
 * Foundations are shared reference data for staff roles: admins, coordinators and foundation
 * staff read every foundation. Company reps, students and integrations read none (404).
 */
export const FOUNDATION_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: 'all',
  foundation_staff: 'all',
};

/** Who may change a foundation and its members: admins, coordinators and the foundation's own staff. */
export function canWriteFoundation(principal: Principal, foundationId: string): boolean {
  if (principal.role === 'admin' || principal.role === 'coordinator') return true;
  return principal.role === 'foundation_staff' && principal.foundationId === foundationId;
}

/** For a foundation the caller can read but may not change: 403 (readability is checked first). */
export function assertCanWriteFoundation(
  principal: Principal,
  foundationId: string,
  action: string,
): void {
  if (!canWriteFoundation(principal, foundationId)) {
    throw new ForbiddenError(
      `Only admins, coordinators and the foundation's own staff may ${action}; your role is ${principal.role}.`,
    );
  }
}

export const MAX_MEMBERS_PER_CALL = 500;

/** Ids that are not UUIDs, named by their position (`companyIds[3]`). */
export function malformedIdErrors(ids: readonly string[]): FieldError[] {
  return ids.flatMap((id, i) =>
    isUuid(id)
      ? []
      : [{ field: `companyIds[${i}]`, message: `companyIds[${i}] must be a company id (a UUID)` }],
  );
}

/** Ids with no company behind them, named by their position. */
export function unknownCompanyErrors(
  ids: readonly string[],
  existing: ReadonlySet<string>,
): FieldError[] {
  return ids.flatMap((id, i) =>
    existing.has(id.toLowerCase())
      ? []
      : [
          {
            field: `companyIds[${i}]`,
            message: `companyIds[${i}]: no company ${id} is registered`,
          },
        ],
  );
}

/** The distinct ids in the order first given, lower-cased (UUIDs compare case-insensitively). */
export function distinctIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
