import type { AgreementTerms } from '@app/agreement-pdf/agreement-document';
import { addDays, ConflictError, Principal, ValidationError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addYears } from '../agreements/agreement-terms';
import { AgreementsService } from '../agreements/agreements.service';
import { EmploymentsService } from '../placements/employments.service';
import { SecondmentsService } from '../placements/secondments.service';
import { Match } from './entities/match.entity';
import { StudentSeeking } from './entities/seeking.entity';
import { Vacancy } from './entities/vacancy.entity';

export interface Placement {
  employmentId: string;
  secondmentId: string | null;
  agreementId: string;
  agreementWarnings: unknown[];
  /** Foundation placements: the first host, or null when the student starts on the bench. */
  hostCompanyId: string | null;
  onBench: boolean;
  /** The acceptance took the vacancy's last seat. */
  vacancyFilled: boolean;
}

/** What the coordinator may name when accepting (API: POST /matches/:id/transitions). */
export interface AcceptanceChoices {
  hostCompanyId?: string;
  supervisorId?: string;
}

/**
 * What accepting a match makes, inside the acceptance's transaction: a seat of the vacancy, an
 * employment with the vacancy's owner as employer, the first secondment when that is a
 * foundation, and a draft agreement prefilled from vacancy, student, programme and employer.
 *
 * A foundation placement's first host is the one named in the acceptance, else the vacancy's.
 * When neither names one the student starts "on the bench": employed by the foundation without
 * a secondment (the bench-day list shows it), and the draft agreement waits for its host (PATCH
 * /agreements/:id { hostCompanyId }, or the foundation seconds the student and amends).
 */
@Injectable()
export class PlacementOnAcceptance {
  constructor(
    private readonly employments: EmploymentsService,
    private readonly secondments: SecondmentsService,
    private readonly agreements: AgreementsService,
  ) {}

