import { AGREEMENT_OUTCOMES_VIEW } from '../../agreements/agreement-outcomes.view';
import {
  PROGRAMME_ONLY_ROUTE_VIEW,
  SUPERVISOR_HOURS_VIEW,
} from '../../directory/outcome-read-models.view';
import { STUDENT_OUTCOME_FACTS_VIEW } from '../../students/student-outcome-facts.view';

export interface OutcomeFilter {
  universityId: string | null;
  routeId: string | null;
  cohort: number | null;
}

/**
 * The one aggregate behind the outcome report, over the owners' published views only. Each
 * student is one row of agreement_outcomes_v (their latest in-force agreement). Grouping sets
 * give, in one pass, the figures per route and cohort, the intake-group split of each, the
 * intake-group split overall and the overall totals (a distinct company count cannot be summed
 * from the rows, so totals are counted, not added). Filters are written only when given, so
 * the planner sees plain equalities it can push into the views and match to indexes.
 */
export function outcomeAggregateSql(filter: OutcomeFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.universityId) {
    params.push(filter.universityId);
    where.push(`o.university_id = $${params.length}`);
  }
  if (filter.routeId) {
    params.push(filter.routeId);
    where.push(`r.route_id = $${params.length}`);
  }
  if (filter.cohort !== null) {
    params.push(filter.cohort);
    where.push(`s.cohort = $${params.length}`);
  }
  const sql = `
    SELECT GROUPING(f.route_id, f.cohort, f.intake_group) AS grp,
      f.route_id, max(f.route_name) AS route_name, f.cohort, f.intake_group,
      count(*) AS students,
      count(*) FILTER (WHERE f.status = 'active') AS in_progress,
      count(*) FILTER (WHERE f.dropout) AS dropped_out,
      count(*) FILTER (WHERE f.status = 'completed' AND f.outcome = 'graduated_on_time') AS graduated_on_time,
      count(*) FILTER (WHERE f.status = 'completed' AND f.outcome = 'graduated_with_delay') AS graduated_with_delay,
      count(*) FILTER (WHERE f.status = 'completed' AND f.stayed_with_employer) AS graduated_stayed,
      count(*) FILTER (WHERE f.dropout AND f.employment_continued) AS dropped_out_stayed,
      count(*) FILTER (WHERE f.function_switched) AS function_switches,
      count(*) FILTER (WHERE f.employer_switched) AS employer_switches,
      count(*) FILTER (WHERE f.worked_for_employer_before) AS worked_for_employer_before,
      count(DISTINCT f.company_id) AS companies,
      avg(f.hours_per_week) AS supervisor_hours_avg, count(f.hours_per_week) AS supervisor_hours_n,
      avg(f.tuition_reimbursed_percent) AS tuition_avg, count(f.tuition_reimbursed_percent) AS tuition_n,
      avg(f.paid_study_hours_per_week) AS paid_study_hours_avg,
      count(f.paid_study_hours_per_week) AS paid_study_hours_n
    FROM (
      SELECT o.status, o.outcome, o.stayed_with_employer, o.employment_continued, o.company_id,
        o.function_switched, o.employer_switched, o.tuition_reimbursed_percent,
        o.paid_study_hours_per_week,
        o.status = 'terminated' AND o.termination_reason = 'dropout' AS dropout,
        s.cohort, s.intake_group, s.worked_for_employer_before,
        r.route_id, r.route_name, sh.hours_per_week
      FROM ${AGREEMENT_OUTCOMES_VIEW} o
      JOIN ${STUDENT_OUTCOME_FACTS_VIEW} s ON s.student_id = o.student_id
      LEFT JOIN ${PROGRAMME_ONLY_ROUTE_VIEW} r ON r.programme_id = s.programme_id
      LEFT JOIN ${SUPERVISOR_HOURS_VIEW} sh ON sh.supervisor_id = o.supervisor_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ) f
    GROUP BY GROUPING SETS (
      (f.route_id, f.cohort, f.intake_group), (f.route_id, f.cohort), (f.intake_group), ()
    )`;
  return { sql, params };
}
