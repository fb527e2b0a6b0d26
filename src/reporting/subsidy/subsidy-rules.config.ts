import type { CrohoSector, StudyMode } from '../../directory/programmes/programme.entity';

/**
 * The practical-learning subsidy (Subsidieregeling praktijkleren, run by RVO) per academic year:
 * which hbo programmes count, how many guided weeks earn the full amount, and the most it pays per
 * placement. Configuration, not code: the minister sets these per year, so every row is dated and
 * cites its source. From public sources, not legal advice.
 *
 * UPDATE YEARLY, when RVO publishes the next academic year's conditions (usually in spring, the
 * application window opens after 31 August): add a row for the new year after checking
 *  - the eligible CROHO sectors for hbo (dual and part-time programmes),
 *  - the number of weeks of guidance that earns the full amount (42 since the regulation began),
 *  - the maximum per placement (EUR 2,700; RVO pays less when the budget is oversubscribed, so
 *    the report shows a maximum, never a promise).
 * A year without a row is refused by the report (400), rather than guessed.
 */
export interface SubsidyYearRules {
  /** The academic year by its first calendar year: 2025 is 2025-09-01 .. 2026-08-31. */
  academicYear: number;
  /** CROHO sectors whose dual or part-time hbo programmes count. */
  eligibleSectors: readonly CrohoSector[];
  /** Study modes that count (an hbo programme must be dual or part-time). */
  eligibleStudyModes: readonly StudyMode[];
  /** Guided weeks that earn the full amount; fewer earn pro rata. */
  weeksForFullAmount: number;
  /** The most the subsidy pays per placement per academic year, in euro cents. */
  maxAmountCents: number;
  source: string;
}

const SOURCE =
  'RVO, Subsidieregeling praktijkleren (Staatscourant; rvo.nl/subsidies-financiering/praktijkleren): ' +
  'hbo duaal/deeltijd in de CROHO-sectoren techniek, landbouw en natuurlijke omgeving, ' +
  'gezondheidszorg en gedrag en maatschappij (the last two since 2019/2020); maximaal EUR 2.700 per ' +
  'praktijkleerplaats bij 42 weken begeleiding, naar rato bij minder weken';

/** Sectors since the 2019/2020 amendment added health care and behaviour & society to hbo. */
const HBO_SECTORS: readonly CrohoSector[] = [
  'technology',
  'agriculture_natural_environment',
  'health_care',
  'behaviour_society',
];

const YEAR = (academicYear: number): SubsidyYearRules => ({
  academicYear,
  eligibleSectors: HBO_SECTORS,
  eligibleStudyModes: ['dual', 'part_time'],
  weeksForFullAmount: 42,
  maxAmountCents: 270_000,
  source: SOURCE,
});

/** Checked against RVO's published conditions for these years; add the next one when published. */
export const SUBSIDY_RULES: readonly SubsidyYearRules[] = [YEAR(2023), YEAR(2024), YEAR(2025)];

export function subsidyRulesFor(academicYear: number): SubsidyYearRules | null {
  return SUBSIDY_RULES.find((r) => r.academicYear === academicYear) ?? null;
}
