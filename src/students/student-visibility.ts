import { anyOf, Principal, ScopeRules, ScopeSql } from '@app/common';
import { Injectable } from '@nestjs/common';

/**
 * The records, owned by other modules, that place a student with a company or foundation: an
 * employment (or secondment through it), an agreement, and a match it has been introduced to.
 * The order is the order of the OR in the scope's SQL, fixed whatever order the owners register
 * in, so every process builds the same statement text.
 */
export const STUDENT_VISIBILITY_SOURCES = ['employments', 'agreements', 'matches'] as const;
export type StudentVisibilitySourceName = (typeof STUDENT_VISIBILITY_SOURCES)[number];

/**
 * What a module that owns one of those records tells the students module: for a company rep or
 * foundation staff member, an `EXISTS (...)` over its own table correlated to the student row
 * (`${alias}.id`), its rows narrowed by that module's own scope rule (visibleThrough from
 * @app/common), so a student is never shown through a record the principal could not see
 * itself. '1 = 0' when the principal sees none of its records (visibleThrough answers so).
 */
export interface StudentVisibilitySource {
  readonly source: StudentVisibilitySourceName;
  placedWith(alias: string, principal: Principal): ScopeSql;
}

/**
 * Who sees a student (STUDENT_SCOPE) without the students module reading other modules' tables:
 * admins all; coordinators and integrations their university's; a student themself; companies
 * and foundations, read-only, the students placed with them (see StudentVisibilitySource), and a
 * rep or staff member limited to one university only that university's. Writes stay with the
 * student's university (the services check the role and assertOwnScope).
 *
 * Placements, agreements and matching sit above the students module, so each registers its
 * source when its module starts. The rule for companies and foundations never runs on part of its
 * sources: a process that serves the students' routes (StudentsModule) refuses to start unless
 * every source is registered, and evaluating the rule while one is missing throws rather than
 * show fewer students. The other roles' rules are the students' own and need no source, so a
 * process without the owners (the worker) still reads students as admin, university or student.
 */
@Injectable()
export class StudentVisibility {
  private readonly sources = new Map<StudentVisibilitySourceName, StudentVisibilitySource>();

  /** STUDENT_SCOPE: pass it to scopeCondition, applyScope or findInScope like any scope rules. */
  readonly scope: ScopeRules = {
    admin: 'all',
    coordinator: { column: 'university_id', principalField: 'universityId' },
    integration: { column: 'university_id', principalField: 'universityId' },
    student: { column: 'id', principalField: 'studentId' },
    company_rep: (alias, principal) => this.placedWith(alias, principal),
    foundation_staff: (alias, principal) => this.placedWith(alias, principal),
    universityLimit: { column: 'university_id' },
  };

  register(source: StudentVisibilitySource): void {
    if (this.sources.has(source.source))
      throw new Error(`Student visibility: ${source.source} already has a source`);
    this.sources.set(source.source, source);
  }

  /** The sources nobody answers for yet (none once the API has started). */
  missingSources(): StudentVisibilitySourceName[] {
    return STUDENT_VISIBILITY_SOURCES.filter((name) => !this.sources.has(name));
  }

  assertComplete(): void {
    const missing = this.missingSources();
    if (missing.length)
      throw new Error(
        `Student visibility: no source for ${missing.join(', ')}; the module that owns them is not wired into this process`,
      );
  }

  /** Any record of any source that places the student with the principal's organisation. */
  private placedWith(alias: string, principal: Principal): ScopeSql {
    this.assertComplete();
    return anyOf(
      ...STUDENT_VISIBILITY_SOURCES.map((name) =>
        this.sources.get(name)!.placedWith(alias, principal),
      ),
    );
  }
}
