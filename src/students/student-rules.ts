import type { FieldError } from '@app/common';

/** The earliest date of birth we accept; anything before it is a typing error. */
export const EARLIEST_DATE_OF_BIRTH = '1900-01-01';

export interface StudentRuleInput {
  workedForEmployerBefore: boolean;
  monthsWithEmployerBefore: number | null;
  dateOfBirth: string | null;
}

/**
 * Rules across fields of a student, given today's date (YYYY-MM-DD); empty when all hold.
 * Prior employment (whether and how long) drives the retention figures, so months without the
 * flag is a contradiction rather than something to guess about.
 */
export function studentRuleErrors(student: StudentRuleInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (student.monthsWithEmployerBefore !== null && !student.workedForEmployerBefore) {
    errors.push({
      field: 'monthsWithEmployerBefore',
      message: 'can only be given when workedForEmployerBefore is true',
    });
  }
  if (student.dateOfBirth !== null) {
    if (student.dateOfBirth >= today) {
      errors.push({ field: 'dateOfBirth', message: `must be in the past (before ${today})` });
    } else if (student.dateOfBirth < EARLIEST_DATE_OF_BIRTH) {
      errors.push({
        field: 'dateOfBirth',
        message: `must not be before ${EARLIEST_DATE_OF_BIRTH}`,
      });
    }
  }
  return errors;
}