  async place(
    manager: EntityManager,
    principal: Principal,
    match: Match,
    choices: AcceptanceChoices = {},
  ): Promise<Placement> {
    const vacancy = await manager.findOne(Vacancy, {
      where: { id: match.vacancyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!vacancy)
      throw new ConflictError('The vacancy of this match no longer exists.', 'vacancy-gone');
    if (vacancy.status === 'closed' || vacancy.seatsTaken >= vacancy.capacity) {
      throw new ConflictError(
        `Vacancy "${vacancy.title}" has no open seat (${vacancy.seatsTaken} of ${vacancy.capacity} taken${vacancy.status === 'closed' ? ', closed' : ''}).`,
        'vacancy-full',
        { capacity: vacancy.capacity, seatsTaken: vacancy.seatsTaken },
      );
    }
    const foundation = vacancy.foundationId !== null;
    const host = foundation ? (choices.hostCompanyId ?? vacancy.hostCompanyId) : null;
    await this.assertChoices(manager, vacancy, host, choices);
    const [student] = await manager.query(
      `SELECT s.id, p.nominal_years FROM students s JOIN programmes p ON p.id = s.programme_id WHERE s.id = $1`,
      [match.studentId],
    );
    const seeking = await manager.findOneBy(StudentSeeking, { studentId: match.studentId });
    const startDate = clamp(
      seeking?.startDate ?? vacancy.startFrom,
      vacancy.startFrom,
      vacancy.startTo,
    );
    const endDate = addDays(addYears(startDate, student.nominal_years), -1);
    const employer = foundation
      ? { type: 'foundation' as const, id: vacancy.foundationId! }
      : { type: 'company' as const, id: vacancy.companyId! };

    vacancy.seatsTaken += 1;
    const vacancyFilled = vacancy.seatsTaken >= vacancy.capacity;
    if (vacancyFilled) vacancy.status = 'filled';
    await manager.save(vacancy);

    const employment = await this.employments.createIn(manager, principal, {
      studentId: match.studentId,
      employer,
      startDate,
      endDate,
      contractType: 'fixed_term',
      hoursPerWeek: vacancy.hoursPerWeek,
      matchId: match.id,
    });
    const workplace = foundation ? host : vacancy.companyId;
    // The vacancy's supervisor works at the vacancy's workplace; another host has its own.
    const vacancySupervisor =
      workplace && workplace === (vacancy.companyId ?? vacancy.hostCompanyId)
        ? vacancy.supervisorId
        : null;
    const supervisorId =
      choices.supervisorId ??
      vacancySupervisor ??
      (workplace ? await this.firstSupervisor(manager, workplace) : null);
    const secondment = host
      ? await this.secondments.insertIn(manager, principal, employment, {
          hostCompanyId: host,
          startDate,
          endDate,
          supervisorId: supervisorId ?? undefined,
          hoursPerWeek: vacancy.hoursPerWeek,
        })
      : null;
    const agreement = await this.agreements.createIn(
      manager,
      principal,
      {
        studentId: match.studentId,
        employer,
        hostCompanyId: host ?? undefined,
        language: 'nl',
        terms: prefilledTerms(vacancy, startDate, endDate, student.nominal_years, supervisorId),
      },
      { prefilled: true },
    );
    employment.agreementId = agreement.id;
    await manager.update('employments', { id: employment.id }, { agreementId: agreement.id });
    return {
      employmentId: employment.id,
      secondmentId: secondment?.id ?? null,
      agreementId: agreement.id,
      agreementWarnings: agreement.warnings ?? [],
      hostCompanyId: host,
      onBench: foundation && !host,
      vacancyFilled,
    };
  }

  /**
   * 422 naming the body's field: a host only for a foundation vacancy; a supervisor of the
   * workplace (a host's supervisor is checked again with the secondment). A host that is not a
   * member of the foundation is refused by the secondment, in this transaction.
   */
  private async assertChoices(
    manager: EntityManager,
    vacancy: Vacancy,
    host: string | null,
    choices: AcceptanceChoices,
  ): Promise<void> {
    if (choices.hostCompanyId && !vacancy.foundationId) {
      throw new ValidationError([
        {
          field: 'hostCompanyId',
          message: 'only applies to a foundation vacancy (a company employs the student itself)',
        },
      ]);
    }
    if (!choices.supervisorId) return;
    const workplace = vacancy.companyId ?? host;
    if (!workplace) {
      throw new ValidationError([
        {
          field: 'supervisorId',
          message: 'needs a host company (hostCompanyId): a student on the bench has no workplace',
        },
      ]);
    }
    const [supervisor] = await manager.query('SELECT company_id FROM supervisors WHERE id = $1', [
      choices.supervisorId,
    ]);
    if (supervisor?.company_id !== workplace) {
      throw new ValidationError([
        { field: 'supervisorId', message: 'is not a supervisor of the workplace company' },
      ]);
    }
  }

  private async firstSupervisor(manager: EntityManager, companyId: string): Promise<string | null> {
    const [row] = await manager.query(
      'SELECT id FROM supervisors WHERE company_id = $1 ORDER BY id LIMIT 1',
      [companyId],
    );
    return row?.id ?? null;
  }
}

/**
 * The agreement as far as the placement knows it; what only the parties can say (competences
 * and how they are assessed, early-termination grounds) is left for the coordinator, and the
 * draft comes back with those rule findings as warnings.
 */
function prefilledTerms(
  v: Vacancy,
  startDate: string,
  endDate: string,
  years: number,
  supervisorId: string | null,
): AgreementTerms {
  return {
    startDate,
    endDate,
    employment: {
      contractType: 'fixed_term',
      contractMonths: Math.min(60, years * 12),
      hoursPerWeek: v.hoursPerWeek,
      grossMonthlySalaryCents: v.salaryMinCents,
      functionTitle: v.title,
    },
    workplace: { location: v.postcode, supervisorId: supervisorId ?? '' },
    studySupport: {
      paidStudyHoursPerWeek: 0,
      tuitionReimbursedPercent: 0,
      costsCovered: [],
      schoolDays: [],
    },
    repayment: null,
    monitoring: { progressMeetingEveryWeeks: 10, workplaceVisitsPerYear: 2 },
    competences: [],
    termination: { noticeWeeks: 4, earlyTerminationGrounds: [] },
  };
}

const clamp = (d: string, min: string, max: string) => (d < min ? min : d > max ? max : d);
