import { Principal, ScopeSql, visibleThrough } from '@app/common';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { StudentVisibility, StudentVisibilitySource } from '../students/student-visibility';
import { AGREEMENT_SCOPE } from './agreement-scope';

/**
 * The agreements' part of who sees a student: a company or foundation sees the students it is
 * party to an agreement with, i.e. those with an agreement it can see (AGREEMENT_SCOPE).
 */
@Injectable()
export class AgreementStudentVisibility implements StudentVisibilitySource, OnModuleInit {
  readonly source = 'agreements';

  constructor(private readonly visibility: StudentVisibility) {}

  onModuleInit(): void {
    this.visibility.register(this);
  }

  placedWith(alias: string, principal: Principal): ScopeSql {
    return visibleThrough(
      principal,
      { table: 'agreements', inner: 'rel_a', on: `rel_a.student_id = ${alias}.id` },
      AGREEMENT_SCOPE,
    );
  }
}
