import {
  evaluate,
  seededTieBreak,
  type EligibleEvaluation,
  type StudentInput,
  type VacancyInput,
} from '@app/matching-engine';
import {
  assertRole,
  findInScope,
  ListQueryDto,
  NotFoundError,
  Page,
  Principal,
  ValidationError,
} from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { Student } from '../students/entities/student.entity';
import { STUDENT_SCOPE } from '../students/students.service';
import { Vacancy } from './entities/vacancy.entity';
import { loadStudentInputs, loadVacancyInputs } from './matching-inputs';
import { matchingConfig } from './matching.config';
import { VACANCY_SCOPE } from './matching-scope';

const DEFAULT_LIMIT = 50;
/** A fixed seed: shortlists rank ties the same way on every request. */
const SHORTLIST_SEED = 'shortlist';
const CURSOR = /^o([0-9]{1,7})$/;

export interface ShortlistItem<T> {
  rank: number;
  score: number;
  components: EligibleEvaluation['components'];
  item: T;
}

/**
 * Ranked shortlists with their score components. PostgreSQL narrows the candidates first
 * (programme, start window, a box of the travel distance, open seats), so the engine scores a
 * small set; the ranking is the engine's score, ties by a fixed seeded hash then id.
 */
@Injectable()
export class ShortlistsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(matchingConfig.KEY) private readonly config: ConfigType<typeof matchingConfig>,
  ) {}

  /** Students of the caller's university (all for admins) for a vacancy. */
  async candidates(principal: Principal, vacancyId: string, query: ListQueryDto) {
    assertRole(principal, ['admin', 'coordinator'], 'list candidates');
    const manager = this.dataSource.manager;
    const vacancy = await findInScope(manager, Vacancy, vacancyId, principal, VACANCY_SCOPE, {
      resource: 'Vacancy',
    });
    const [input] = await loadVacancyInputs(manager, { vacancyIds: [vacancy.id] });
    if (!input) return { ...this.page([], query), vacancyId, weights: this.config.weights };
    const students = await loadStudentInputs(manager, {
      universityId: principal.role === 'coordinator' ? principal.universityId! : undefined,
      programmeIds: input.programmeIds,
      startBetween: input.startWindow,
      reachableFrom: input.location ?? undefined,
    });
    const ranked = this.rank(
      students.map((s) => ({ key: s.id, evaluation: evaluate(s, input, this.config.weights) })),
    );
    const page = this.page(ranked, query);
    const names = await this.studentNames(page.data.map((r) => r.key));
    return {
      vacancyId,
      weights: this.config.weights,
      data: page.data.map((r) => ({
        rank: r.rank,
        student: names.get(r.key),
        score: r.score,
        components: r.components,
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** Open vacancies for a student (the student, their coordinator or an admin asks). */
  async suggestions(principal: Principal, studentId: string, query: ListQueryDto) {
    const manager = this.dataSource.manager;
    const student = await findInScope(manager, Student, studentId, principal, STUDENT_SCOPE, {
      resource: 'Student',
    });
    const [input] = await loadStudentInputs(manager, { studentIds: [student.id] });
    if (!input) throw new NotFoundError('Seeking', studentId);
    const vacancies = await loadVacancyInputs(manager, {
      acceptingProgrammeIds: [input.programmeId],
      windowContains: input.startDate,
      near: input.location ? { ...input.location, km: input.maxTravelKm } : undefined,
    });
    const ranked = this.rank(
      vacancies.map((v) => ({ key: v.id, evaluation: evaluate(input, v, this.config.weights) })),
    );
    const page = this.page(ranked, query);
    const rows: Vacancy[] = page.data.length
      ? await manager.findByIds(
          Vacancy,
          page.data.map((r) => r.key),
        )
      : [];
    const byId = new Map(rows.map((v) => [v.id, v]));
    return {
      studentId,
      weights: this.config.weights,
      data: page.data.map((r) => {
        const v = byId.get(r.key)!;
        return {
          rank: r.rank,
          vacancy: {
            id: v.id,
            title: v.title,
            companyId: v.companyId,
            foundationId: v.foundationId,
            postcode: v.postcode,
            openSeats: v.capacity - v.seatsTaken,
          },
          score: r.score,
          components: r.components,
        };
      }),
      nextCursor: page.nextCursor,
    };
  }

  private rank(scored: { key: string; evaluation: ReturnType<typeof evaluate> }[]) {
    const eligible = scored.filter(
      (s): s is { key: string; evaluation: EligibleEvaluation } => s.evaluation.eligible,
    );
    const tie = new Map(eligible.map((s) => [s.key, seededTieBreak(SHORTLIST_SEED, s.key)]));
    eligible.sort(
      (a, b) =>
        b.evaluation.score - a.evaluation.score ||
        tie.get(a.key)! - tie.get(b.key)! ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    return eligible.map((s, i) => ({
      key: s.key,
      rank: i + 1,
      score: s.evaluation.score,
      components: s.evaluation.components,
    }));
  }

  /** Offset pages over the ranking (a score order has no stable key to continue from). */
  private page<T>(ranked: T[], query: ListQueryDto): Page<T> {
    let offset = 0;
    if (query.cursor) {
      const m = CURSOR.exec(query.cursor);
      if (!m)
        throw new ValidationError(
          [{ field: 'cursor', message: 'is not a cursor from this list' }],
          400,
        );
      offset = Number(m[1]);
    }
    const limit = query.limit ?? DEFAULT_LIMIT;
    const data = ranked.slice(offset, offset + limit);
    return { data, nextCursor: offset + limit < ranked.length ? `o${offset + limit}` : null };
  }

  private async studentNames(ids: string[]) {
    const rows: {
      id: string;
      first_name: string;
      last_name: string;
      programme_id: string;
      cohort: number;
    }[] = ids.length
      ? await this.dataSource.query(
          'SELECT id, first_name, last_name, programme_id, cohort FROM students WHERE id = ANY($1)',
          [ids],
        )
      : [];
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

export type { StudentInput, VacancyInput };
