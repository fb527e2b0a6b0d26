import { isUuid } from '@app/common';
/**
 * Pure field rules of one student-import row: which fields a row may carry, how each is checked
 * and normalised. Plain TypeScript, no class-validator per row (10,000 rows in a few ms). The
 * bounds follow the students API (src/students/dto/student.dto.ts) so both paths agree.
 */
import { isEmail } from 'class-validator';
import {
  INTAKE_GROUPS,
  IntakeGroup,
  PRIOR_EDUCATION,
  PriorEducation,
} from '../students/entities/student.entity';
import type { ImportRowError } from './entities/student-import.entity';

export const IMPORT_MAX_ROWS = 10_000;

/**
 * A Dutch citizen service number must never be stored (UAVG art. 46). Student information
 * systems sometimes send one; it is dropped from every row before the batch is stored.
 */
export const BSN_KEY = /^(bsn|burgerservicenummer)$/i;

/**
 * Cohorts (start academic year) outside this window are taken to be typing errors. The floor is
 * the students API's; the ceiling is tighter (a system of record does not enrol decades ahead).
 */
export const MIN_COHORT = 2000;
export const MAX_COHORT_AHEAD = 2;
export const EARLIEST_DATE_OF_BIRTH = '1900-01-01';

const MAX_MONTHS_WITH_EMPLOYER = 600;
/** Student numbers (as the students API accepts them): letters, digits and . _ - (no spaces). */
const STUDENT_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid row, normalised (trimmed, email lower-case, ids lower-case, defaults applied). */
export interface StudentImportRow {
  externalId: string;
  programmeId: string;
  studentNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  intakeGroup: IntakeGroup;
  priorEducation: PriorEducation;
  cohort: number;
  dateOfBirth: string | null;
  workedForEmployerBefore: boolean;
  monthsWithEmployerBefore: number | null;
}

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
    externalId: identifier(input.externalId, 100, (m) => fail('externalId', m)),
    programmeId: uuid(input.programmeId, (m) => fail('programmeId', m)),
    studentNumber: studentNumber(input.studentNumber, (m) => fail('studentNumber', m)),
    firstName: text(input.firstName, 100, (m) => fail('firstName', m)),
    lastName: text(input.lastName, 100, (m) => fail('lastName', m)),
    email: email(input.email, (m) => fail('email', m)),
    intakeGroup: oneOf(input.intakeGroup, INTAKE_GROUPS, (m) => fail('intakeGroup', m)),
    priorEducation: oneOf(input.priorEducation, PRIOR_EDUCATION, (m) => fail('priorEducation', m)),
    cohort: cohort(input.cohort, maxCohort, (m) => fail('cohort', m)),
    dateOfBirth: dateOfBirth(input.dateOfBirth, today, (m) => fail('dateOfBirth', m)),
    workedForEmployerBefore: optionalBoolean(input.workedForEmployerBefore, (m) =>
      fail('workedForEmployerBefore', m),
    ),
    monthsWithEmployerBefore: months(input.monthsWithEmployerBefore, (m) =>
      fail('monthsWithEmployerBefore', m),
    ),
  };
  if (row.workedForEmployerBefore === false && typeof row.monthsWithEmployerBefore === 'number') {
    fail('monthsWithEmployerBefore', 'can only be given when workedForEmployerBefore is true');
  }
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
  const id = identifier(value, 50, fail);
  if (id !== undefined && !STUDENT_NUMBER.test(id))
    return fail('may contain only letters, digits, dots, dashes and underscores');
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
  if (normalised.length > 254 || !isEmail(normalised)) return fail('must be a valid email address');
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

function dateOfBirth(value: unknown, today: string, fail: Fail): string | null | undefined {
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
  if (value < EARLIEST_DATE_OF_BIRTH || value >= today)
    return fail(`must lie between ${EARLIEST_DATE_OF_BIRTH} and today`);
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
