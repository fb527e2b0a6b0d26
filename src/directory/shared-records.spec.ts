import { Principal, PrincipalRole } from '@app/common';
import { editRight, SharedOwner } from './shared-records';

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

const COMPANY: SharedOwner = { kind: 'company', id: 'c' };
const FOUNDATION: SharedOwner = { kind: 'foundation', id: 'f' };
const ASSOCIATION: SharedOwner = { kind: 'sector_association', id: 'sa' };

describe('who edits shared directory records', () => {
  it('lets admins edit everything', () => {
    for (const owner of [COMPANY, FOUNDATION, ASSOCIATION])
      expect(editRight(principal('admin'), owner)).toBe('editor');
  });

  it("lets a company's reps and a foundation's staff edit their own record only", () => {
    expect(editRight(principal('company_rep', { companyId: 'c' }), COMPANY)).toBe('editor');
    expect(editRight(principal('company_rep', { companyId: 'x' }), COMPANY)).toBe('none');
    expect(editRight(principal('company_rep', { companyId: 'c' }), FOUNDATION)).toBe('none');
    expect(editRight(principal('foundation_staff', { foundationId: 'f' }), FOUNDATION)).toBe(
      'editor',
    );
    expect(editRight(principal('foundation_staff', { foundationId: 'f' }), COMPANY)).toBe('none');
    expect(editRight(principal('foundation_staff', { foundationId: 'f' }), ASSOCIATION)).toBe(
      'none',
    );
  });

  it('gives a rep or staff member limited to one university no edit right on shared records', () => {
    expect(
      editRight(principal('company_rep', { companyId: 'c', universityId: 'uB' }), COMPANY),
    ).toBe('none');
    expect(
      editRight(
        principal('foundation_staff', { foundationId: 'f', universityId: 'uB' }),
        FOUNDATION,
      ),
    ).toBe('none');
  });

  it('lets a coordinator edit only when the university works with the record (the database says)', () => {
    for (const owner of [COMPANY, FOUNDATION, ASSOCIATION])
      expect(editRight(principal('coordinator', { universityId: 'uA' }), owner)).toBe(
        'if_works_with',
      );
  });

  it('gives students and integrations nothing', () => {
    expect(editRight(principal('student', { studentId: 's', universityId: 'uA' }), COMPANY)).toBe(
      'none',
    );
    expect(
      editRight({ ...principal('integration', { universityId: 'uA' }), kind: 'api_key' }, COMPANY),
    ).toBe('none');
  });
});
