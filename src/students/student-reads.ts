import { Principal, scopeCondition } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Student } from './entities/student.entity';
import { STUDENT_SCOPE } from './student-scope';

/**
 * What other modules (placements, identity) read of students: whether the caller can see one,
 * a student's university, names for lists. Each takes the caller's EntityManager, so it runs in
 * the caller's transaction, and list reads answer for many ids at once.
 */
@Injectable()
export class StudentReads {
  /** Whether the student exists and the caller may see them (STUDENT_SCOPE). */
  async visible(manager: EntityManager, principal: Principal, studentId: string): Promise<boolean> {
    const scope = scopeCondition('s', principal, STUDENT_SCOPE);
    const row = await manager
      .createQueryBuilder()
      .select('s.id')
      .from('students', 's')
      .where('s.id = :studentId', { studentId })
      .andWhere(`(${scope.sql})`, scope.params)
      .getRawOne();
    return !!row;
  }

  /** The student's university; null when there is no such student. */
  async universityOf(manager: EntityManager, studentId: string): Promise<string | null> {
    const student = await manager.findOne(Student, {
      select: { id: true, universityId: true },
      where: { id: studentId },
    });
    return student?.universityId ?? null;
  }

  /** "First Last" of each student with these ids (unknown ids are left out). */
  async names(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const students = await manager.find(Student, {
      select: { id: true, firstName: true, lastName: true },
      where: { id: In([...new Set(ids)]) },
    });
    return new Map(students.map((s) => [s.id, `${s.firstName} ${s.lastName}`]));
  }
}
