import { AuditEntry, AuditService, fieldChanges, Principal, universityLimit } from '@app/common';
import { EntityManager } from 'typeorm';

/**
 * Shared directory records (companies with their supervisors, foundations with their members,
 * sector associations, and the vacancies companies and foundations offer) belong to no single
 * university. The rule, in one sentence:
 *
 *   A shared record is edited by its owners (the company's reps, the foundation's staff, not
 *   limited to one university), by admins, and by the coordinators of a university that works
 *   with it: a university works with a company or foundation that one of its coordinators
 *   registered or that has a match, employment, secondment or agreement with one of its
 *   students, and with a sector association it registered or that partners one of its routes.
 *
 * Everyone else who can read the record gets 403; every edit is audited with a diff. Whether a
 * university works with a record is asked of WorkingRelations (working-relations.ts), which the
 * modules owning matches, placements and agreements answer for their own records.
 */
export type SharedOwner =
  | { kind: 'company'; id: string }
  | { kind: 'foundation'; id: string }
  | { kind: 'sector_association'; id: string };

/** The rule as the OpenAPI descriptions of the edit operations state it. */
export const SHARED_RECORD_EDITORS = [
  'Shared directory records (companies with their supervisors, foundations with their members, sector',
  "associations, vacancies) are edited by their owners (the company's reps, the foundation's staff; not reps",
  'or staff limited to one university), by admins, and by coordinators of a university that works with them:',
  'one of its coordinators registered the record, or one of its students has a match, employment, secondment',
  "or agreement with the company or foundation (a sector association: it partners one of the university's",
  'routes). Others who can read the record get 403. Every edit is audited with who and what changed',
  '(each changed field before and after).',
].join(' ');

/**
 * Pure part of the rule: 'editor' for admins and the record's own people (a company's reps or a
 * foundation's staff, not limited to one university), 'if_works_with' for a coordinator (the
 * database decides), 'none' for everyone else.
 */
export function editRight(
  principal: Principal,
  owner: SharedOwner,
): 'editor' | 'if_works_with' | 'none' {
  if (principal.role === 'admin') return 'editor';
  if (principal.role === 'coordinator') return principal.universityId ? 'if_works_with' : 'none';
  if (universityLimit(principal) !== null) return 'none';
  const own =
    (owner.kind === 'company' &&
      principal.role === 'company_rep' &&
      principal.companyId === owner.id) ||
    (owner.kind === 'foundation' &&
      principal.role === 'foundation_staff' &&
      principal.foundationId === owner.id);
  return own ? 'editor' : 'none';
}

/** The university a coordinator registers a shared record for (null for everyone else). */
export function registeringUniversity(principal: Principal): string | null {
  return principal.role === 'coordinator' ? principal.universityId : null;
}

/**
 * The audit entry of an edit of a shared record: who (actor, role and the scope they acted from)
 * and what changed (each changed field before → after).
 */
export function sharedEditAudit(
  principal: Principal,
  entry: {
    resourceType: string;
    resourceId: string;
    action?: string;
    before: object;
    patch: Record<string, unknown>;
    data?: Record<string, unknown>;
  },
): AuditEntry {
  return {
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    action: entry.action ?? 'updated',
    universityId: principal.role === 'coordinator' ? principal.universityId : null,
    data: {
      ...entry.data,
      changes: fieldChanges(entry.before, entry.patch),
      by: actedAs(principal),
    },
  };
}

/** Records `sharedEditAudit` in the caller's transaction. */
export async function auditSharedEdit(
  audit: AuditService,
  manager: EntityManager,
  principal: Principal,
  entry: Parameters<typeof sharedEditAudit>[1],
): Promise<void> {
  await audit.record(manager, principal, sharedEditAudit(principal, entry));
}

/** The role and scope a change was made with (the actor id is on the event itself). */
export function actedAs(principal: Principal): Record<string, string | null> {
  return {
    role: principal.role,
    universityId: principal.universityId,
    companyId: principal.companyId,
    foundationId: principal.foundationId,
  };
}
