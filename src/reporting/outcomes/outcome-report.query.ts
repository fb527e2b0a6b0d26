import { AGREEMENT_OUTCOMES_VIEW } from '../../agreements/agreement-outcomes.view';
import {
  PROGRAMME_ONLY_ROUTE_VIEW,
  ROUTES_VIEW,
  SUPERVISOR_HOURS_VIEW,
} from '../../directory/outcome-read-models.view';
import { GUIDANCE_SUPERVISOR_HOURS_VIEW } from '../../placements/guidance-supervisor-hours.view';
import { STUDENT_OUTCOME_FACTS_VIEW } from '../../students/student-outcome-facts.view';

export interface OutcomeFilter {
  universityId: string | null;
  routeId: string | null;
  cohort: number | null;
}

export interface OutcomeSql {
  sql: string;
  params: unknown[];
}

/**
 * A student's supervisor hours per week: the average of the hours the guidance log records in
 * guided weeks (placements' guidance_supervisor_hours_v) over the student's employments under
 * the counted agreement, i.e. those naming it, or naming no agreement (made directly rather than
 * from a match) with its employer of record, as the subsidy report pairs them. Weighted by weeks
 * across employments. When the log records no hours for the student, the supervisor's declared
 * hours (directory's supervisor_hours_v) stand in: both say how many hours a week the supervisor
 * coaches, the log as kept and the declaration as promised, and the log is only kept where an
 * employer claims the subsidy, so the log alone would leave most students out of the figure.
 * Each student still counts once, with one value. The view is one row per employment (the
 * totals are kept on write), so the two pairings are plain hash joins, not a lookup per student.
 */
const SUPERVISOR_HOURS = `COALESCE(
      (COALESCE(ga.hours_sum, 0) + COALESCE(ge.hours_sum, 0))
        / NULLIF(COALESCE(ga.weeks, 0) + COALESCE(ge.weeks, 0), 0),
      sh.hours_per_week) AS hours_per_week`;
const LOGGED_HOURS = `LEFT JOIN (
      SELECT student_id, agreement_id, sum(hours_sum) AS hours_sum, sum(weeks) AS weeks
      FROM ${GUIDANCE_SUPERVISOR_HOURS_VIEW} WHERE agreement_id IS NOT NULL GROUP BY 1, 2
    ) ga ON ga.student_id = o.student_id AND ga.agreement_id = o.agreement_id
    LEFT JOIN (
      SELECT student_id, employer_id, sum(hours_sum) AS hours_sum, sum(weeks) AS weeks
      FROM ${GUIDANCE_SUPERVISOR_HOURS_VIEW} WHERE agreement_id IS NULL GROUP BY 1, 2
    ) ge ON ge.student_id = o.student_id AND ge.employer_id = o.employer_id`;

/**
 * A student's route: the route their agreement names, else their programme's only route (none
 * when the programme has several and the agreement names none).
 */
const ROUTE_ID = 'COALESCE(o.route_id, r.route_id)';
const ROUTE_COLUMNS = `${ROUTE_ID} AS route_id,
      CASE WHEN o.route_id IS NOT NULL THEN ar.route_name ELSE r.route_name END AS route_name`;

/**
 * One row per student in scope, over the owners' published views only: each student is one
 * row of agreement_outcomes_v (their latest in-force agreement). Filters are written only when
 * given, so the planner sees plain equalities it can match to each view's indexes.
 */
