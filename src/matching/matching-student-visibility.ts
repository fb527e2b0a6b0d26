import { Principal, ScopeSql, visibleThrough } from '@app/common';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { StudentVisibility, StudentVisibilitySource } from '../students/student-visibility';
import { MATCH_SCOPE } from './matching-scope';

/** A match the company or foundation has been introduced to (a bare proposal shows it nothing). */
const INTRODUCED = `('introduced', 'interviewing', 'offered', 'accepted')`;

/**
 * The matches' part of who sees a student: a company or foundation sees the students it has been
 * introduced to, i.e. those with a match in an introduced state that it can see (MATCH_SCOPE).
 */
@Injectable()
export class MatchingStudentVisibility implements StudentVisibilitySource, OnModuleInit {
  readonly source = 'matches';

  constructor(private readonly visibility: StudentVisibility) {}

  onModuleInit(): void {
    this.visibility.register(this);
  }

  placedWith(alias: string, principal: Principal): ScopeSql {
    return visibleThrough(
      principal,
      {
        table: 'matches',
        inner: 'rel_m',
        on: `rel_m.student_id = ${alias}.id AND rel_m.status IN ${INTRODUCED}`,
      },
      MATCH_SCOPE,
    );
  }
}
