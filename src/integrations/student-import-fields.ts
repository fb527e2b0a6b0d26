import { isUuid } from '@app/common';
/**
 * Pure field rules of one student-import row: which fields a row may carry, how each is checked
 * and normalised. Plain TypeScript, no class-validator per row (10,000 rows in a few ms). The
 * bounds and the rules across fields are the students' own (src/students/student-rules.ts), the
 * same the students API applies, so a row is refused exactly where a POST /students would be.
 */
import { isEmail } from 'class-validator';
import { INTAKE_GROUPS, PRIOR_EDUCATION } from '../students/entities/student.entity';
import type { StudentFields } from '../students/student-bulk-upsert';
import {
  MAX_EMAIL_LENGTH,
  MAX_EXTERNAL_ID_LENGTH,
  MAX_MONTHS_WITH_EMPLOYER,
  MAX_NAME_LENGTH,
  MAX_STUDENT_NUMBER_LENGTH,
  MIN_COHORT,
  STUDENT_NUMBER_MESSAGE,
  STUDENT_NUMBER_PATTERN,
  studentRuleErrors,
} from '../students/student-rules';
import type { ImportRowError } from './entities/student-import.entity';

export { EARLIEST_DATE_OF_BIRTH, MAX_COHORT_AHEAD, MIN_COHORT } from '../students/student-rules';

export const IMPORT_MAX_ROWS = 10_000;

/**
 * A Dutch citizen service number must never be stored (UAVG art. 46). Student information
 * systems sometimes send one; it is dropped from every row before the batch is stored.
 */
export const BSN_KEY = /^(bsn|burgerservicenummer)$/i;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A valid row, normalised (trimmed, email lower-case, ids lower-case, defaults applied): exactly
 * the fields the students module's bulk write takes.
 */
export type StudentImportRow = StudentFields;

/** The fields an import sets; each is compared to decide between updated and unchanged. */
export const IMPORTED_FIELDS = [
  'programmeId',
  'studentNumber',
  'firstName',
  'lastName',
  'email',
  'intakeGroup',
  'priorEducation',
  'cohort',
  'dateOfBirth',
  'workedForEmployerBefore',
  'monthsWithEmployerBefore',
] as const satisfies readonly (keyof StudentImportRow)[];

export const KNOWN_FIELDS = new Set<string>(['externalId', ...IMPORTED_FIELDS]);

/**
 * Checks one row field by field, reporting every problem; returns what could be read (the
 * caller uses the externalId even from a rejected row, to spot duplicates).
 */
export function checkRow(
  raw: unknown,
  index: number,
  errors: ImportRowError[],
  today: string,
  maxCohort: number,
): Partial<StudentImportRow> | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    errors.push({ index, field: 'row', message: 'must be an object' });
    return null;
  }
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (KNOWN_FIELDS.has(key) || BSN_KEY.test(key)) continue;
    errors.push({
      index,
      field: key,
      message:
        key === 'universityId'
          ? 'must not be given: the import belongs to one university'
          : 'is not a known field',
    });
  }
  const fail = (field: string, message: string) => {
    errors.push({ index, field, message });
    return undefined;
  };
  const row: Partial<StudentImportRow> = {
    externalId: identifier(input.externalId, MAX_EXTERNAL_ID_LENGTH, (m) => fail('externalId', m)),
    programmeId: uuid(input.programmeId, (m) => fail('programmeId', m)),
    studentNumber: studentNumber(input.studentNumber, (m) => fail('studentNumber', m)),
    firstName: text(input.firstName, MAX_NAME_LENGTH, (m) => fail('firstName', m)),
    lastName: text(input.lastName, MAX_NAME_LENGTH, (m) => fail('lastName', m)),
    email: email(input.email, (m) => fail('email', m)),
    intakeGroup: oneOf(input.intakeGroup, INTAKE_GROUPS, (m) => fail('intakeGroup', m)),
    priorEducation: oneOf(input.priorEducation, PRIOR_EDUCATION, (m) => fail('priorEducation', m)),
    cohort: cohort(input.cohort, maxCohort, (m) => fail('cohort', m)),
    dateOfBirth: dateOfBirth(input.dateOfBirth, (m) => fail('dateOfBirth', m)),
    workedForEmployerBefore: optionalBoolean(input.workedForEmployerBefore, (m) =>
      fail('workedForEmployerBefore', m),
    ),
    monthsWithEmployerBefore: months(input.monthsWithEmployerBefore, (m) =>
      fail('monthsWithEmployerBefore', m),
    ),
  };
  // The students' rules across fields, on what could be read (a field already refused above
  // adds nothing here: an unreadable flag counts as true, an unreadable value as absent).
  const ruleErrors = studentRuleErrors(
    {
      workedForEmployerBefore: row.workedForEmployerBefore ?? true,
      monthsWithEmployerBefore: row.monthsWithEmployerBefore ?? null,
      dateOfBirth: row.dateOfBirth ?? null,
    },
    today,
  );
  for (const error of ruleErrors) fail(error.field, error.message);
  return row;
}

