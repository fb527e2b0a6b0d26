import { Principal, PrincipalRole } from '../auth/principal';
import {
  anyOf,
  assertOwnScope,
  scopeCondition,
  ScopeRules,
  universityLimit,
  visibleThrough,
} from './scope';

function principal(role: PrincipalRole, scope: Partial<Principal> = {}): Principal {
  return {
    kind: 'user',
    id: 'u1',
    role,
    universityId: null,
    foundationId: null,
    companyId: null,
    studentId: null,
    ...scope,
  };
}

const BOUND: ScopeRules = {
  admin: 'all',
  coordinator: { column: 'university_id', principalField: 'universityId' },
  company_rep: { column: 'company_id', principalField: 'companyId' },
  universityLimit: { column: 'university_id' },
};

describe('scopeCondition', () => {
  it('fails closed for a role the rules do not list', () => {
    expect(scopeCondition('r', principal('student', { studentId: 's' }), BOUND)).toEqual({
      sql: '1 = 0',
      params: {},
    });
  });

  it('narrows a scoped role to its scope id and refuses a missing one', () => {
    expect(scopeCondition('r', principal('coordinator', { universityId: 'uA' }), BOUND)).toEqual({
      sql: 'r.university_id = :scope_universityId',
      params: { scope_universityId: 'uA' },
    });
    expect(scopeCondition('r', principal('company_rep'), BOUND).sql).toBe('1 = 0');
  });

  it('narrows a rep limited to one university to that university too', () => {
    const rep = principal('company_rep', { companyId: 'c', universityId: 'uB' });
    expect(universityLimit(rep)).toBe('uB');
    expect(scopeCondition('r', rep, BOUND)).toEqual({
      sql: '(r.company_id = :scope_companyId) AND r.university_id = :scope_limit_university',
      params: { scope_companyId: 'c', scope_limit_university: 'uB' },
    });
  });

  it('shows a limited rep nothing where the rules do not say where the university is', () => {
    const rules: ScopeRules = {
      company_rep: { column: 'company_id', principalField: 'companyId' },
    };
    const rep = principal('company_rep', { companyId: 'c', universityId: 'uB' });
    expect(scopeCondition('r', rep, rules).sql).toBe('1 = 0');
    expect(scopeCondition('r', rep, { ...rules, universityLimit: 'shared' }).sql).toBe(
      'r.company_id = :scope_companyId',
    );
    // A company-wide rep is not limited at all.
    expect(scopeCondition('r', principal('company_rep', { companyId: 'c' }), rules).sql).toBe(
      'r.company_id = :scope_companyId',
    );
  });

  it("treats a coordinator's or student's university as theirs, not as a limit", () => {
    expect(universityLimit(principal('coordinator', { universityId: 'uA' }))).toBeNull();
    expect(
      universityLimit(principal('student', { universityId: 'uA', studentId: 's' })),
    ).toBeNull();
  });
});

describe('visibility through a relation', () => {
  it("wraps the related resource's own rule in an EXISTS", () => {
    const rep = principal('company_rep', { companyId: 'c' });
    expect(
      visibleThrough(rep, { table: 'employments', inner: 'e', on: 'e.student_id = s.id' }, BOUND),
    ).toEqual({
      sql: 'EXISTS (SELECT 1 FROM employments e WHERE e.student_id = s.id AND (e.company_id = :scope_companyId))',
      params: { scope_companyId: 'c' },
    });
  });

  it('drops relations that show nothing and fails closed when none is left', () => {
    const student = principal('student', { studentId: 's' });
    const none = visibleThrough(student, { table: 'employments', inner: 'e', on: 'true' }, BOUND);
    expect(none.sql).toBe('1 = 0');
    expect(anyOf(none, none).sql).toBe('1 = 0');
    expect(
      anyOf(none, { sql: 'x = :a', params: { a: 1 } }, { sql: 'y = :b', params: { b: 2 } }),
    ).toEqual({
      sql: '(x = :a) OR (y = :b)',
      params: { a: 1, b: 2 },
    });
  });
});

describe('assertOwnScope', () => {
  it("does not take a rep's university limit for their own university", () => {
    const rep = principal('company_rep', { companyId: 'c', universityId: 'uB' });
    expect(() => assertOwnScope(rep, 'universityId', 'uB', 'register students')).toThrow(
      /own university/,
    );
    const coordinator = principal('coordinator', { universityId: 'uB' });
    expect(() =>
      assertOwnScope(coordinator, 'universityId', 'uB', 'register students'),
    ).not.toThrow();
    expect(() => assertOwnScope(coordinator, 'universityId', 'uA', 'register students')).toThrow();
  });
});
