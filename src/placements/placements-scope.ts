import { Principal, ScopeRules } from '@app/common';

/**
 * Who sees an employment: admins all; a university (coordinators, integrations) its own
 * students'; a foundation its employees across universities; a company where it is the
 * employer or has hosted the student; the student their own.
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
};

/** Who records employments and secondments: admins, coordinators, and a foundation's staff for its own. */
export const EMPLOYMENT_WRITERS = ['admin', 'coordinator', 'foundation_staff'] as const;
