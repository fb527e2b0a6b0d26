import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IntakeGroup, PriorEducation } from './entities/student.entity';

/**
 * Bulk writes of students (the student import's): each statement carries whole columns as
 * PostgreSQL arrays and unnests them, so a chunk of rows is one round trip with a fixed number
 * of parameters (no 65,535-parameter ceiling, no per-row statements, one query plan).
 */

/** The fields a bulk write sets (all but the university, which a batch shares). */
export interface StudentFields {
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

/** A stored student as a batch compares with it (dateOfBirth as YYYY-MM-DD). */
export interface StoredStudentFields extends Omit<StudentFields, 'externalId'> {
  id: string;
  externalId: string | null;
}

/** Rows per INSERT / UPDATE statement. */
export const WRITE_CHUNK = 2_000;

/** The imported fields as parallel arrays, in the order of UNNEST below ($4 to $15). */
function columns(rows: { id: string; row: StudentFields }[]): unknown[][] {
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

/**
 * The students' side of the student import: one read of the stored students a batch touches,
 * then its inserts and updates, set-based, in the caller's transaction.
 */
@Injectable()
export class StudentBulkUpsert {
  /**
   * One query for every stored student of the university the batch touches: those it names by
   * externalId (to update or leave) and those holding one of its student numbers (a clash).
   */
  async touchedByBatch(
    manager: EntityManager,
    universityId: string,
    externalIds: string[],
    studentNumbers: string[],
  ): Promise<StoredStudentFields[]> {
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

  /** Inserts new students of the university, WRITE_CHUNK rows per statement. */
  async insert(
    manager: EntityManager,
    universityId: string,
    rows: { id: string; row: StudentFields }[],
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
  async update(
    manager: EntityManager,
    universityId: string,
    rows: { id: string; row: StudentFields }[],
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
}