type Fail = (message: string) => undefined;

const isMissing = (value: unknown) => value === undefined || value === null || value === '';

/** A non-empty string, or a whole number (systems often send numeric ids), as a trimmed string. */
function identifier(value: unknown, maxLength: number, fail: Fail): string | undefined {
  if (isMissing(value)) return fail('is required');
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value !== 'string') return fail('must be a string');
  const trimmed = value.trim();
  if (!trimmed) return fail('is required');
  if (trimmed.length > maxLength) return fail(`must be at most ${maxLength} characters`);
  return trimmed;
}

function studentNumber(value: unknown, fail: Fail): string | undefined {
  const id = identifier(value, MAX_STUDENT_NUMBER_LENGTH, fail);
  if (id !== undefined && !STUDENT_NUMBER_PATTERN.test(id)) return fail(STUDENT_NUMBER_MESSAGE);
  return id;
}

function text(value: unknown, maxLength: number, fail: Fail): string | undefined {
  if (isMissing(value)) return fail('is required');
  if (typeof value !== 'string') return fail('must be a string');
  const trimmed = value.trim();
  if (!trimmed) return fail('is required');
  if (trimmed.length > maxLength) return fail(`must be at most ${maxLength} characters`);
  return trimmed;
}

function uuid(value: unknown, fail: Fail): string | undefined {
  if (isMissing(value)) return fail('is required');
  if (!isUuid(value)) return fail('must be a UUID');
  return value.toLowerCase();
}

function email(value: unknown, fail: Fail): string | undefined {
  if (isMissing(value)) return fail('is required');
  if (typeof value !== 'string') return fail('must be a string');
  const normalised = value.trim().toLowerCase();
  if (normalised.length > MAX_EMAIL_LENGTH || !isEmail(normalised))
    return fail('must be a valid email address');
  return normalised;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fail: Fail): T | undefined {
  if (isMissing(value)) return fail('is required');
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    return fail(`must be one of: ${allowed.join(', ')}`);
  }
  return value as T;
}

function cohort(value: unknown, maxCohort: number, fail: Fail): number | undefined {
  if (isMissing(value)) return fail('is required');
  if (typeof value !== 'number' || !Number.isInteger(value))
    return fail('must be a year (a whole number)');
  if (value < MIN_COHORT || value > maxCohort)
    return fail(`must be a year from ${MIN_COHORT} to ${maxCohort}`);
  return value;
}

/** A calendar date; whether it lies in the accepted range is a student rule (studentRuleErrors). */
function dateOfBirth(value: unknown, fail: Fail): string | null | undefined {
  if (isMissing(value)) return null;
  if (typeof value !== 'string') return fail('must be a date (YYYY-MM-DD)');
  const match = ISO_DATE.exec(value);
  if (!match) return fail('must be a date (YYYY-MM-DD)');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return fail('is not a calendar date');
  }
  return value;
}

function optionalBoolean(value: unknown, fail: Fail): boolean | undefined {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') return fail('must be true or false');
  return value;
}

function months(value: unknown, fail: Fail): number | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value))
    return fail('must be a whole number of months');
  if (value < 0 || value > MAX_MONTHS_WITH_EMPLOYER) {
    return fail(`must be from 0 to ${MAX_MONTHS_WITH_EMPLOYER}`);
  }
  return value;
}
