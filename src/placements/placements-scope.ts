import { Principal, ScopeRules } from '@app/common';

/**
 * Who sees an employment (and, through it, its secondments and rotation plan), read-only unless
 * they are a writer below: admins all; a university (coordinators, integrations) its own
 * students'; a foundation its employees across universities; a company where it is the employer
 * or hosts (or hosted) the student on secondment; the student their own. A rep or staff member
 * limited to one university sees only that university's.
 */
export const EMPLOYMENT_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: { column: 'university_id', principalField: 'universityId' },
  integration: { column: 'university_id', principalField: 'universityId' },
  foundation_staff: { column: 'employer_foundation_id', principalField: 'foundationId' },
  student: { column: 'student_id', principalField: 'studentId' },
  company_rep: (alias: string, p: Principal) =>
    p.companyId
      ? {
          sql: `(${alias}.employer_company_id = :scope_company OR EXISTS (SELECT 1 FROM secondments scope_s WHERE scope_s.employment_id = ${alias}.id AND scope_s.host_company_id = :scope_company))`,
          params: { scope_company: p.companyId },
        }
      : { sql: '1 = 0' },
  universityLimit: { column: 'university_id' },
};

/** Who records employments and secondments: admins, coordinators, and a foundation's staff for its own. */
export const EMPLOYMENT_WRITERS = ['admin', 'coordinator', 'foundation_staff'] as const;

/**
 * Whether the caller may change an employment they can see (its secondments, its rotation plan):
 * an admin, a coordinator of the student's university, or the employing foundation's staff. Every
 * other reader (a host company, the student, an integration) reads only.
 */
export function canWriteEmployment(
  principal: Principal,
  employment: { universityId: string; employerFoundationId: string | null },
): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'coordinator':
      return principal.universityId === employment.universityId;
    case 'foundation_staff':
      return !!principal.foundationId && principal.foundationId === employment.employerFoundationId;
    default:
      return false;
  }
}
