import { Principal, ScopeRules } from '@app/common';

/**
 * Vacancies are offered to the universities' students: staff roles read all of them, a company
 * its own (or those it hosts), a foundation its own, a student the open ones.
 */
export const VACANCY_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: 'all',
  foundation_staff: { column: 'foundation_id', principalField: 'foundationId' },
  company_rep: (alias: string, p: Principal) =>
    p.companyId
      ? {
          sql: `(${alias}.company_id = :scope_company OR ${alias}.host_company_id = :scope_company)`,
          params: { scope_company: p.companyId },
        }
      : { sql: '1 = 0' },
  student: (alias: string) => ({ sql: `${alias}.status = 'open'` }),
};

/** Matches: the student's university, the vacancy's company or foundation, the student. */
export const MATCH_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: { column: 'university_id', principalField: 'universityId' },
  integration: { column: 'university_id', principalField: 'universityId' },
  foundation_staff: { column: 'foundation_id', principalField: 'foundationId' },
  company_rep: { column: 'company_id', principalField: 'companyId' },
  student: { column: 'student_id', principalField: 'studentId' },
};

/** Who may write a vacancy: admins and coordinators, and its own company or foundation. */
export function canWriteVacancy(
  p: Principal,
  v: { companyId: string | null; foundationId: string | null },
): boolean {
  if (p.role === 'admin' || p.role === 'coordinator') return true;
  if (p.role === 'company_rep') return !!v.companyId && v.companyId === p.companyId;
  if (p.role === 'foundation_staff') return !!v.foundationId && v.foundationId === p.foundationId;
  return false;
}
