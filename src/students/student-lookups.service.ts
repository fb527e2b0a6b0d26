import { isUuid, Principal, scopeCondition } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Student } from './entities/student.entity';
import { STUDENT_SCOPE } from './student-scope';

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

/**
 * The students module's read port for other modules. `studentsByIds` is an unscoped batch lookup
 * for callers that have already established the caller may see the record naming these ids;
 * `visibleStudent` applies the student scope itself. Both join the caller's transaction.
 */
@Injectable()
export class StudentLookups {
  async studentsByIds(manager: EntityManager, ids: string[]): Promise<Map<string, StudentRef>> {
    const wanted = [...new Set(ids.filter((id) => isUuid(id)))];
    if (wanted.length === 0) return new Map();
    const rows = await manager.find(Student, {
      select: {
        id: true,
        universityId: true,
        programmeId: true,
        firstName: true,
        lastName: true,
        studentNumber: true,
        cohort: true,
        dateOfBirth: true,
      },
      where: { id: In(wanted) },
    });
    return new Map(rows.map((s) => [s.id, s]));
  }

  /** The student if the caller may see them (STUDENT_SCOPE), else null: out of scope reads as missing. */
  async visibleStudent(
    manager: EntityManager,
    principal: Principal,
    studentId: string,
  ): Promise<Pick<StudentRef, 'id' | 'universityId'> | null> {
    if (!isUuid(studentId)) return null;
    const scope = scopeCondition('s', principal, STUDENT_SCOPE);
    const student = await manager
      .getRepository(Student)
      .createQueryBuilder('s')
      .select(['s.id AS id', 's.university_id AS "universityId"'])
      .where('s.id = :studentId', { studentId })
      .andWhere(`(${scope.sql})`, scope.params)
      .getRawOne<{ id: string; universityId: string }>();
    return student ?? null;
  }
}
