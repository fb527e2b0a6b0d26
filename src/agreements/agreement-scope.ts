import { Principal, ScopeRules, universityLimit } from '@app/common';
import type { Party } from './dto/agreement.dto';
import type { Agreement } from './entities/agreement.entity';

/**
 * Who reads which agreements: admins all; coordinators and integrations their university's
 * students'; a student their own; a company representative where the company is employer or
 * host; foundation staff where the foundation is the employer (a rep or staff member limited to
 * one university: only that university's). Out of scope reads as 404.
 */
export const AGREEMENT_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: { column: 'university_id', principalField: 'universityId' },
  integration: { column: 'university_id', principalField: 'universityId' },
  student: { column: 'student_id', principalField: 'studentId' },
  foundation_staff: { column: 'employer_foundation_id', principalField: 'foundationId' },
  // Employer, host of the version in force (the agreement row), or host named by a version that
  // was submitted to it (an amendment to sign, or a version it signed before a re-secondment).
  // A draft naming a company shows it nothing.
  company_rep: (alias: string, p: Principal) =>
    p.companyId
      ? {
          sql: `(${alias}.employer_company_id = :scope_company OR ${alias}.host_company_id = :scope_company
                 OR EXISTS (SELECT 1 FROM agreement_versions scope_v
                             WHERE scope_v.agreement_id = ${alias}.id AND scope_v.host_company_id = :scope_company
                               AND scope_v.status IN ('pending_signatures', 'active', 'superseded', 'declined')))`,
          params: { scope_company: p.companyId },
        }
      : { sql: '1 = 0' },
  universityLimit: { column: 'university_id' },
};

/** The parties whose signatures make a version binding. */
export function requiredParties(a: Pick<Agreement, 'employerType'>): Party[] {
  return a.employerType === 'foundation'
    ? ['student', 'university', 'employer', 'host']
    : ['student', 'university', 'employer'];
}

/**
 * The party the caller signs (or declines) for in a version, or null when they are none of them.
 * The host is that version's host (a re-secondment names a new one).
 */
export function partyOf(
  p: Principal,
  a: Agreement,
  versionHostId: string | null = a.hostCompanyId,
): Party | null {
  switch (p.role) {
    case 'student':
      return p.studentId === a.studentId ? 'student' : null;
    case 'coordinator':
      return p.universityId === a.universityId ? 'university' : null;
    case 'foundation_staff':
      if (!withinLimit(p, a)) return null;
      return p.foundationId && p.foundationId === a.employerFoundationId ? 'employer' : null;
    case 'company_rep':
      if (!withinLimit(p, a)) return null;
      if (p.companyId && p.companyId === a.employerCompanyId) return 'employer';
      return p.companyId && p.companyId === versionHostId ? 'host' : null;
    default:
      return null;
  }
}

/** A rep or staff member limited to one university signs only that university's agreements. */
function withinLimit(p: Principal, a: Agreement): boolean {
  const limit = universityLimit(p);
  return limit === null || limit === a.universityId;
}
