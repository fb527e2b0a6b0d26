/**
 * The bulk SQL of the student import. Each statement carries whole columns as PostgreSQL arrays
 * and unnests them, so a chunk of rows is one round trip with a fixed number of parameters
 * (no 65,535-parameter ceiling, no per-row statements, one query plan).
 */
import type { EntityManager } from 'typeorm';
import type { ExistingStudent, StudentImportRow } from './student-import-rows';

/** Rows per INSERT / UPDATE statement. */
export const WRITE_CHUNK = 2_000;

/** Advisory-lock namespace (first key of the two-key form) for "imports of one university". */
const IMPORT_LOCK_NAMESPACE = 731_001;

/** Serialises imports of one university until the end of the transaction. */
export async function lockUniversityImports(
  manager: EntityManager,
  universityId: string,
): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
    IMPORT_LOCK_NAMESPACE,
    universityId,
  ]);
}

/** The programme ids among `ids` that belong to the university. */
export async function programmesOfUniversity(
  manager: EntityManager,
  universityId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows: { id: string }[] = await manager.query(
    'SELECT id FROM programmes WHERE university_id = $1 AND id = ANY($2::uuid[])',
    [universityId, ids],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * One query for every stored student the batch touches: those it names by externalId (to
 * update or leave) and those holding one of its student numbers (to refuse a clash).
 */
export async function studentsTouchedByBatch(
  manager: EntityManager,
  universityId: string,
  externalIds: string[],
  studentNumbers: string[],
): Promise<ExistingStudent[]> {
  if (externalIds.length === 0 && studentNumbers.length === 0) return [];
  return manager.query(
    `SELECT id, external_id AS "externalId", programme_id AS "programmeId", student_number AS "studentNumber",
            first_name AS "firstName", last_name AS "lastName", email, intake_group AS "intakeGroup",
            prior_education AS "priorEducation", cohort, to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
            worked_for_employer_before AS "workedForEmployerBefore",
            months_with_employer_before AS "monthsWithEmployerBefore"
       FROM students
      WHERE university_id = $1 AND (external_id = ANY($2::text[]) OR student_number = ANY($3::text[]))`,
    [universityId, externalIds, studentNumbers],
  );
}

/** The imported fields as parallel arrays, in the order of UNNEST below ($4 to $15). */
function columns(rows: { id: string; row: StudentImportRow }[]): unknown[][] {
  const r = rows.map((x) => x.row);
  return [
    rows.map((x) => x.id),
    r.map((x) => x.programmeId),
    r.map((x) => x.studentNumber),
    r.map((x) => x.externalId),
    r.map((x) => x.firstName),
    r.map((x) => x.lastName),
    r.map((x) => x.email),
    r.map((x) => x.intakeGroup),
    r.map((x) => x.priorEducation),
    r.map((x) => x.cohort),
    r.map((x) => x.dateOfBirth),
    r.map((x) => x.workedForEmployerBefore),
    r.map((x) => x.monthsWithEmployerBefore),
  ];
}

/** $1 is the university, $2 the time; the columns follow from $3. */
const UNNEST = `unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                       $10::text[], $11::text[], $12::int[], $13::date[], $14::boolean[], $15::int[])
  AS u(id, programme_id, student_number, external_id, first_name, last_name, email, intake_group,
       prior_education, cohort, date_of_birth, worked_for_employer_before, months_with_employer_before)`;

export async function insertStudents(
  manager: EntityManager,
  universityId: string,
  rows: { id: string; row: StudentImportRow }[],
  now: Date,
): Promise<void> {
  for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
    const chunk = rows.slice(start, start + WRITE_CHUNK);
    await manager.query(
      `INSERT INTO students (id, programme_id, student_number, external_id, first_name, last_name, email,
                             intake_group, prior_education, cohort, date_of_birth, worked_for_employer_before,
                             months_with_employer_before, university_id, version, created_at, updated_at)
       SELECT u.*, $1::uuid, 1, $2::timestamptz, $2::timestamptz FROM ${UNNEST}`,
      [universityId, now, ...columns(chunk)],
    );
  }
}

/** Overwrites the imported fields and bumps version and updated_at (optimistic concurrency). */
export async function updateStudents(
  manager: EntityManager,
  universityId: string,
  rows: { id: string; row: StudentImportRow }[],
  now: Date,
): Promise<void> {
  for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
    const chunk = rows.slice(start, start + WRITE_CHUNK);
    await manager.query(
      `UPDATE students AS s
          SET programme_id = u.programme_id, student_number = u.student_number, first_name = u.first_name,
              last_name = u.last_name, email = u.email, intake_group = u.intake_group,
              prior_education = u.prior_education, cohort = u.cohort, date_of_birth = u.date_of_birth,
              worked_for_employer_before = u.worked_for_employer_before,
              months_with_employer_before = u.months_with_employer_before,
              version = s.version + 1, updated_at = $2::timestamptz
         FROM ${UNNEST}
        WHERE s.id = u.id AND s.university_id = $1::uuid AND s.external_id = u.external_id`,
      [universityId, now, ...columns(chunk)],
    );
  }
}
