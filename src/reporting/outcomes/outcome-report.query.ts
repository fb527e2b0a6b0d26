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
/**
 * The two pairings of the guidance log with the counted agreement. Grouped in subqueries the
 * planner cannot push the report's filters into, so the university filter is written inside
 * them too: a university's report then groups its own employments, not the country's.
 */
function loggedHours(universityParam: string | null): string {
  const university = universityParam ? ` AND university_id = ${universityParam}` : '';
  return `LEFT JOIN (
      SELECT student_id, agreement_id, sum(hours_sum) AS hours_sum, sum(weeks) AS weeks
      FROM ${GUIDANCE_SUPERVISOR_HOURS_VIEW} WHERE agreement_id IS NOT NULL${university} GROUP BY 1, 2
    ) ga ON ga.student_id = o.student_id AND ga.agreement_id = o.agreement_id
    LEFT JOIN (
      SELECT student_id, employer_id, sum(hours_sum) AS hours_sum, sum(weeks) AS weeks
      FROM ${GUIDANCE_SUPERVISOR_HOURS_VIEW} WHERE agreement_id IS NULL${university} GROUP BY 1, 2
    ) ge ON ge.student_id = o.student_id AND ge.employer_id = o.employer_id`;
}

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
  let universityParam: string | null = null;
  if (filter.universityId) {
    params.push(filter.universityId);
    universityParam = `$${params.length}`;
    // Both views carry the university: filtering each lets both use their university index.
    where.push(`o.university_id = ${universityParam}`, `s.university_id = ${universityParam}`);
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
    ${loggedHours(universityParam)}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return { sql, params };
}

/** The students in scope, one row each, with what the figures count and average. */
function baseSql(filter: OutcomeFilter): OutcomeSql {
  const dropout = `o.status = 'terminated' AND o.termination_reason = 'dropout'`;
  return studentsInScope(
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
}

/** The figures at the finest grain the report shows, over `base`: counts, and sums with counts for the averages. */
const FINE = `fine AS (
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
    )`;

/** Each company once per route and cohort it has students in, over `base`. */
const COMPANY_PLACES = `SELECT route_id, cohort, company_id FROM base WHERE company_id IS NOT NULL GROUP BY 1, 2, 3`;

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
  const base = baseSql(filter);
  const sql = `WITH base AS MATERIALIZED (${base.sql}),
    ${FINE},
    companies AS (
      SELECT route_id, cohort, count(*) AS companies FROM (${COMPANY_PLACES}) p GROUP BY route_id, cohort
    )
    SELECT fine.*, COALESCE(c.companies, 0) AS companies,
      (SELECT count(*) FROM (SELECT company_id FROM base WHERE company_id IS NOT NULL GROUP BY 1) t)
        AS companies_total
    FROM fine
    LEFT JOIN companies c ON c.route_id IS NOT DISTINCT FROM fine.route_id AND c.cohort = fine.cohort`;
  return { sql, params: base.params };
}

/**
 * Rebuilds the country's summary (OutcomeSummaryService) in one statement from the same
 * figures: the fine rows of the whole country, each with its route and cohort's companies, and
 * the distinct companies of every scope a country report can ask for (all, one route, one
 * cohort, both), by GROUPING SETS over each company's places. GROUPING() tells "all routes"
 * from "no route" (a NULL route_id). Callers empty both tables first, in the same transaction.
 */
export function outcomeSummarySql(): string {
  const base = baseSql({ universityId: null, routeId: null, cohort: null });
  return `WITH base AS MATERIALIZED (${base.sql}),
    ${FINE},
    company_scopes AS MATERIALIZED (
      SELECT route_id, cohort, GROUPING(route_id) = 0 AS by_route, GROUPING(cohort) = 0 AS by_cohort,
        count(DISTINCT company_id) AS companies
      FROM (${COMPANY_PLACES}) p
      GROUP BY GROUPING SETS ((route_id, cohort), (route_id), (cohort), ())
    ),
    scopes AS (
      INSERT INTO outcome_summary_companies (id, route_id, cohort, by_route, by_cohort, companies)
      SELECT gen_random_uuid(), route_id, cohort, by_route, by_cohort, companies FROM company_scopes
    )
    INSERT INTO outcome_summary_rows (id, route_id, cohort, figures)
    SELECT gen_random_uuid(), fine.route_id, fine.cohort,
      to_jsonb(fine) || jsonb_build_object('companies', COALESCE(c.companies, 0))
    FROM fine
    LEFT JOIN company_scopes c ON c.by_route AND c.by_cohort
      AND c.route_id IS NOT DISTINCT FROM fine.route_id AND c.cohort = fine.cohort`;
}
