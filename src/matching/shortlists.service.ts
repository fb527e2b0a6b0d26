import {
  evaluate,
  orderShortlist,
  type ExcludedStated,
  type ExclusionReason,
  type ShortlistCandidate,
  type ShortlistEntry,
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
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { StudentReads } from '../students/student-reads';
import { Vacancy } from './entities/vacancy.entity';
import { MatchingInputs } from './matching-inputs';
import { matchingConfig } from './matching.config';
import { VACANCY_SCOPE } from './matching-scope';

const DEFAULT_LIMIT = 50;
/** A fixed seed: shortlists rank ties the same way on every request. */
const SHORTLIST_SEED = 'shortlist';
const CURSOR = /^o([0-9]{1,7})$/;

/** Why a stated candidate is not on a shortlist: a hard constraint, or it is not available. */
export type ShortlistExclusion =
  | ExclusionReason
  /** The vacancy is closed or has no open seat (so a run does not consider it). */
  | 'not_open'
  /** The student has not stated what they seek, or is placed already. */
  | 'not_seeking';

/**
 * Ranked shortlists with their score components, in the order a run uses: first what the
 * asking side stated (a student's preferences, the company's ranking), in that order, then by
 * score, ties by a fixed seeded hash then id. PostgreSQL narrows the candidates first
 * (programme, start window, a box of the travel distance, open seats), so the engine scores a
 * small set; stated candidates are loaded by id, and those that fail a hard constraint (or are
 * not available) are listed apart with the reasons, since a run leaves them out too.
 */
@Injectable()
export class ShortlistsService {
  constructor(
    @InjectRepository(Vacancy) private readonly vacancies: Repository<Vacancy>,
    private readonly inputs: MatchingInputs,
    private readonly students: StudentReads,
    @Inject(matchingConfig.KEY) private readonly config: ConfigType<typeof matchingConfig>,
  ) {}

  /** Students of the caller's university (all for admins) for a vacancy. */
  async candidates(principal: Principal, vacancyId: string, query: ListQueryDto) {
    assertRole(principal, ['admin', 'coordinator'], 'list candidates');
    const manager = this.vacancies.manager;
    const vacancy = await findInScope(manager, Vacancy, vacancyId, principal, VACANCY_SCOPE, {
      resource: 'Vacancy',
    });
    const [input] = await this.inputs.vacancyInputs(manager, { vacancyIds: [vacancy.id] });
    if (!input)
      return { ...this.page([], query), vacancyId, weights: this.config.weights, excluded: [] };
    const universityId = principal.role === 'coordinator' ? principal.universityId! : undefined;
    const near = await this.inputs.studentInputs(manager, {
      universityId,
      programmeIds: input.programmeIds,
      startBetween: input.startWindow,
      reachableFrom: input.location ?? undefined,
    });
    // The company's ranking spans universities: only the caller's students are named here.
    const loaded = new Set(near.map((s) => s.id));
    const missing = input.candidateRanking.filter((id) => !loaded.has(id));
    const ranked = missing.length
      ? await this.inputs.studentInputs(manager, { studentIds: missing, universityId })
      : [];
    const companyRank = rankOf(input.candidateRanking);
    const { ranked: order, excluded } = orderShortlist(
      [...near, ...ranked].map((s): ShortlistCandidate => ({
        id: s.id,
        statedRank: companyRank.get(s.id) ?? null,
        evaluation: evaluate(s, input, this.config.weights),
      })),
      SHORTLIST_SEED,
    );
    const unavailable = await this.visibleStudents(
      missing.filter((id) => !ranked.some((s) => s.id === id)),
      universityId,
    );
    const page = this.page(order, query);
    const names = await this.studentNames([
      ...page.data.map((r) => r.id),
      ...excluded.map((e) => e.id),
      ...unavailable,
    ]);
    return {
      vacancyId,
      weights: this.config.weights,
      data: page.data.map((r) => ({
        rank: r.rank,
        companyRank: r.statedRank,
        student: names.get(r.id),
        score: r.score,
        components: r.components,
      })),
      nextCursor: page.nextCursor,
      // Students the company ranked whom a run leaves out, and why.
      excluded: withUnavailable(excluded, unavailable, companyRank, 'not_seeking').map((e) => ({
        companyRank: e.statedRank,
        student: names.get(e.id),
        reasons: e.reasons,
      })),
    };
  }

  /** Open vacancies for a student (the student, their coordinator or an admin asks). */
  async suggestions(principal: Principal, studentId: string, query: ListQueryDto) {
    const manager = this.vacancies.manager;
    const student = await this.students.getVisible(manager, principal, studentId);
    const [input] = await this.inputs.studentInputs(manager, { studentIds: [student.id] });
    if (!input) throw new NotFoundError('Seeking', studentId);
    const near = await this.inputs.vacancyInputs(manager, {
      acceptingProgrammeIds: [input.programmeId],
      windowContains: input.startDate,
      near: input.location ? { ...input.location, km: input.maxTravelKm } : undefined,
    });
    const loaded = new Set(near.map((v) => v.id));
    const missing = input.preferences.filter((id) => !loaded.has(id));
    const stated = missing.length
      ? await this.inputs.vacancyInputs(manager, { vacancyIds: missing })
      : [];
    const statedRank = rankOf(input.preferences);
    const { ranked, excluded } = orderShortlist(
      [...near, ...stated].map((v): ShortlistCandidate => ({
        id: v.id,
        statedRank: statedRank.get(v.id) ?? null,
        evaluation: evaluate(input, v, this.config.weights),
      })),
      SHORTLIST_SEED,
    );
    // Stated but not loaded as open with a seat: closed, filled or withdrawn.
    const unavailable = missing.filter((id) => !stated.some((v) => v.id === id));
    const page = this.page(ranked, query);
    return {
      studentId,
      weights: this.config.weights,
      data: await this.vacancyViews(page.data, (r, vacancy) => ({
        rank: r.rank,
        statedRank: r.statedRank,
        vacancy,
        score: r.score,
        components: r.components,
      })),
      nextCursor: page.nextCursor,
      // Vacancies the student stated that a run leaves out, and why.
      excluded: withUnavailable(excluded, unavailable, statedRank, 'not_open').map((e) => ({
        statedRank: e.statedRank,
        vacancyId: e.id,
        reasons: e.reasons,
      })),
    };
  }

  private async vacancyViews<T>(
    entries: ShortlistEntry[],
    view: (entry: ShortlistEntry, vacancy: VacancySummary) => T,
  ): Promise<T[]> {
    const rows: Vacancy[] = entries.length
      ? await this.vacancies.findBy({ id: In(entries.map((r) => r.id)) })
      : [];
    const byId = new Map(rows.map((v) => [v.id, v]));
    return entries.map((r) => {
      const v = byId.get(r.id)!;
      return view(r, {
        id: v.id,
        title: v.title,
        companyId: v.companyId,
        foundationId: v.foundationId,
        postcode: v.postcode,
        openSeats: v.capacity - v.seatsTaken,
      });
    });
  }

  /** Which of these students the caller may see (of its university, when it has one). */
  private async visibleStudents(ids: string[], universityId?: string): Promise<string[]> {
    if (!ids.length) return [];
    const found = await this.students.find(this.vacancies.manager, { ids, universityId });
    const visible = new Set(found.ids);
    return ids.filter((id) => visible.has(id));
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

  /** What a shortlist shows of each student (never their number or date of birth). */
  private async studentNames(ids: string[]) {
    const students = await this.students.studentsByIds(this.vacancies.manager, ids);
    return new Map(
      [...students.values()].map(({ id, firstName, lastName, programmeId, cohort }) => [
        id,
        { id, firstName, lastName, programmeId, cohort },
      ]),
    );
  }
}

/** 1-based positions of ids in a stated order. */
function rankOf(ids: readonly string[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const id of ids) if (!ranks.has(id)) ranks.set(id, ranks.size + 1);
  return ranks;
}

/** The engine's exclusions plus stated candidates that could not be loaded, in stated order. */
function withUnavailable(
  excluded: ExcludedStated[],
  unavailable: string[],
  ranks: Map<string, number>,
  reason: ShortlistExclusion,
): Array<{ id: string; statedRank: number; reasons: ShortlistExclusion[] }> {
  return [
    ...excluded,
    ...unavailable.map((id) => ({ id, statedRank: ranks.get(id)!, reasons: [reason] })),
  ].sort((a, b) => a.statedRank - b.statedRank);
}

interface VacancySummary {
  id: string;
  title: string;
  companyId: string | null;
  foundationId: string | null;
  postcode: string;
  openSeats: number;
}

export type { StudentInput, VacancyInput };
