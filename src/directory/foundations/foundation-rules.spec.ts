import { Principal, PrincipalRole } from '@app/common';
import {
  canWriteFoundation,
  distinctIds,
  FOUNDATION_SCOPE,
  malformedIdErrors,
  unknownCompanyErrors,
} from './foundation-rules';

const A = '0190a5b0-0000-7000-8000-00000000000a';
const B = '0190a5b0-0000-7000-8000-00000000000b';

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

describe('foundation rules', () => {
  it('lets staff roles read every foundation and nobody else any', () => {
    expect(Object.keys(FOUNDATION_SCOPE).sort()).toEqual([
      'admin',
      'coordinator',
      'foundation_staff',
    ]);
    for (const rule of Object.values(FOUNDATION_SCOPE)) expect(rule).toBe('all');
  });

  it("lets admins, coordinators and the foundation's own staff write", () => {
    expect(canWriteFoundation(principal('admin'), A)).toBe(true);
    expect(canWriteFoundation(principal('coordinator', { universityId: 'x' }), A)).toBe(true);
    expect(canWriteFoundation(principal('foundation_staff', { foundationId: A }), A)).toBe(true);
    expect(canWriteFoundation(principal('foundation_staff', { foundationId: B }), A)).toBe(false);
    expect(canWriteFoundation(principal('company_rep', { companyId: A }), A)).toBe(false);
    expect(canWriteFoundation(principal('student', { studentId: 's' }), A)).toBe(false);
  });

  it('names malformed and unknown company ids by their position', () => {
    expect(malformedIdErrors([A, 'nope', B, ''])).toEqual([
      expect.objectContaining({ field: 'companyIds[1]' }),
      expect.objectContaining({ field: 'companyIds[3]' }),
    ]);
    expect(unknownCompanyErrors([A, B, A.toUpperCase()], new Set([A]))).toEqual([
      { field: 'companyIds[1]', message: `companyIds[1]: no company ${B} is registered` },
    ]);
  });

  it('deduplicates ids case-insensitively, keeping the first order', () => {
    expect(distinctIds([B, A, B.toUpperCase(), A])).toEqual([B, A]);
  });
});
