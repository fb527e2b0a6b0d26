import { findInScope, isUuid, Principal, scopeCondition } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Student } from './entities/student.entity';
import { StudentVisibility } from './student-visibility';

/** What other modules read of a student: identity, enrolment and what the wage rules need. */
export interface StudentRef {
  id: string;
  universityId: string;
  programmeId: string;
  firstName: string;
  lastName: string;
  studentNumber: string;
  cohort: number;
  /** YYYY-MM-DD, or null when unknown. */
  dateOfBirth: string | null;
}

/** Which students a set-based read considers; each filter narrows in SQL, all of them combine. */
export interface StudentFilter {
  ids?: string[];
  universityId?: string;
  programmeIds?: string[];
  cohort?: number;
}

const REF_COLUMNS: (keyof StudentRef)[] = [
  'id',
  'universityId',
  'programmeId',
  'firstName',
  'lastName',
  'studentNumber',
  'cohort',
  'dateOfBirth',
];

/** How a student is named in lists and documents. */
export function fullName(student: Pick<StudentRef, 'firstName' | 'lastName'>): string {
  return `${student.firstName} ${student.lastName}`;
}

/**
 * The students module's only read port: the one way other modules read the students' table.
 * `studentsByIds` and `find` are unscoped (the caller has established it may see the record
 * naming these students, or runs as the system); the visibility family (`isVisible`,
 * `getVisible`, `visibleIds`) applies the students' scope (StudentVisibility) itself, so a student out of scope reads as
 * missing. Every method takes the caller's EntityManager first (to read inside its transaction)
 * and answers for many students in one query.
 */
@Injectable()
export class StudentReads {
  constructor(private readonly visibility: StudentVisibility) {}

  /** The students with these ids (unknown ids and non-UUIDs are absent). */
  async studentsByIds(manager: EntityManager, ids: string[]): Promise<Map<string, StudentRef>> {
    const wanted = [...new Set(ids.filter((id) => isUuid(id)))];
    if (wanted.length === 0) return new Map();
    const rows = await manager
      .getRepository(Student)
      .createQueryBuilder('s')
      .select(REF_COLUMNS.map((c) => `s.${c}`))
      .where('s.id = ANY(:wanted)', { wanted })
      .getMany();
    return new Map(rows.map((s) => [s.id, toRef(s)]));
  }

  /**
   * The students matching the filter, as parallel arrays of ids and programme ids (a run's
   * cohort: 50,000 rows without an object per row, and ready for `unnest` on the caller's side).
   */
  async find(
    manager: EntityManager,
    filter: StudentFilter,
  ): Promise<{ ids: string[]; programmeIds: string[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('$?', `$${params.length}`));
    };
    if (filter.ids) add('id = ANY($?::uuid[])', filter.ids);
    if (filter.universityId) add('university_id = $?', filter.universityId);
    if (filter.programmeIds) add('programme_id = ANY($?::uuid[])', filter.programmeIds);
    if (filter.cohort !== undefined) add('cohort = $?', filter.cohort);
    const [row]: { ids: string[] | null; programme_ids: string[] | null }[] = await manager.query(
      `SELECT array_agg(id) AS ids, array_agg(programme_id) AS programme_ids
         FROM students ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    return { ids: row?.ids ?? [], programmeIds: row?.programme_ids ?? [] };
  }

  /** Whether the student exists and the caller may see them. */
  async isVisible(manager: EntityManager, principal: Principal, id: string): Promise<boolean> {
    return (await this.visibleIds(manager, principal, [id])).length > 0;
  }

  /** A student the caller may see (404 `Student` otherwise), locked when the caller writes for it. */
  async getVisible(
    manager: EntityManager,
    principal: Principal,
    id: string,
    lock?: 'pessimistic_write',
  ): Promise<StudentRef> {
    const student = await findInScope(manager, Student, id, principal, this.visibility.scope, {
      resource: 'Student',
      lock,
    });
    return toRef(student);
  }

  /** Which of these students (distinct) the caller may see, in one query. */
  async visibleIds(manager: EntityManager, principal: Principal, ids: string[]): Promise<string[]> {
    const wanted = [...new Set(ids.filter((id) => isUuid(id)))];
    if (wanted.length === 0) return [];
    const scope = scopeCondition('s', principal, this.visibility.scope);
    const rows: { id: string }[] = await manager
      .createQueryBuilder()
      .select('s.id', 'id')
      .from('students', 's')
      .where('s.id = ANY(:wanted)', { wanted })
      .andWhere(`(${scope.sql})`, scope.params)
      .getRawMany();
    return rows.map((r) => r.id);
  }
}

function toRef(s: Student): StudentRef {
  return {
    id: s.id,
    universityId: s.universityId,
    programmeId: s.programmeId,
    firstName: s.firstName,
    lastName: s.lastName,
    studentNumber: s.studentNumber,
    cohort: s.cohort,
    dateOfBirth: s.dateOfBirth,
  };
}
