import { FieldError, UserRole } from '@app/common';

export interface ScopeFields {
  universityId?: string | null;
  foundationId?: string | null;
  companyId?: string | null;
  studentId?: string | null;
}

/** Which scope id each role carries: exactly that one, and no other. */
export const ROLE_SCOPE_FIELD: Record<UserRole, keyof ScopeFields | null> = {
  admin: null,
  coordinator: 'universityId',
  foundation_staff: 'foundationId',
  company_rep: 'companyId',
  student: 'studentId',
};

/** Pure check that a user's role and scope ids fit together. */
export function roleScopeErrors(role: UserRole, scope: ScopeFields): FieldError[] {
  const required = ROLE_SCOPE_FIELD[role];
  const errors: FieldError[] = [];
  for (const field of ['universityId', 'foundationId', 'companyId', 'studentId'] as const) {
    const present = !!scope[field];
    if (field === required && !present) {
      errors.push({ field, message: `is required for the role ${role}` });
    } else if (field !== required && present) {
      errors.push({ field, message: `does not apply to the role ${role}` });
    }
  }
  return errors;
}
