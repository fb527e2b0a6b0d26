import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AgreementPlacementReads } from '../agreements/agreement-placement-reads';
import {
  CoachedPlacement,
  CoachingSource,
  SupervisorLoads,
} from '../directory/companies/supervisor-load';

/** Agreements that name a supervisor; cancelled, completed and terminated ones name nobody. */
const COACHING_STATUSES = ['draft', 'pending_signatures', 'active'] as const;

interface RunningPlacement {
  id: string;
  studentId: string;
  employerCompanyId: string | null;
  employerFoundationId: string | null;
  agreementId: string | null;
  secondedSupervisorId: string | null;
}

/**
 * The placements' answer to a supervisor's coaching load (SUPERVISOR_LOAD_DESCRIPTION): the
 * employments running on a date at the companies (as employer, or as host of a secondment running
 * that day, found by the employer and host indexes), each with its coach: the secondment's
 * supervisor, else the one its agreement names.
 */
@Injectable()
export class PlacementCoaching implements CoachingSource, OnModuleInit {
  constructor(
    private readonly loads: SupervisorLoads,
    private readonly agreements: AgreementPlacementReads,
  ) {}

  onModuleInit(): void {
    this.loads.register(this);
  }

  async runningPlacements(
    manager: EntityManager,
    companyIds: string[],
    on: string,
  ): Promise<CoachedPlacement[]> {
    const placements: RunningPlacement[] = await manager.query(
      `SELECT e.id, e.student_id AS "studentId", e.employer_company_id AS "employerCompanyId",
              e.employer_foundation_id AS "employerFoundationId", e.agreement_id AS "agreementId",
              NULL::uuid AS "secondedSupervisorId"
         FROM employments e
        WHERE e.employer_company_id = ANY($1::uuid[])
          AND e.start_date <= $2 AND (e.end_date IS NULL OR e.end_date >= $2)
       UNION ALL
       SELECT e.id, e.student_id, e.employer_company_id, e.employer_foundation_id, e.agreement_id,
              sc.supervisor_id
         FROM secondments sc JOIN employments e ON e.id = sc.employment_id
        WHERE sc.host_company_id = ANY($1::uuid[])
          AND sc.start_date <= $2 AND sc.end_date >= $2
          AND e.start_date <= $2 AND (e.end_date IS NULL OR e.end_date >= $2)`,
      [companyIds, on],
    );
    const agreed = await this.agreements.ofEmployments(manager, placements, [...COACHING_STATUSES]);
    return placements.map((p, i) => {
      const agreedSupervisorId = agreed[i]?.supervisorId ?? null;
      return {
        id: p.id,
        supervisorId: p.secondedSupervisorId ?? agreedSupervisorId,
        agreedSupervisorId,
        agreedHours: agreed[i]?.supervisorHoursPerWeek ?? null,
      };
    });
  }
}
