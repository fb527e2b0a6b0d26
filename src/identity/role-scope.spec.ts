import { roleScopeErrors } from './role-scope';

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

  it('refuses scope ids of another role', () => {
    expect(roleScopeErrors('company_rep', { companyId: 'c', universityId: 'u' })).toEqual([
      { field: 'universityId', message: 'does not apply to the role company_rep' },
    ]);
    expect(roleScopeErrors('admin', { studentId: 's' })).toHaveLength(1);
  });
});
