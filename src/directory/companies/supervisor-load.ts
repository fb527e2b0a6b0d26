import { applyScope, Principal } from '@app/common';
import { EntityManager } from 'typeorm';
import { SUPERVISOR_SCOPE } from './company-rules';
import { Supervisor } from './supervisor.entity';

/**
 * How much coaching a supervisor carries on a date. The companies' guide asks for trained or
 * experienced supervisors who have time for it, so whoever picks one sees this next to `trained`.
 */
export interface SupervisorLoad {
  /** The date the load is counted on (today unless asked otherwise). */
  on: string;
  /** Placements running on that date that this supervisor coaches. */
  placements: number;
  /** Their coaching hours per week, summed. */
  coachingHoursPerWeek: number;
}

/** What a coordinator sees of a supervisor where they pick one (vacancy, acceptance). */
export interface SupervisorSummary {
  id: string;
  companyId: string;
  name: string;
  trained: boolean;
  hoursPerWeek: number;
  load: SupervisorLoad;
}

/** The OpenAPI wording of the load, shared by every place that shows it. */
export const SUPERVISOR_LOAD_DESCRIPTION =
  "`load` is the coaching the supervisor carries on `load.on` (today, or `loadOn`): the placements running that day that they coach, and their coaching hours per week summed. A placement is an employment running that day (start on or before, end on or after or none) at the supervisor's company: a company that employs the student itself, or the host of a secondment running that day. Its supervisor is the secondment's, else the one named by the agreement of the employment (its version in force, else its current draft or pending version; cancelled, completed and terminated agreements name nobody). Its hours are the coaching hours the agreement froze for that supervisor when it was submitted, else the supervisor's `hoursPerWeek`.";

/**
 * The load of each supervisor on a date, in one query whatever the number of supervisors: the
 * running placements at their companies (found by the employer and host indexes), each with the
 * one supervisor that coaches it (see SUPERVISOR_LOAD_DESCRIPTION), grouped per supervisor.
 */
export async function supervisorLoads(
  manager: EntityManager,
  supervisorIds: string[],
  on: string,
): Promise<Map<string, SupervisorLoad>> {
  if (supervisorIds.length === 0) return new Map();
  const rows: { id: string; placements: number; hours: number }[] = await manager.query(
    `WITH sup AS (
       SELECT id, company_id, hours_per_week FROM supervisors WHERE id = ANY($1::uuid[])
     ),
     placements AS (
       SELECT e.id, e.student_id, e.employer_company_id, e.employer_foundation_id, e.agreement_id,
              NULL::uuid AS seconded_supervisor_id
         FROM employments e
        WHERE e.employer_company_id IN (SELECT company_id FROM sup)
          AND e.start_date <= $2 AND (e.end_date IS NULL OR e.end_date >= $2)
       UNION ALL
       SELECT e.id, e.student_id, e.employer_company_id, e.employer_foundation_id, e.agreement_id,
              sc.supervisor_id
         FROM secondments sc JOIN employments e ON e.id = sc.employment_id
        WHERE sc.host_company_id IN (SELECT company_id FROM sup)
          AND sc.start_date <= $2 AND sc.end_date >= $2
          AND e.start_date <= $2 AND (e.end_date IS NULL OR e.end_date >= $2)
     ),
     coached AS (
       SELECT p.id,
              COALESCE(p.seconded_supervisor_id::text, v.terms #>> '{workplace,supervisorId}') AS supervisor_id,
              v.terms #>> '{workplace,supervisorId}' AS agreed_supervisor_id,
              (v.parties #>> '{supervisor,hoursPerWeek}')::numeric AS agreed_hours
         FROM placements p
         LEFT JOIN LATERAL (
           SELECT ag.id, COALESCE(ag.in_force_version_number, ag.current_version_number) AS number
             FROM agreements ag
            WHERE ag.student_id = p.student_id
              AND (ag.employer_company_id = p.employer_company_id
                   OR ag.employer_foundation_id = p.employer_foundation_id)
              AND ag.status IN ('draft', 'pending_signatures', 'active')
            ORDER BY (ag.id = p.agreement_id) DESC, ag.created_at DESC
            LIMIT 1) a ON true
         LEFT JOIN agreement_versions v ON v.agreement_id = a.id AND v.number = a.number
     )
     SELECT s.id,
            count(c.id)::int AS placements,
            COALESCE(sum(CASE WHEN c.agreed_supervisor_id = s.id::text AND c.agreed_hours IS NOT NULL
                              THEN c.agreed_hours ELSE s.hours_per_week END)
                       FILTER (WHERE c.id IS NOT NULL), 0)::float AS hours
       FROM sup s LEFT JOIN coached c ON c.supervisor_id = s.id::text
      GROUP BY s.id`,
    [supervisorIds, on],
  );
  return new Map(
    rows.map((r) => [r.id, { on, placements: r.placements, coachingHoursPerWeek: r.hours }]),
  );
}

/**
 * The supervisors with these ids that the caller may read (SUPERVISOR_SCOPE: a student or an
 * integration sees none), each with its load on `on`.
 */
export async function supervisorSummaries(
  manager: EntityManager,
  principal: Principal,
  ids: string[],
  on: string,
): Promise<Map<string, SupervisorSummary>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const visible = await applyScope(
    manager
      .getRepository(Supervisor)
      .createQueryBuilder('s')
      .where('s.id IN (:...ids)', { ids: unique }),
    principal,
    SUPERVISOR_SCOPE,
  ).getMany();
  const loads = await supervisorLoads(
    manager,
    visible.map((s) => s.id),
    on,
  );
  return new Map(
    visible.map((s) => [
      s.id,
      {
        id: s.id,
        companyId: s.companyId,
        name: s.name,
        trained: s.trained,
        hoursPerWeek: s.hoursPerWeek,
        load: loads.get(s.id)!,
      },
    ]),
  );
}
