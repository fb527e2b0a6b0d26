import type { AgreementTerms } from '@app/agreement-pdf/agreement-document';
import { ConflictError, Principal, ValidationError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addYears } from '../agreements/agreement-terms';
import { AgreementsService } from '../agreements/agreements.service';
import { EmploymentsService } from '../placements/employments.service';
import { SecondmentsService } from '../placements/secondments.service';
import { addDays } from '../placements/periods';
import { Match } from './entities/match.entity';
import { StudentSeeking } from './entities/seeking.entity';
import { Vacancy } from './entities/vacancy.entity';

export interface Placement {
  employmentId: string;
  secondmentId: string | null;
  agreementId: string;
  agreementWarnings: unknown[];
}

/**
 * What accepting a match makes, inside the acceptance's transaction: a seat of the vacancy, an
 * employment with the vacancy's owner as employer, the first secondment when that is a
 * foundation, and a draft agreement prefilled from vacancy, student, programme and employer.
 */
@Injectable()
export class PlacementOnAcceptance {
  constructor(
    private readonly employments: EmploymentsService,
    private readonly secondments: SecondmentsService,
    private readonly agreements: AgreementsService,
  ) {}

  async place(manager: EntityManager, principal: Principal, match: Match): Promise<Placement> {
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
    if (foundation && !vacancy.hostCompanyId) {
      throw new ValidationError([
        {
          field: 'vacancy.hostCompanyId',
          message: 'the foundation vacancy names no host company for the first secondment',
        },
      ]);
    }
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
    if (vacancy.seatsTaken >= vacancy.capacity) vacancy.status = 'filled';
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
    const supervisorId =
      vacancy.supervisorId ??
      (await this.firstSupervisor(manager, vacancy.hostCompanyId ?? vacancy.companyId!));
    const secondment = foundation
      ? await this.secondments.insertIn(manager, principal, employment, {
          hostCompanyId: vacancy.hostCompanyId!,
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
        hostCompanyId: vacancy.hostCompanyId ?? undefined,
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
    };
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
