import type { AgreementTerms } from '../agreements/agreement-terms.types';
import {
  addDays,
  Clock,
  ConflictError,
  Principal,
  toCalendarDate,
  ValidationError,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addYears, contractEndDate } from '../agreements/contract-period';
import { AgreementsService } from '../agreements/agreements.service';
import { SupervisorLoads, SupervisorSummary } from '../directory/companies/supervisor-load';
import { DirectoryReads } from '../directory/directory-reads';
import { EmploymentsService } from '../placements/employments.service';
import { SecondmentsService } from '../placements/secondments.service';
import { StudentReads } from '../students/student-reads';
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
  /**
   * The supervisor the placement names, with `trained`, `hoursPerWeek` and today's coaching load
   * (this placement included once it has started); null when none is named yet, or for a caller
   * who may not read the company's supervisors (a student accepting the offer).
   */
  supervisor: SupervisorSummary | null;
}

/** What the coordinator may name when accepting (API: POST /matches/:id/transitions). */
export interface AcceptanceChoices {
  hostCompanyId?: string;
  supervisorId?: string;
  contractType?: 'fixed_term' | 'permanent';
  contractMonths?: number;
}

type Contract = Pick<AgreementTerms['employment'], 'contractType' | 'contractMonths'>;

/**
 * What accepting a match makes, inside the acceptance's transaction: a seat of the vacancy, an
 * employment with the vacancy's owner as employer, the first secondment when that is a
 * foundation, and a draft agreement prefilled from vacancy, student, programme and employer.
 *
 * A foundation placement's first host is the one named in the acceptance, else the vacancy's;
 * likewise the supervisor (the coordinator's choice, else the vacancy's, else nobody yet).
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
    private readonly students: StudentReads,
    private readonly directory: DirectoryReads,
    private readonly clock: Clock,
    private readonly supervisorLoads: SupervisorLoads,
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
    const nominalYears = await this.nominalYears(manager, match.studentId);
    const seeking = await manager.findOneBy(StudentSeeking, { studentId: match.studentId });
    const startDate = clamp(
      seeking?.startDate ?? vacancy.startFrom,
      vacancy.startFrom,
      vacancy.startTo,
    );
    // The agreement covers the programme's nominal years; the employment lasts as long as the
    // contract says: a fixed-term one its contract months (by default the programme's years), a
    // permanent one without end date. A first secondment ends with whichever ends first.
    const endDate = addDays(addYears(startDate, nominalYears), -1);
    const contract: Contract = {
      contractType: choices.contractType ?? 'fixed_term',
      contractMonths: choices.contractMonths ?? Math.min(60, nominalYears * 12),
    };
    const employmentEnd = contractEndDate({ startDate, employment: contract });
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
      endDate: employmentEnd,
      contractType: contract.contractType,
      hoursPerWeek: vacancy.hoursPerWeek,
      matchId: match.id,
    });
    const workplace = foundation ? host : vacancy.companyId;
    // The vacancy's supervisor works at the vacancy's workplace; another host has its own. Never
    // guess one (say, the company's first): without a named supervisor the draft leaves it for
    // the employer to name, and submit refuses until someone is named.
    const vacancySupervisor =
      workplace && workplace === (vacancy.companyId ?? vacancy.hostCompanyId)
        ? vacancy.supervisorId
        : null;
    const supervisorId = choices.supervisorId ?? vacancySupervisor ?? null;
    const secondment = host
      ? await this.secondments.insertIn(manager, principal, employment, {
          hostCompanyId: host,
          startDate,
          endDate: employmentEnd !== null && employmentEnd < endDate ? employmentEnd : endDate,
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
        terms: prefilledTerms(vacancy, startDate, endDate, contract, supervisorId),
      },
      { prefilled: true },
    );
    await this.employments.attachAgreement(manager, employment, agreement.id);
    const supervisors = await this.supervisorLoads.summaries(
      manager,
      principal,
      supervisorId ? [supervisorId] : [],
      toCalendarDate(this.clock.now()),
    );
    return {
      employmentId: employment.id,
      secondmentId: secondment?.id ?? null,
      agreementId: agreement.id,
      agreementWarnings: agreement.warnings ?? [],
      hostCompanyId: host,
      onBench: foundation && !host,
      vacancyFilled,
      supervisor: (supervisorId && supervisors.get(supervisorId)) || null,
    };
  }

  /** The nominal years of the student's programme: how long the agreement runs. */
  private async nominalYears(manager: EntityManager, studentId: string): Promise<number> {
    const { programmeId } = (await this.students.studentsByIds(manager, [studentId])).get(
      studentId,
    )!;
    const programme = (await this.directory.programmesByIds(manager, [programmeId])).get(
      programmeId,
    );
    return programme!.nominalYears;
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
    const supervisors = await this.directory.supervisorsByIds(manager, [choices.supervisorId]);
    if (supervisors.get(choices.supervisorId)?.companyId !== workplace) {
      throw new ValidationError([
        { field: 'supervisorId', message: 'is not a supervisor of the workplace company' },
      ]);
    }
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
  contract: Contract,
  supervisorId: string | null,
): AgreementTerms {
  return {
    startDate,
    endDate,
    employment: {
      ...contract,
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
