import {
  distinctIds,
  FOUNDATION_SCOPE,
  malformedIdErrors,
  unknownCompanyErrors,
} from './foundation-rules';

const A = '0190a5b0-0000-7000-8000-00000000000a';
const B = '0190a5b0-0000-7000-8000-00000000000b';

describe('foundation rules', () => {
  it('lets staff roles read every foundation and nobody else any', () => {
    const { universityLimit, ...roles } = FOUNDATION_SCOPE;
    expect(Object.keys(roles).sort()).toEqual(['admin', 'coordinator', 'foundation_staff']);
    for (const rule of Object.values(roles)) expect(rule).toBe('all');
    // A foundation is no university's: staff limited to one university still read it.
    expect(universityLimit).toBe('shared');
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
