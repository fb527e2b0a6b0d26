import { CsvCell, toCsv } from '@app/common';
import type { ReportSpec } from '@app/report-pdf';
import { FIGURE_COLUMNS, OutcomeFigures } from './outcome-figures';
import type { ReportLanguage } from '../report-file';
import type { OutcomeReport } from './outcome-report.service';

/**
 * The outcome report as CSV (one line per row, API.md's names as columns, intake groups as
 * `intakeGroups.<group>` columns) and as the PDF's render model (nl by default, en on request).
 */
export function outcomeCsv(report: OutcomeReport): Buffer {
  const groups = [...new Set(report.rows.flatMap((r) => Object.keys(r.intakeGroups)))].sort();
  const header = [
    'routeId',
    'routeName',
    'cohort',
    ...FIGURE_COLUMNS,
    ...groups.map((g) => `intakeGroups.${g}`),
  ];
  const rows = report.rows.map((r): CsvCell[] => [
    r.routeId,
    r.routeName,
    r.cohort,
    ...FIGURE_COLUMNS.map((c) => r[c]),
    ...groups.map((g) => r.intakeGroups[g] ?? 0),
  ]);
  return toCsv(header, rows);
}

const LABELS = {
  nl: {
    title: 'Uitkomsten per route en cohort',
    university: 'Universiteit',
    route: 'Route',
    cohort: 'Cohort',
    all: 'alle',
    generated: 'Gemaakt op',
    figuresAsOf: 'Cijfers per',
    noRoute: '(geen enkele route)',
    total: 'Totaal',
    chart: 'Statusverdeling per cohort',
    other: 'Overig beëindigd',
    columns: [
      'Route',
      'Cohort',
      'Studenten',
      'Bezig',
      'Uitgevallen',
      'Op tijd',
      'Met vertraging',
      'Gebleven na diploma',
      'Gebleven na uitval',
      'Functiewissel',
      'Werkgeverwissel',
      'Eerder bij werkgever',
      'Bedrijven',
      'Begeleiding u/wk',
      'Collegegeld %',
      'Studie-uren/wk',
    ],
    series: ['Bezig', 'Uitgevallen', 'Op tijd afgestudeerd', 'Met vertraging afgestudeerd'],
  },
  en: {
    title: 'Outcomes per route and cohort',
    university: 'University',
    route: 'Route',
    cohort: 'Cohort',
    all: 'all',
    generated: 'Generated',
    figuresAsOf: 'Figures as of',
    noRoute: '(no single route)',
    total: 'Total',
    chart: 'Status mix per cohort',
    other: 'Other terminations',
    columns: [
      'Route',
      'Cohort',
      'Students',
      'In progress',
      'Dropped out',
      'On time',
      'With delay',
      'Stayed after graduating',
      'Stayed after dropout',
      'Function switches',
      'Employer switches',
      'Worked there before',
      'Companies',
      'Supervisor h/wk',
      'Tuition %',
      'Study h/wk',
    ],
    series: ['In progress', 'Dropped out', 'Graduated on time', 'Graduated with delay'],
  },
} as const;

const COLORS: [number, number, number][] = [
  [0.26, 0.45, 0.77],
  [0.8, 0.3, 0.25],
  [0.2, 0.62, 0.35],
  [0.93, 0.65, 0.2],
  [0.6, 0.6, 0.6],
];

/** An average with the number of values it rests on, e.g. "3.5 (n=4)"; "–" when there is none. */
const average = (value: number | null, n: number) => (value === null ? '–' : `${value} (n=${n})`);

function figureCells(f: OutcomeFigures): string[] {
  return [
    f.students,
    f.inProgress,
    f.droppedOut,
    f.graduatedOnTime,
    f.graduatedWithDelay,
    f.graduatedStayed,
    f.droppedOutStayed,
    f.functionSwitches,
    f.employerSwitches,
    f.workedForEmployerBefore,
    f.companies,
  ]
    .map(String)
    .concat([
      average(f.supervisorHoursPerWeekAvg, f.supervisorHoursPerWeekN),
      average(f.tuitionReimbursedPercentAvg, f.tuitionReimbursedPercentN),
      average(f.paidStudyHoursPerWeekAvg, f.paidStudyHoursPerWeekN),
    ]);
}

export function outcomePdfSpec(report: OutcomeReport, lang: ReportLanguage): ReportSpec {
  const t = LABELS[lang];
  const s = report.scope;
  const cohorts = [...new Set(report.rows.map((r) => r.cohort))].sort((a, b) => a - b);
  const mix = cohorts.map((cohort) => {
    const rows = report.rows.filter((r) => r.cohort === cohort);
    const sum = (
      k: 'inProgress' | 'droppedOut' | 'graduatedOnTime' | 'graduatedWithDelay' | 'students',
    ) => rows.reduce((a, r) => a + r[k], 0);
    const known =
      sum('inProgress') + sum('droppedOut') + sum('graduatedOnTime') + sum('graduatedWithDelay');
    return [
      sum('inProgress'),
      sum('droppedOut'),
      sum('graduatedOnTime'),
      sum('graduatedWithDelay'),
      sum('students') - known,
    ];
  });
  return {
    title: t.title,
    subtitle: [
      `${t.university}: ${s.universityId ?? t.all} · ${t.route}: ${s.routeId ?? t.all} · ${t.cohort}: ${s.cohort ?? t.all}`,
      `${t.generated}: ${report.generatedAt}`,
      ...(report.figuresAsOf === report.generatedAt
        ? []
        : [`${t.figuresAsOf}: ${report.figuresAsOf}`]),
    ],
    columns: t.columns.map((header, i) => ({
      header,
      align: i < 2 ? ('left' as const) : ('right' as const),
    })),
    rows: report.rows.map((r) => [r.routeName ?? t.noRoute, String(r.cohort), ...figureCells(r)]),
    footerRow: [t.total, '', ...figureCells(report.totals)],
    charts: [
      {
        title: t.chart,
        categories: cohorts.map(String),
        series: [...t.series, t.other].map((name, i) => ({ name, color: COLORS[i] })),
        values: mix,
      },
    ],
    language: lang,
  };
}
