/**
 * Legal limits the agreement terms are checked against. Configuration, not code: amounts change
 * by date, so every table is date-effective and cites its source. From public sources, not legal
 * advice; verify each new period against the source before adding it.
 */

/** Weekdays a school day may fall on (teaching at a hogeschool is Monday to Friday). */
export const SCHOOL_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

/** Costs a study-support clause may cover (DOMAIN.md "The agreement"). */
export const COSTS_COVERED = ['laptop', 'books', 'travel', 'exam_fees'] as const;

export const LIMITS = {
  /** A contract of 1 to 60 months; 24 is the advice of the Mkb-route guide (a 12-month contract ends mid-programme). */
  contractMonths: { min: 1, max: 60, advised: 24 },
  /** Working Hours Act (Arbeidstijdenwet) norms; a dual contract is at most a full-time week. */
  hoursPerWeek: { min: 1, max: 40 },
  tuitionReimbursedPercent: { min: 0, max: 100 },
  /** WHW art. 7.7(5): supervision must be agreed; a cadence beyond half a year is no supervision. */
  progressMeetingEveryWeeks: { min: 1, max: 26 },
  workplaceVisitsPerYear: { min: 1 },
  noticeWeeks: { min: 0 },
  repaymentPercent: { min: 0, max: 100 },
  /** Benefit period of a repayment clause (Hoge Raad 1983, Muller/Van Opzeeland: stated, limited). */
  repaymentMonthsAfterGraduation: { min: 1, max: 60 },
} as const;

/**
 * Source citations shown with each rule, so a coordinator knows why a term is refused.
 */
export const SOURCES = {
  whw775: 'WHW art. 7.7(5) (minimum contents of a dual-programme agreement)',
  minimumWage:
    'Wet minimumloon en minimumvakantiebijslag; Rijksoverheid "Bedragen minimumloon 2026"',
  bw7611a: 'BW 7:611a (since 2022-08-01) and Hoge Raad 2025-09-26, ECLI:NL:HR:2025:1386',
  mullerVanOpzeeland: 'Hoge Raad 1983, Muller/Van Opzeeland (NJ 1984/140)',
  routeGuide: 'Mkb-route in het hbo, guide for companies (advice: a 24-month contract)',
  arbeidstijdenwet: 'Arbeidstijdenwet; a dual contract is at most a full-time week of 40 hours',
} as const;

/**
 * Statutory gross minimum HOURLY wage by age, per period (since 2024 the Netherlands has one
 * hourly minimum wage; monthly amounts follow from the contract hours).
 * Source: Rijksoverheid, "Bedragen minimumloon 2026" (and the 2025 pages for earlier periods),
 * https://www.rijksoverheid.nl/onderwerpen/minimumloon/bedragen-minimumloon/bedragen-minimumloon-2026
 * Youth percentages (Wet minimumloon art. 8 / Besluit): 21+ 100%, 20: 80%, 19: 60%, 18: 50%,
 * 17: 39.5%, 16: 34.5%, 15: 30%. Amounts in euro cents per hour, as published (rounded to the
 * cent by the ministry, so not recomputed from the percentages here).
 * The lower rates for a bbl contract (mbo work-based learning) do not apply: these are hbo routes.
 * Checked against the published tables (2025-01-01: €14.06; 2025-07-01: €14.40; 2026-01-01:
 * €14.71 and its youth amounts). The 2026-07-01 indexation is not known yet; add its row when
 * Rijksoverheid publishes it.
 */
export interface MinimumWagePeriod {
  effectiveFrom: string; // YYYY-MM-DD
  hourlyCentsByAge: Record<number, number>; // age 15..21; 21 means 21 and older
}

export const MINIMUM_WAGE_TABLE: readonly MinimumWagePeriod[] = [
  {
    effectiveFrom: '2025-01-01',
    hourlyCentsByAge: { 21: 1406, 20: 1125, 19: 844, 18: 703, 17: 555, 16: 485, 15: 422 },
  },
  {
    effectiveFrom: '2025-07-01',
    hourlyCentsByAge: { 21: 1440, 20: 1152, 19: 864, 18: 720, 17: 569, 16: 497, 15: 432 },
  },
  {
    effectiveFrom: '2026-01-01',
    hourlyCentsByAge: { 21: 1471, 20: 1177, 19: 883, 18: 736, 17: 581, 16: 507, 15: 441 },
  },
];

/** Average weeks per month (52 / 12) to turn an hourly wage and weekly hours into a month. */
export const WEEKS_PER_MONTH = 52 / 12;

export const ADULT_MINIMUM_WAGE_AGE = 21;
export const YOUNGEST_MINIMUM_WAGE_AGE = 15;
