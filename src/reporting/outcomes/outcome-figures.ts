/**
 * The figures of the national baseline study (API.md `<Figures>`), and how the rows of the one
 * aggregate query (grouping sets over route, cohort and intake group) fold into report rows and
 * totals. Pure: the SQL counts, this file only arranges.
 */

export interface OutcomeFigures {
  students: number;
  inProgress: number;
  droppedOut: number;
  graduatedOnTime: number;
  graduatedWithDelay: number;
  graduatedStayed: number;
  droppedOutStayed: number;
  functionSwitches: number;
  employerSwitches: number;
  workedForEmployerBefore: number;
  intakeGroups: Record<string, number>;
  companies: number;
  supervisorHoursPerWeekAvg: number | null;
  supervisorHoursPerWeekN: number;
  tuitionReimbursedPercentAvg: number | null;
  tuitionReimbursedPercentN: number;
  paidStudyHoursPerWeekAvg: number | null;
  paidStudyHoursPerWeekN: number;
}

export interface OutcomeRow extends OutcomeFigures {
  routeId: string | null;
  routeName: string | null;
  cohort: number;
}

/** The figures' names in column order (CSV, PDF), intake groups aside. */
export const FIGURE_COLUMNS = [
  'students',
  'inProgress',
  'droppedOut',
  'graduatedOnTime',
  'graduatedWithDelay',
  'graduatedStayed',
  'droppedOutStayed',
  'functionSwitches',
  'employerSwitches',
  'workedForEmployerBefore',
  'companies',
  'supervisorHoursPerWeekAvg',
  'supervisorHoursPerWeekN',
  'tuitionReimbursedPercentAvg',
  'tuitionReimbursedPercentN',
  'paidStudyHoursPerWeekAvg',
  'paidStudyHoursPerWeekN',
] as const satisfies readonly Exclude<keyof OutcomeFigures, 'intakeGroups'>[];

/** One row of the aggregate as PostgreSQL returns it (bigint and numeric arrive as text). */
export interface AggregateRow {
  /** GROUPING(route_id, cohort, intake_group): 0 per intake group, 1 per route and cohort, 6 intake group overall, 7 overall. */
  grp: number;
  route_id: string | null;
  route_name: string | null;
  cohort: number | null;
  intake_group: string | null;
  students: string;
  in_progress: string;
  dropped_out: string;
  graduated_on_time: string;
  graduated_with_delay: string;
  graduated_stayed: string;
  dropped_out_stayed: string;
  function_switches: string;
  employer_switches: string;
  worked_for_employer_before: string;
  companies: string;
  supervisor_hours_avg: string | null;
  supervisor_hours_n: string;
  tuition_avg: string | null;
  tuition_n: string;
  paid_study_hours_avg: string | null;
  paid_study_hours_n: string;
}

export const GROUP = { routeCohortIntake: 0, routeCohort: 1, intake: 6, all: 7 } as const;

const int = (v: string | null | undefined) => (v == null ? 0 : Number(v));
/** Averages to two decimals; null when no value was there to average. */
const avg = (v: string | null | undefined) =>
  v == null ? null : Math.round(Number(v) * 100) / 100;

export function figuresOf(row: AggregateRow): OutcomeFigures {
  return {
    students: int(row.students),
    inProgress: int(row.in_progress),
    droppedOut: int(row.dropped_out),
    graduatedOnTime: int(row.graduated_on_time),
    graduatedWithDelay: int(row.graduated_with_delay),
    graduatedStayed: int(row.graduated_stayed),
    droppedOutStayed: int(row.dropped_out_stayed),
    functionSwitches: int(row.function_switches),
    employerSwitches: int(row.employer_switches),
    workedForEmployerBefore: int(row.worked_for_employer_before),
    intakeGroups: {},
    companies: int(row.companies),
    supervisorHoursPerWeekAvg: avg(row.supervisor_hours_avg),
    supervisorHoursPerWeekN: int(row.supervisor_hours_n),
    tuitionReimbursedPercentAvg: avg(row.tuition_avg),
    tuitionReimbursedPercentN: int(row.tuition_n),
    paidStudyHoursPerWeekAvg: avg(row.paid_study_hours_avg),
    paidStudyHoursPerWeekN: int(row.paid_study_hours_n),
  };
}

export function emptyFigures(): OutcomeFigures {
  return figuresOf({ grp: GROUP.all } as AggregateRow);
}

const rowKey = (routeId: string | null, cohort: number | null) => `${routeId ?? '-'}|${cohort}`;

/** Report rows (ordered by route name, then cohort) and totals from the grouping-set rows. */
export function foldAggregate(rows: readonly AggregateRow[]): {
  totals: OutcomeFigures;
  rows: OutcomeRow[];
} {
  let totals = emptyFigures();
  const byKey = new Map<string, OutcomeRow>();
  for (const r of rows.filter((x) => Number(x.grp) === GROUP.routeCohort)) {
    byKey.set(rowKey(r.route_id, r.cohort), {
      routeId: r.route_id,
      routeName: r.route_name,
      cohort: Number(r.cohort),
      ...figuresOf(r),
    });
  }
  const all = rows.find((x) => Number(x.grp) === GROUP.all);
  if (all && int(all.students) > 0) totals = figuresOf(all);
  for (const r of rows) {
    const g = Number(r.grp);
    if (r.intake_group === null) continue;
    if (g === GROUP.intake) totals.intakeGroups[r.intake_group] = int(r.students);
    if (g === GROUP.routeCohortIntake) {
      const row = byKey.get(rowKey(r.route_id, r.cohort));
      if (row) row.intakeGroups[r.intake_group] = int(r.students);
    }
  }
  const ordered = [...byKey.values()].sort(
    (a, b) =>
      (a.routeName ?? '\uffff').localeCompare(b.routeName ?? '\uffff', 'nl') ||
      (a.routeId ?? '').localeCompare(b.routeId ?? '') ||
      a.cohort - b.cohort,
  );
  return { totals, rows: ordered };
}
