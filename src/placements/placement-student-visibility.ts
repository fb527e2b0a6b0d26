import { Principal, ScopeSql, visibleThrough } from '@app/common';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { StudentVisibility, StudentVisibilitySource } from '../students/student-visibility';
import { EMPLOYMENT_SCOPE } from './placements-scope';

/**
 * The placements' part of who sees a student: a company or foundation sees the students it
 * employs or hosts on secondment, i.e. those with an employment it can see (EMPLOYMENT_SCOPE).
 */
@Injectable()
export class PlacementStudentVisibility implements StudentVisibilitySource, OnModuleInit {
  readonly source = 'employments';

  constructor(private readonly visibility: StudentVisibility) {}

  onModuleInit(): void {
    this.visibility.register(this);
  }

  placedWith(alias: string, principal: Principal): ScopeSql {
    return visibleThrough(
      principal,
      { table: 'employments', inner: 'rel_e', on: `rel_e.student_id = ${alias}.id` },
      EMPLOYMENT_SCOPE,
    );
  }
}
