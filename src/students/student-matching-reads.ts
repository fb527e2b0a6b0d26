import { findInScope, Principal, scopeCondition } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Student } from './entities/student.entity';
import { STUDENT_SCOPE } from './student-scope';

/** Which students a matching read considers; each filter narrows in SQL, all of them combine. */
export interface StudentFilter {
  ids?: string[];
  universityId?: string;
  programmeIds?: string[];
  cohort?: number;
}

/** A student as matching needs it: who they are, where they study. */
export interface StudentRef {
  id: string;
  universityId: string;
  programmeId: string;
  cohort: number;
}

/** What a shortlist shows of a student. */
export interface StudentName {
  id: string;
  firstName: string;
  lastName: string;
  programmeId: string;
  cohort: number;
}

/**
 * The students module's reads for matching (shortlists, runs, matches, what students seek):
 * set-based, one query per call whatever the number of students, so a whole cohort (tens of
 * thousands) or a page of names costs the same one statement. Methods that may run inside the
 * caller's transaction take its EntityManager first.
 */
@Injectable()
export class StudentMatchingReads {
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

  /** A student the caller may read (404 `Student` otherwise), locked when the caller writes for it. */
  async getVisible(
    manager: EntityManager,
    principal: Principal,
    id: string,
    lock?: 'pessimistic_write',
  ): Promise<StudentRef> {
    const s = await findInScope(manager, Student, id, principal, STUDENT_SCOPE, {
      resource: 'Student',
      lock,
    });
    return { id: s.id, universityId: s.universityId, programmeId: s.programmeId, cohort: s.cohort };
  }

  /** Which of these students the caller may read, in one query. */
  async visibleIds(manager: EntityManager, principal: Principal, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const scope = scopeCondition('s', principal, STUDENT_SCOPE);
    const rows: { id: string }[] = await manager
      .createQueryBuilder()
      .select('s.id', 'id')
      .from('students', 's')
      .where('s.id = ANY(:ids)', { ids })
      .andWhere(`(${scope.sql})`, scope.params)
      .getRawMany();
    return rows.map((r) => r.id);
  }

  /** Names and programmes of these students, by id. */
  async names(manager: EntityManager, ids: string[]): Promise<Map<string, StudentName>> {
    if (ids.length === 0) return new Map();
    const rows: {
      id: string;
      first_name: string;
      last_name: string;
      programme_id: string;
      cohort: number;
    }[] = await manager.query(
      'SELECT id, first_name, last_name, programme_id, cohort FROM students WHERE id = ANY($1)',
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          firstName: r.first_name,
          lastName: r.last_name,
          programmeId: r.programme_id,
          cohort: r.cohort,
        },
      ]),
    );
  }
}
