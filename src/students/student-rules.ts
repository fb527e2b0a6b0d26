import type { FieldError } from '@app/common';

/**
 * What makes a student valid, in one place for both ways a student comes in: the API (the
 * class-validator DTOs in dto/student.dto.ts take their bounds from here, and the service runs
 * studentRuleErrors) and the student import (src/integrations/student-import-fields.ts checks
 * raw rows by hand for speed, with these bounds, and runs studentRuleErrors on each row).
 */

/** Student numbers and SIS ids as universities issue them: letters, digits and . _ - (no spaces). */
export const STUDENT_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const STUDENT_NUMBER_MESSAGE =
  'may contain only letters, digits, dots, dashes and underscores';
export const MAX_STUDENT_NUMBER_LENGTH = 50;
export const MAX_EXTERNAL_ID_LENGTH = 100;
export const MAX_NAME_LENGTH = 100;
/** RFC 5321's limit on a forward path. */
export const MAX_EMAIL_LENGTH = 254;

/** Cohort = start academic year; before 2000 is a typing error. */
export const MIN_COHORT = 2000;
/**
 * The API takes any cohort up to this year (a coordinator may register far ahead); an import
 * only up to MAX_COHORT_AHEAD years after today's, since a system of record does not enrol
 * decades ahead and such a row is a typing error.
 */
export const MAX_COHORT = 2100;
export const MAX_COHORT_AHEAD = 2;

export const MAX_MONTHS_WITH_EMPLOYER = 600;

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
