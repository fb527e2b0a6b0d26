import {
  applyScope,
  assertRole,
  AuditService,
  ConflictError,
  DomainEvents,
  findInScope,
  ForbiddenError,
  isUniqueViolation,
  newId,
  paginate,
  Principal,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { StudentReads } from '../students/student-reads';
import { CreateMatchDto, ListMatchesQueryDto, MatchTransitionDto } from './dto/match.dto';
import { Match } from './entities/match.entity';
import { Vacancy } from './entities/vacancy.entity';
import { lockForAcceptance, withdrawCompetingMatches } from './competing-matches';
import { assertPlacementChoices, decideMatch, MatchActor, NEEDS_REASON } from './match-lifecycle';
import { MATCH_SCOPE } from './matching-scope';
import { MatchScorer } from './match-scorer';
import { MatchAccepted, MATCHING_EVENTS } from './matching-domain-events';
import { Placement, PlacementOnAcceptance } from './placement-on-acceptance';

/** Matches: proposals (by hand or by a run) moving through the lifecycle, audited with reasons. */
@Injectable()
export class MatchesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Match) private readonly matches: Repository<Match>,
    private readonly students: StudentReads,
    private readonly audit: AuditService,
    private readonly placement: PlacementOnAcceptance,
    private readonly scorer: MatchScorer,
    private readonly domainEvents: DomainEvents,
  ) {}

  /** A coordinator proposes a student for a vacancy; the score and its components come with it. */
  create(principal: Principal, dto: CreateMatchDto): Promise<Match> {
    assertRole(principal, ['admin', 'coordinator'], 'propose matches');
    return this.dataSource.transaction(async (manager) => {
      const student = await this.students
        .getVisible(manager, principal, dto.studentId)
        .catch(() => {
          throw new ValidationError([{ field: 'studentId', message: 'does not exist' }]);
        });
      const vacancy = await manager.findOneBy(Vacancy, { id: dto.vacancyId });
      if (!vacancy) throw new ValidationError([{ field: 'vacancyId', message: 'does not exist' }]);
      const evaluation = await this.scorer.evaluate(manager, student.id, vacancy.id);
      if (!evaluation.eligible) {
        throw new ValidationError([
          {
            field: 'vacancyId',
            message: `the student does not fit this vacancy: ${evaluation.reasons.join(', ')}`,
          },
        ]);
      }
      const match = manager.create(Match, {
        id: newId(),
        runId: null,
        studentId: student.id,
        vacancyId: vacancy.id,
        universityId: student.universityId,
        companyId: vacancy.companyId ?? vacancy.hostCompanyId,
        foundationId: vacancy.foundationId,
        status: 'proposed',
        score: evaluation.score,
        components: evaluation.components,
        weights: evaluation.weights,
        lastReason: null,
        employmentId: null,
        agreementId: null,
      });
      try {
        await manager.save(match);
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ConflictError(
            'This student already has an open match for this vacancy.',
            'duplicate-match',
          );
        throw error;
      }
      await this.audit.record(manager, principal, {
        resourceType: 'match',
        resourceId: match.id,
        action: 'proposed',
        universityId: student.universityId,
        data: { ...dto },
      });
      return match;
    });
  }

  list(principal: Principal, query: ListMatchesQueryDto) {
    const qb = applyScope(this.matches.createQueryBuilder('m'), principal, MATCH_SCOPE);
    if (query.runId) qb.andWhere('m.run_id = :runId', { runId: query.runId });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.studentId) qb.andWhere('m.student_id = :studentId', { studentId: query.studentId });
    if (query.vacancyId) qb.andWhere('m.vacancy_id = :vacancyId', { vacancyId: query.vacancyId });
    return paginate(qb, query);
  }

  get(
    principal: Principal,
    id: string,
    manager: EntityManager = this.matches.manager,
    lock?: 'pessimistic_write',
  ) {
    return findInScope(manager, Match, id, principal, MATCH_SCOPE, { resource: 'Match', lock });
  }

  /**
   * One step of the lifecycle by the caller's side of the match (409 naming the state when the
   * table refuses, 403 when it is not this side's step). Accepting places the student and
   * withdraws the matches the placement closes (the student's others; the vacancy's others when
   * it is now filled), all in the same transaction.
   */
  transition(principal: Principal, id: string, dto: MatchTransitionDto) {
    return this.dataSource.transaction(async (manager) => {
      if (dto.to === 'accepted')
        await lockForAcceptance(manager, await this.get(principal, id, manager));
      const match = await this.get(principal, id, manager, 'pessimistic_write');
      const actor = actorOf(principal, match);
      decideMatch(match.status, dto.to, actor);
      assertPlacementChoices(dto.to, actor, dto);
      if (NEEDS_REASON.includes(dto.to) && !dto.reason) {
        throw new ValidationError([
          { field: 'reason', message: `is required to mark a match ${dto.to}` },
        ]);
      }
      const from = match.status;
      const placement =
        dto.to === 'accepted'
          ? await this.placement.place(manager, principal, match, {
              hostCompanyId: dto.hostCompanyId,
              supervisorId: dto.supervisorId,
              contractType: dto.contractType,
              contractMonths: dto.contractMonths,
            })
          : null;
      match.status = dto.to;
      match.lastReason = dto.reason ?? null;
      if (placement) {
        match.employmentId = placement.employmentId;
        match.agreementId = placement.agreementId;
        // A foundation match is visible to the company the student is seconded to.
        if (match.foundationId) match.companyId = placement.hostCompanyId;
      }
      await manager.save(match);
      await this.audit.record(manager, principal, {
        resourceType: 'match',
        resourceId: match.id,
        action: `transition:${dto.to}`,
        universityId: match.universityId,
        data: { from, to: dto.to, reason: dto.reason ?? null, actor, ...(placement ?? {}) },
      });
      const withdrawn = placement
        ? await withdrawCompetingMatches(
            manager,
            this.audit,
            principal,
            match,
            placement.vacancyFilled,
          )
        : [];
      if (placement)
        await this.domainEvents.publish<MatchAccepted>(manager, accepted(match, placement));
      return { ...match, placement, ...(placement ? { withdrawn } : {}) };
    });
  }
}

function accepted(match: Match, placement: Placement): MatchAccepted {
  return {
    type: MATCHING_EVENTS.matchAccepted,
    matchId: match.id,
    universityId: match.universityId,
    studentId: match.studentId,
    vacancyId: match.vacancyId,
    // A foundation match's companyId is its host (for visibility), not its employer.
    companyId: match.foundationId ? null : match.companyId,
    foundationId: match.foundationId,
    hostCompanyId: placement.hostCompanyId,
    employmentId: placement.employmentId,
    agreementId: placement.agreementId,
    secondmentId: placement.secondmentId,
  };
}

/** Which side of the match the caller is on; a caller on no side may not move it. */
function actorOf(principal: Principal, match: Match): MatchActor {
  switch (principal.role) {
    case 'admin':
    case 'coordinator':
      return 'coordinator';
    case 'company_rep':
    case 'foundation_staff':
      return 'company';
    case 'student':
      return 'student';
    default:
      throw new ForbiddenError(
        `Your role (${principal.role}) does not act on matches (match ${match.id}).`,
      );
  }
}
