import { FieldError, ScopeRules, isUuid } from '@app/common';

/**
 * Foundations are shared reference data for staff roles: admins, coordinators and foundation
 * staff read every foundation. Company reps, students and integrations read none (404). Who
 * edits them (and their members): shared-records.ts.
 */
export const FOUNDATION_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: 'all',
  foundation_staff: 'all',
  universityLimit: 'shared',
};

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
