import { Principal, PrincipalRole, scopeCondition, ScopeSql } from '@app/common';
import {
  StudentVisibility,
  StudentVisibilitySource,
  StudentVisibilitySourceName,
} from './student-visibility';

function principal(role: PrincipalRole, ids: Partial<Principal> = {}): Principal {
  return {
    kind: 'user',
    id: 'p',
    role,
    universityId: null,
    foundationId: null,
    companyId: null,
    studentId: null,
    ...ids,
  };
}

/** A source whose condition names itself and the alias, so the composition can be read back. */
function source(
  name: StudentVisibilitySourceName,
  answer?: ScopeSql,
): StudentVisibilitySource & { placedWith: jest.Mock } {
  return {
    source: name,
    placedWith: jest.fn(
      (alias: string, p: Principal): ScopeSql =>
        answer ?? {
          sql: `EXISTS (${name} of ${alias}.id)`,
          params: { scope_company: p.companyId },
        },
    ),
  };
}

const REP = principal('company_rep', { companyId: 'c1' });

describe('student visibility (who sees a student)', () => {
  function complete(
    order: StudentVisibilitySourceName[] = ['employments', 'agreements', 'matches'],
  ) {
    const visibility = new StudentVisibility();
    const sources = order.map((name) => source(name));
    sources.forEach((s) => visibility.register(s));
    return { visibility, sources };
  }

  it('shows a company or foundation the students any source places with it, in a fixed order', () => {
    const expected =
      '(EXISTS (employments of s.id)) OR (EXISTS (agreements of s.id)) OR (EXISTS (matches of s.id))';
    for (const order of [
      ['employments', 'agreements', 'matches'],
      ['matches', 'employments', 'agreements'],
    ] as StudentVisibilitySourceName[][]) {
      const { visibility, sources } = complete(order);
      expect(scopeCondition('s', REP, visibility.scope)).toEqual({
        sql: expected,
        params: { scope_company: 'c1' },
      });
      for (const s of sources) expect(s.placedWith).toHaveBeenCalledWith('s', REP);
    }
    const staff = principal('foundation_staff', { foundationId: 'f1' });
    expect(scopeCondition('s', staff, complete().visibility.scope).sql).toBe(expected);
  });

  it("limits a rep bound to one university to that university's students", () => {
    const limited = principal('company_rep', { companyId: 'c1', universityId: 'u1' });
    expect(scopeCondition('s', limited, complete().visibility.scope)).toEqual({
      sql: '((EXISTS (employments of s.id)) OR (EXISTS (agreements of s.id)) OR (EXISTS (matches of s.id))) AND s.university_id = :scope_limit_university',
      params: { scope_company: 'c1', scope_limit_university: 'u1' },
    });
  });

  it('drops sources that show the principal nothing, and shows nothing when none does', () => {
    const nothing = { sql: '1 = 0', params: {} };
    const visibility = new StudentVisibility();
    visibility.register(source('employments', nothing));
    visibility.register(source('agreements'));
    visibility.register(source('matches', nothing));
    expect(scopeCondition('s', REP, visibility.scope).sql).toBe('(EXISTS (agreements of s.id))');

    const none = new StudentVisibility();
    for (const name of ['employments', 'agreements', 'matches'] as const)
      none.register(source(name, nothing));
    expect(scopeCondition('s', REP, none.scope).sql).toBe('1 = 0');
  });

  it('keeps the students’ own rules for admins, universities and students', () => {
    const { visibility } = complete();
    expect(scopeCondition('s', principal('admin'), visibility.scope).sql).toBe('1 = 1');
    expect(
      scopeCondition('s', principal('coordinator', { universityId: 'u1' }), visibility.scope),
    ).toEqual({
      sql: 's.university_id = :scope_universityId',
      params: { scope_universityId: 'u1' },
    });
    expect(
      scopeCondition('s', principal('integration', { universityId: 'u1' }), visibility.scope).sql,
    ).toBe('s.university_id = :scope_universityId');
    expect(
      scopeCondition('s', principal('student', { studentId: 'st' }), visibility.scope),
    ).toEqual({ sql: 's.id = :scope_studentId', params: { scope_studentId: 'st' } });
  });

  it('throws for a company or foundation while a source is missing, never showing fewer students', () => {
    const visibility = new StudentVisibility();
    const employments = source('employments');
    visibility.register(employments);
    expect(visibility.missingSources()).toEqual(['agreements', 'matches']);
    expect(() => scopeCondition('s', REP, visibility.scope)).toThrow(
      /no source for agreements, matches/,
    );
    expect(() =>
      scopeCondition('s', principal('foundation_staff', { foundationId: 'f1' }), visibility.scope),
    ).toThrow(/no source for agreements, matches/);
    expect(() => visibility.assertComplete()).toThrow(/no source/);
    expect(employments.placedWith).not.toHaveBeenCalled();
  });

  it('answers the other roles without any source (a process without their owners)', () => {
    const visibility = new StudentVisibility();
    expect(visibility.missingSources()).toEqual(['employments', 'agreements', 'matches']);
    expect(scopeCondition('s', principal('admin'), visibility.scope).sql).toBe('1 = 1');
    expect(
      scopeCondition('s', principal('coordinator', { universityId: 'u1' }), visibility.scope).sql,
    ).toBe('s.university_id = :scope_universityId');
  });

  it('refuses a second source for the same records', () => {
    const { visibility } = complete();
    expect(() => visibility.register(source('agreements'))).toThrow(
      /agreements already has a source/,
    );
    expect(visibility.missingSources()).toEqual([]);
    expect(() => visibility.assertComplete()).not.toThrow();
  });
});
