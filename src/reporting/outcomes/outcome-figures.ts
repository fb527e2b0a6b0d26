/**
 * The figures of the national baseline study (API.md `<Figures>`), and how the rows of the
 * aggregate (per route, cohort and intake group: at most a few thousand rows nationally) add up
 * to report rows and totals. Pure: the SQL counts and sums, this file only adds and divides.
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

/**
 * A count or sum of the aggregate: text as PostgreSQL returns bigint and numeric, a number when
 * read back from the summary's JSON (outcome_summary_rows).
 */
type Numeric = string | number;

/** One row of the finest-grain aggregate, live or from the country's summary. */
export interface AggregateRow {
  route_id: string | null;
  route_name: string | null;
  cohort: number;
  intake_group: string;
  students: Numeric;
  in_progress: Numeric;
  dropped_out: Numeric;
  graduated_on_time: Numeric;
  graduated_with_delay: Numeric;
  graduated_stayed: Numeric;
  dropped_out_stayed: Numeric;
  function_switches: Numeric;
  employer_switches: Numeric;
  worked_for_employer_before: Numeric;
  supervisor_hours_sum: Numeric | null;
  supervisor_hours_n: Numeric;
  tuition_sum: Numeric | null;
  tuition_n: Numeric;
  paid_study_hours_sum: Numeric | null;
  paid_study_hours_n: Numeric;
  /** Distinct companies of the row's route and cohort (the same on each of its intake groups). */
  companies: Numeric;
  /** Distinct companies in the whole scope (the same on every row). */
  companies_total: Numeric;
}

const COUNTS = [
  ['students', 'students'],
  ['inProgress', 'in_progress'],
  ['droppedOut', 'dropped_out'],
  ['graduatedOnTime', 'graduated_on_time'],
  ['graduatedWithDelay', 'graduated_with_delay'],
  ['graduatedStayed', 'graduated_stayed'],
  ['droppedOutStayed', 'dropped_out_stayed'],
  ['functionSwitches', 'function_switches'],
  ['employerSwitches', 'employer_switches'],
  ['workedForEmployerBefore', 'worked_for_employer_before'],
] as const;

const AVERAGES = [
  ['supervisorHoursPerWeek', 'supervisor_hours'],
  ['tuitionReimbursedPercent', 'tuition'],
  ['paidStudyHoursPerWeek', 'paid_study_hours'],
] as const;

/** Running sums for one report row or the totals; averages divide at the end. */
interface Accumulator {
  figures: OutcomeFigures;
  sums: Record<(typeof AVERAGES)[number][0], number>;
}

const int = (v: Numeric | null | undefined) => (v == null ? 0 : Number(v));

export function emptyFigures(): OutcomeFigures {
  return {
    students: 0,
    inProgress: 0,
    droppedOut: 0,
    graduatedOnTime: 0,
    graduatedWithDelay: 0,
    graduatedStayed: 0,
    droppedOutStayed: 0,
    functionSwitches: 0,
    employerSwitches: 0,
    workedForEmployerBefore: 0,
    intakeGroups: {},
    companies: 0,
    supervisorHoursPerWeekAvg: null,
    supervisorHoursPerWeekN: 0,
    tuitionReimbursedPercentAvg: null,
    tuitionReimbursedPercentN: 0,
    paidStudyHoursPerWeekAvg: null,
    paidStudyHoursPerWeekN: 0,
  };
}

const accumulator = (): Accumulator => ({
  figures: emptyFigures(),
  sums: { supervisorHoursPerWeek: 0, tuitionReimbursedPercent: 0, paidStudyHoursPerWeek: 0 },
});

function add(acc: Accumulator, row: AggregateRow): void {
  const f = acc.figures;
  for (const [name, column] of COUNTS) f[name] += int(row[column]);
  f.intakeGroups[row.intake_group] = (f.intakeGroups[row.intake_group] ?? 0) + int(row.students);
  for (const [name, column] of AVERAGES) {
    acc.sums[name] += Number(row[`${column}_sum`] ?? 0);
    f[`${name}N`] += int(row[`${column}_n`]);
  }
}

/** Averages to two decimals, over the values present; null when there was none. */
function finish(acc: Accumulator): OutcomeFigures {
  const f = acc.figures;
  for (const [name] of AVERAGES) {
    const n = f[`${name}N`];
    f[`${name}Avg`] = n === 0 ? null : Math.round((acc.sums[name] / n) * 100) / 100;
  }
  return f;
}

const rowKey = (routeId: string | null, cohort: number | null) => `${routeId ?? '-'}|${cohort}`;

/** Report rows (ordered by route name, then cohort) and totals from the finest-grain rows. */
export function foldAggregate(rows: readonly AggregateRow[]): {
  totals: OutcomeFigures;
  rows: OutcomeRow[];
} {
  const total = accumulator();
  const byKey = new Map<
    string,
    { route: Pick<OutcomeRow, 'routeId' | 'routeName' | 'cohort'>; acc: Accumulator }
  >();
  for (const r of rows) {
    const key = rowKey(r.route_id, Number(r.cohort));
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        route: { routeId: r.route_id, routeName: r.route_name, cohort: Number(r.cohort) },
        acc: accumulator(),
      };
      byKey.set(key, entry);
    }
    add(entry.acc, r);
    add(total, r);
    entry.acc.figures.companies = int(r.companies);
    total.figures.companies = int(r.companies_total);
  }
  const ordered = [...byKey.values()]
    .map(({ route, acc }): OutcomeRow => ({ ...route, ...finish(acc) }))
    .sort(
      (a, b) =>
        (a.routeName ?? '\uffff').localeCompare(b.routeName ?? '\uffff', 'nl') ||
        (a.routeId ?? '').localeCompare(b.routeId ?? '') ||
        a.cohort - b.cohort,
    );
  return { totals: finish(total), rows: ordered };
}
