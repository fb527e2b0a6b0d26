/**
 * Pure rules of the student import: how a batch is validated (rows one by one, externalIds
 * across the batch) and how it compares with the students already stored. No database, no Nest:
 * the runner loads what these functions need, calls them, and writes what they decide.
 */
import type { ImportRowError } from './entities/student-import.entity';
import {
  BSN_KEY,
  checkRow,
  IMPORTED_FIELDS,
  MAX_COHORT_AHEAD,
  StudentImportRow,
} from './student-import-fields';

export {
  BSN_KEY,
  EARLIEST_DATE_OF_BIRTH,
  IMPORT_MAX_ROWS,
  IMPORTED_FIELDS,
  MAX_COHORT_AHEAD,
  MIN_COHORT,
} from './student-import-fields';
export type { StudentImportRow } from './student-import-fields';

/** A stored student of the university, as the processor loads it (dateOfBirth as YYYY-MM-DD). */
export interface ExistingStudent extends Omit<StudentImportRow, 'externalId'> {
  id: string;
  externalId: string | null;
}

export interface IndexedRow {
  index: number;
  row: StudentImportRow;
}

export interface ValidatedBatch {
  valid: IndexedRow[];
  errors: ImportRowError[];
  /** Indexes of rows rejected so far (a row may carry several errors). */
  rejected: Set<number>;
}

export interface ImportPlan {
  inserts: StudentImportRow[];
  updates: { id: string; row: StudentImportRow }[];
  unchanged: number;
  rejected: number;
  /** Every reason a row was skipped, ordered by row index. */
  errors: ImportRowError[];
}

export interface ValidateOptions {
  /** The clock's today, YYYY-MM-DD (dates of birth may not lie after it). */
  today: string;
}

/** A copy of the row without BSN keys; the row itself when it has none (the usual case). */
export function stripBsn<T>(row: T): T {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return row;
  const keys = Object.keys(row);
  if (!keys.some((k) => BSN_KEY.test(k))) return row;
  const copy: Record<string, unknown> = {};
  for (const key of keys) if (!BSN_KEY.test(key)) copy[key] = (row as Record<string, unknown>)[key];
  return copy as T;
}

export function todayIso(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Checks every row on its own and the externalIds across the batch. A duplicate externalId
 * rejects every later row that carries it (the first occurrence keeps it, even if that row is
 * rejected for another reason: which of two conflicting rows is right is not ours to guess).
 */
export function validateRows(rows: readonly unknown[], options: ValidateOptions): ValidatedBatch {
  const valid: IndexedRow[] = [];
  const errors: ImportRowError[] = [];
  const rejected = new Set<number>();
  const firstIndexByExternalId = new Map<string, number>();
  const maxCohort = Number(options.today.slice(0, 4)) + MAX_COHORT_AHEAD;

  for (let index = 0; index < rows.length; index++) {
    const rowErrors: ImportRowError[] = [];
    const row = checkRow(rows[index], index, rowErrors, options.today, maxCohort);
    const externalId = row?.externalId;
    if (typeof externalId === 'string') {
      const first = firstIndexByExternalId.get(externalId);
      if (first === undefined) firstIndexByExternalId.set(externalId, index);
      else
        rowErrors.push({
          index,
          field: 'externalId',
          message: `duplicates the externalId of row ${first} in this batch`,
        });
    }
    if (rowErrors.length > 0) {
      rejected.add(index);
      errors.push(...rowErrors);
    } else {
      valid.push({ index, row: row as StudentImportRow });
    }
  }
  return { valid, errors, rejected };
}

/**
 * Compares the valid rows with the stored students (those whose externalId or studentNumber
 * the batch names) and decides per row: insert, update, unchanged or reject.
 * - programmeId must be a programme of the importing university;
 * - a studentNumber held by another stored student (another externalId, or none) is refused,
 *   even when that student gives it up in the same batch: swaps take two imports;
 * - a studentNumber claimed by an earlier accepted row of the batch is refused.
 */
export function planImport(
  batch: ValidatedBatch,
  context: { programmeIds: ReadonlySet<string>; existing: readonly ExistingStudent[] },
): ImportPlan {
  const byExternalId = new Map<string, ExistingStudent>();
  const byStudentNumber = new Map<string, ExistingStudent>();
  for (const student of context.existing) {
    if (student.externalId !== null) byExternalId.set(student.externalId, student);
    byStudentNumber.set(student.studentNumber, student);
  }
  const plan: ImportPlan = {
    inserts: [],
    updates: [],
    unchanged: 0,
    rejected: batch.rejected.size,
    errors: [],
  };
  const lateErrors: ImportRowError[] = [];
  const claimedNumbers = new Map<string, number>();

  for (const { index, row } of batch.valid) {
    const reason = rejectReason(row, index, context.programmeIds, byStudentNumber, claimedNumbers);
    if (reason) {
      lateErrors.push(reason);
      plan.rejected += 1;
      continue;
    }
    claimedNumbers.set(row.studentNumber, index);
    const current = byExternalId.get(row.externalId);
    if (!current) plan.inserts.push(row);
    else if (sameStudent(current, row)) plan.unchanged += 1;
    else plan.updates.push({ id: current.id, row });
  }
  plan.errors = mergeByIndex(batch.errors, lateErrors);
  return plan;
}

/** True when every imported field of the stored student equals the row's. */
export function sameStudent(
  current: Omit<ExistingStudent, 'id' | 'externalId'>,
  row: StudentImportRow,
): boolean {
  for (const field of IMPORTED_FIELDS) {
    if (current[field] !== row[field]) return false;
  }
  return true;
}

function rejectReason(
  row: StudentImportRow,
  index: number,
  programmeIds: ReadonlySet<string>,
  byStudentNumber: ReadonlyMap<string, ExistingStudent>,
  claimedNumbers: ReadonlyMap<string, number>,
): ImportRowError | null {
  if (!programmeIds.has(row.programmeId)) {
    return { index, field: 'programmeId', message: 'is not a programme of this university' };
  }
  const holder = byStudentNumber.get(row.studentNumber);
  if (holder && holder.externalId !== row.externalId) {
    return {
      index,
      field: 'studentNumber',
      message: `student number ${row.studentNumber} is already used by another student of this university`,
    };
  }
  const claimedBy = claimedNumbers.get(row.studentNumber);
  if (claimedBy !== undefined) {
    return {
      index,
      field: 'studentNumber',
      message: `student number ${row.studentNumber} is also used by row ${claimedBy} in this batch`,
    };
  }
  return null;
}

/** Both lists are ordered by index; the result is too (stable: a row's errors stay together). */
function mergeByIndex(a: ImportRowError[], b: ImportRowError[]): ImportRowError[] {
  if (b.length === 0) return a;
  const result: ImportRowError[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].index <= b[j].index)) result.push(a[i++]);
    else result.push(b[j++]);
  }
  return result;
}
