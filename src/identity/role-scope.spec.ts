import { Principal, PrincipalRole } from '@app/common';
import { completeGrant, Grant, grantRefusal, roleScopeErrors } from './role-scope';

function principal(role: PrincipalRole, scope: Partial<Principal> = {}): Principal {
  return {
    kind: 'user',
    id: 'u',
    role,
    universityId: null,
    foundationId: null,
    companyId: null,
    studentId: null,
    ...scope,
  };
}

/** What the service does: complete the grant, then ask whether the creator may make it. */
const refusal = (creator: Principal, grant: Grant) =>
  grantRefusal(creator, completeGrant(creator, grant));

describe('roleScopeErrors', () => {
  it('accepts an admin without scope', () => {
    expect(roleScopeErrors('admin', {})).toEqual([]);
  });

  it('requires the scope id that belongs to the role', () => {
    expect(roleScopeErrors('coordinator', {})).toEqual([
      { field: 'universityId', message: 'is required for the role coordinator' },
    ]);
    expect(roleScopeErrors('company_rep', { companyId: 'c' })).toEqual([]);
    expect(roleScopeErrors('foundation_staff', { foundationId: 'f' })).toEqual([]);
    expect(roleScopeErrors('student', { studentId: 's' })).toEqual([]);
  });

  it('lets a company rep or foundation staff member carry a university limit, nobody else', () => {
    expect(roleScopeErrors('company_rep', { companyId: 'c', universityId: 'u' })).toEqual([]);
    expect(roleScopeErrors('foundation_staff', { foundationId: 'f', universityId: 'u' })).toEqual(
      [],
    );
    expect(roleScopeErrors('company_rep', { companyId: 'c', foundationId: 'f' })).toEqual([
      { field: 'foundationId', message: 'does not apply to the role company_rep' },
    ]);
    expect(roleScopeErrors('admin', { studentId: 's' })).toHaveLength(1);
    expect(roleScopeErrors('admin', { universityId: 'u' })).toHaveLength(1);
  });
});

describe('who may grant what (nobody grants access they do not hold)', () => {
  const coordinatorB = principal('coordinator', { universityId: 'uB' });

  it('lets an admin create anyone, company-wide reps included', () => {
    expect(refusal(principal('admin'), { role: 'company_rep', companyId: 'c' })).toBeNull();
    expect(completeGrant(principal('admin'), { role: 'company_rep', companyId: 'c' })).toEqual({
      role: 'company_rep',
      companyId: 'c',
    });
  });

  it("limits a rep or staff member a coordinator invites to the coordinator's university", () => {
    expect(completeGrant(coordinatorB, { role: 'company_rep', companyId: 'c' })).toEqual({
      role: 'company_rep',
      companyId: 'c',
      universityId: 'uB',
    });
    expect(refusal(coordinatorB, { role: 'company_rep', companyId: 'c' })).toBeNull();
    expect(refusal(coordinatorB, { role: 'foundation_staff', foundationId: 'f' })).toBeNull();
    expect(
      refusal(coordinatorB, { role: 'company_rep', companyId: 'c', universityId: 'uA' }),
    ).toMatch(/own university/);
  });

  it('keeps coordinators to their own university and away from admins', () => {
    expect(refusal(coordinatorB, { role: 'coordinator', universityId: 'uB' })).toBeNull();
    expect(refusal(coordinatorB, { role: 'coordinator', universityId: 'uA' })).toMatch(/own/);
    expect(refusal(coordinatorB, { role: 'admin' })).toMatch(/admins/);
    // A student's university is checked against the student record by the service.
    expect(refusal(coordinatorB, { role: 'student', studentId: 's' })).toBeNull();
  });

  it('lets a company rep create colleagues of their own company with at most their reach', () => {
    const rep = principal('company_rep', { companyId: 'c' });
    expect(refusal(rep, { role: 'company_rep', companyId: 'c' })).toBeNull();
    expect(refusal(rep, { role: 'company_rep', companyId: 'c', universityId: 'uA' })).toBeNull();
    expect(refusal(rep, { role: 'company_rep', companyId: 'other' })).toMatch(/own company/);
    expect(refusal(rep, { role: 'coordinator', universityId: 'uA' })).toMatch(/own company/);

    const limited = principal('company_rep', { companyId: 'c', universityId: 'uB' });
    expect(completeGrant(limited, { role: 'company_rep', companyId: 'c' }).universityId).toBe('uB');
    expect(refusal(limited, { role: 'company_rep', companyId: 'c' })).toBeNull();
    expect(refusal(limited, { role: 'company_rep', companyId: 'c', universityId: 'uA' })).toMatch(
      /limited/,
    );
  });

  it('lets foundation staff create staff of their own foundation only', () => {
    const staff = principal('foundation_staff', { foundationId: 'f' });
    expect(refusal(staff, { role: 'foundation_staff', foundationId: 'f' })).toBeNull();
    expect(refusal(staff, { role: 'foundation_staff', foundationId: 'g' })).toMatch(/foundation/);
    expect(refusal(staff, { role: 'company_rep', companyId: 'c' })).toMatch(/foundation/);
  });

  it('lets students and integrations create nobody', () => {
    expect(
      refusal(principal('student', { studentId: 's' }), { role: 'student', studentId: 's' }),
    ).toMatch(/may not create/);
    expect(
      refusal(principal('integration', { universityId: 'uA' }), {
        role: 'student',
        studentId: 's',
      }),
    ).toMatch(/may not create/);
  });
});
