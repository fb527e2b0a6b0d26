import { anyOf, Principal, ScopeRules, ScopeSql, visibleThrough } from '@app/common';
import { AGREEMENT_SCOPE } from '../agreements/agreement-scope';
import { MATCH_SCOPE } from '../matching/matching-scope';
import { EMPLOYMENT_SCOPE } from '../placements/placements-scope';

/** A match the company or foundation has been introduced to (a bare proposal shows it nothing). */
const INTRODUCED = `('introduced', 'interviewing', 'offered', 'accepted')`;

/**
 * A company or foundation sees the students placed with it, read-only: those it employs or hosts
 * on secondment (an employment it can see), those it is party to an agreement with (an
 * agreement it can see), and those it has been introduced to through a match. Each relation is
 * that resource's own scope rule, so the student scope can never show more than they do.
 */
function placedWith(alias: string, p: Principal): ScopeSql {
  return anyOf(
    visibleThrough(
      p,
      { table: 'employments', inner: 'rel_e', on: `rel_e.student_id = ${alias}.id` },
      EMPLOYMENT_SCOPE,
    ),
    visibleThrough(
      p,
      { table: 'agreements', inner: 'rel_a', on: `rel_a.student_id = ${alias}.id` },
      AGREEMENT_SCOPE,
    ),
    visibleThrough(
      p,
      {
        table: 'matches',
        inner: 'rel_m',
        on: `rel_m.student_id = ${alias}.id AND rel_m.status IN ${INTRODUCED}`,
      },
      MATCH_SCOPE,
    ),
  );
}

/**
 * Who sees a student: admins all; coordinators and integrations their university's; a student
 * themself; companies and foundations the students placed with them (see placedWith), and a rep
 * or staff member limited to one university only that university's. Writes stay with the
 * student's university (the services check the role and assertOwnScope).
 */
export const STUDENT_SCOPE: ScopeRules = {
  admin: 'all',
  coordinator: { column: 'university_id', principalField: 'universityId' },
  integration: { column: 'university_id', principalField: 'universityId' },
  student: { column: 'id', principalField: 'studentId' },
  company_rep: placedWith,
  foundation_staff: placedWith,
  universityLimit: { column: 'university_id' },
};