function studentsInScope(filter: OutcomeFilter, columns: string, extra: string[] = []): OutcomeSql {
  const where: string[] = [...extra];
  const params: unknown[] = [];
  if (filter.universityId) {
    params.push(filter.universityId);
    // Both views carry the university: filtering each lets both use their university index.
    where.push(`o.university_id = $${params.length}`, `s.university_id = $${params.length}`);
  }
  if (filter.routeId) {
    params.push(filter.routeId);
    where.push(`${ROUTE_ID} = $${params.length}`);
  }
  if (filter.cohort !== null) {
    params.push(filter.cohort);
    where.push(`s.cohort = $${params.length}`);
  }
  const sql = `SELECT ${columns}
    FROM ${AGREEMENT_OUTCOMES_VIEW} o
    JOIN ${STUDENT_OUTCOME_FACTS_VIEW} s ON s.student_id = o.student_id
    LEFT JOIN ${ROUTES_VIEW} ar ON ar.route_id = o.route_id
    LEFT JOIN ${PROGRAMME_ONLY_ROUTE_VIEW} r ON r.programme_id = s.programme_id
    LEFT JOIN ${SUPERVISOR_HOURS_VIEW} sh ON sh.supervisor_id = o.supervisor_id
    ${LOGGED_HOURS}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return { sql, params };
}

/**
 * The whole report in one statement. The students in scope are joined once into a
 * materialised CTE; from it, the figures at the finest grain the report shows (route, cohort,
 * intake group: counts, and sums with the number of values for the averages) by hash
 * aggregation; rows, intake-group splits and totals are sums of these few rows
 * (outcome-figures.ts), averages summed, never averaged twice. Distinct companies cannot be
 * summed, so each fine row also carries its route and cohort's count and the overall count,
 * both by grouping (hash aggregates) rather than count(DISTINCT), which sorts.
 */
export function outcomeReportSql(filter: OutcomeFilter): OutcomeSql {
  const dropout = `o.status = 'terminated' AND o.termination_reason = 'dropout'`;
  const base = studentsInScope(
    filter,
    `${ROUTE_COLUMNS}, s.cohort, s.intake_group, o.company_id, o.status,
      o.status = 'completed' AND o.outcome = 'graduated_on_time' AS on_time,
      o.status = 'completed' AND o.outcome = 'graduated_with_delay' AS with_delay,
      o.status = 'completed' AND o.stayed_with_employer AS graduated_stayed,
      ${dropout} AS dropout,
      ${dropout} AND o.employment_continued AS dropout_stayed,
      o.function_switched, o.employer_switched, s.worked_for_employer_before,
      ${SUPERVISOR_HOURS}, o.tuition_reimbursed_percent, o.paid_study_hours_per_week`,
  );
  const sql = `WITH base AS MATERIALIZED (${base.sql}),
    fine AS (
      SELECT route_id, max(route_name) AS route_name, cohort, intake_group,
        count(*) AS students,
        count(*) FILTER (WHERE status = 'active') AS in_progress,
        count(*) FILTER (WHERE dropout) AS dropped_out,
        count(*) FILTER (WHERE on_time) AS graduated_on_time,
        count(*) FILTER (WHERE with_delay) AS graduated_with_delay,
        count(*) FILTER (WHERE graduated_stayed) AS graduated_stayed,
        count(*) FILTER (WHERE dropout_stayed) AS dropped_out_stayed,
        count(*) FILTER (WHERE function_switched) AS function_switches,
        count(*) FILTER (WHERE employer_switched) AS employer_switches,
        count(*) FILTER (WHERE worked_for_employer_before) AS worked_for_employer_before,
        sum(hours_per_week) AS supervisor_hours_sum, count(hours_per_week) AS supervisor_hours_n,
        sum(tuition_reimbursed_percent) AS tuition_sum, count(tuition_reimbursed_percent) AS tuition_n,
        sum(paid_study_hours_per_week) AS paid_study_hours_sum,
        count(paid_study_hours_per_week) AS paid_study_hours_n
      FROM base GROUP BY route_id, cohort, intake_group
    ),
    companies AS (
      SELECT route_id, cohort, count(*) AS companies
      FROM (SELECT route_id, cohort, company_id FROM base WHERE company_id IS NOT NULL GROUP BY 1, 2, 3) p
      GROUP BY route_id, cohort
    )
    SELECT fine.*, COALESCE(c.companies, 0) AS companies,
      (SELECT count(*) FROM (SELECT company_id FROM base WHERE company_id IS NOT NULL GROUP BY 1) t)
        AS companies_total
    FROM fine
    LEFT JOIN companies c ON c.route_id IS NOT DISTINCT FROM fine.route_id AND c.cohort = fine.cohort`;
  return { sql, params: base.params };
}
