import { FieldError, Principal, universityLimit, UserRole } from '@app/common';

export interface ScopeFields {
  universityId?: string | null;
  foundationId?: string | null;
  companyId?: string | null;
  studentId?: string | null;
}

/** Which scope id each role carries: exactly that one, and no other. */
export const ROLE_SCOPE_FIELD: Record<UserRole, keyof ScopeFields | null> = {
  admin: null,
  coordinator: 'universityId',
  foundation_staff: 'foundationId',
  company_rep: 'companyId',
  student: 'studentId',
};

/** Roles that act for an organisation and may be limited to one university. */
const LIMITABLE: readonly UserRole[] = ['company_rep', 'foundation_staff'];

/**
 * Pure check that a user's role and scope ids fit together. A company rep or foundation staff
 * member may also carry a universityId: the one university they are limited to.
 */
export function roleScopeErrors(role: UserRole, scope: ScopeFields): FieldError[] {
  const required = ROLE_SCOPE_FIELD[role];
  const errors: FieldError[] = [];
  for (const field of ['universityId', 'foundationId', 'companyId', 'studentId'] as const) {
    const present = !!scope[field];
    const optional = field === 'universityId' && LIMITABLE.includes(role);
    if (field === required && !present) {
      errors.push({ field, message: `is required for the role ${role}` });
    } else if (field !== required && present && !optional) {
      errors.push({ field, message: `does not apply to the role ${role}` });
    }
  }
  return errors;
}

export interface Grant extends ScopeFields {
  role: UserRole;
}

/**
 * Nobody grants access they do not hold. Returns why the creator may not create this user, or
 * null when they may (after `completeGrant`):
 * - an admin creates anyone;
 * - a coordinator creates coordinators and students of their own university, and company reps
 *   and foundation staff limited to their own university (those see and sign only that
 *   university's matters with their organisation: what the coordinator sees already);
 * - a company rep or foundation staff member creates colleagues of their own organisation with
 *   at most their own reach (a limited one only with the same limit);
 * - students and integrations create no one.
 */
export function grantRefusal(creator: Principal, grant: Grant): string | null {
  switch (creator.role) {
    case 'admin':
      return null;
    case 'coordinator':
      if (grant.role === 'admin') return 'Coordinators may not create admins.';
      // A student's university is their record's; the service checks it (another university's
      // student reads as a missing one).
      if (grant.role === 'student') return null;
      return grant.universityId === creator.universityId
        ? null
        : 'Coordinators create users within their own university only.';
    case 'company_rep':
    case 'foundation_staff': {
      const field = creator.role === 'company_rep' ? 'companyId' : 'foundationId';
      if (grant.role !== creator.role || grant[field] !== creator[field]) {
        return `You may create ${creator.role} users of your own ${field === 'companyId' ? 'company' : 'foundation'} only.`;
      }
      const limit = universityLimit(creator);
      if (limit && grant.universityId !== limit) {
        return 'Your account is limited to one university, so the users you create are limited to it too.';
      }
      return null;
    }
    default:
      return `Your role (${creator.role}) may not create users.`;
  }
}

/**
 * Fills in what the creator implies: a company rep or foundation staff member a coordinator
 * invites is limited to the coordinator's university (stated or not); one a limited colleague
 * creates inherits the limit.
 */
export function completeGrant(creator: Principal, grant: Grant): Grant {
  if (!LIMITABLE.includes(grant.role) || grant.universityId) return grant;
  const implied = creator.role === 'coordinator' ? creator.universityId : universityLimit(creator);
  return implied ? { ...grant, universityId: implied } : grant;
}
