import { Principal, ScopeRules, universityLimit } from '@app/common';
import type { SharedOwner } from '../directory/shared-records';

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
  // A vacancy is offered to every university's students: a rep limited to one university still
  // reads its company's vacancies (but does not edit them: see canWriteVacancy).
  universityLimit: 'shared',
};

/**
 * Matches: the student's university, the vacancy's company or foundation (a rep or staff member
 * limited to one university: that university's), the student.
 */
export const MATCH_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: { column: 'university_id', principalField: 'universityId' },
  integration: { column: 'university_id', principalField: 'universityId' },
  foundation_staff: { column: 'foundation_id', principalField: 'foundationId' },
  company_rep: { column: 'company_id', principalField: 'companyId' },
  student: { column: 'student_id', principalField: 'studentId' },
  universityLimit: { column: 'university_id' },
};

/** The shared record a vacancy is edited as: its company's, or its foundation's. */
export function vacancyOwner(v: {
  companyId: string | null;
  foundationId: string | null;
}): SharedOwner {
  return v.companyId
    ? { kind: 'company', id: v.companyId }
    : { kind: 'foundation', id: v.foundationId! };
}

/**
 * Who ranks a vacancy's candidates: admins and the vacancy's own company or foundation (not a
 * rep or staff member limited to one university: the ranking spans all universities).
 */
export function canRankFor(
  p: Principal,
  v: { companyId: string | null; foundationId: string | null },
): boolean {
  if (p.role === 'admin') return true;
  if (universityLimit(p) !== null) return false;
  if (p.role === 'company_rep') return !!v.companyId && v.companyId === p.companyId;
  if (p.role === 'foundation_staff') return !!v.foundationId && v.foundationId === p.foundationId;
  return false;
}
