import { addDays, daysBetween } from '@app/common';
import type { CrohoSector, StudyMode } from '../../directory/programmes/programme.entity';
import type { SubsidyYearRules } from './subsidy-rules.config';

/** Why a placement earns nothing; codes the report returns in `reasons`. */
export const INELIGIBILITY_REASONS = [
  'sector_not_eligible',
  'study_mode_not_eligible',
  'no_signed_agreement',
] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

export interface DateSpan {
  start: string;
  end: string;
}

/** The academic year by its first calendar year: 1 September to 31 August. */
export function academicYearSpan(year: number): DateSpan {
  return { start: `${year}-09-01`, end: `${year + 1}-08-31` };
}

/** The part shared by all spans (an end of null is open), or null when they share no day. */
export function intersect(...spans: { start: string; end: string | null }[]): DateSpan | null {
  const start = spans.map((s) => s.start).reduce((a, b) => (a > b ? a : b));
  const ends = spans.map((s) => s.end).filter((e): e is string => e !== null);
  if (ends.length === 0) return null;
  const end = ends.reduce((a, b) => (a < b ? a : b));
  return start <= end ? { start, end } : null;
}

/** Weeks in a span, counted by their Mondays (the guidance log's week key) inside it. */
export function weeksIn(span: DateSpan | null): number {
  if (!span) return 0;
  const offset = (8 - new Date(`${span.start}T00:00:00Z`).getUTCDay()) % 7;
  const firstMonday = addDays(span.start, offset);
  if (firstMonday > span.end) return 0;
  return Math.floor(daysBetween(firstMonday, span.end) / 7) + 1;
}

export interface PlacementFacts {
  crohoSector: CrohoSector | null;
  studyMode: StudyMode | null;
  /** A fully signed tripartite agreement was in force during the year. */
  signedAgreement: boolean;
  weeksGuided: number;
}

export interface SubsidyOutcome {
  /** min(weeksGuided, weeks for the full amount) / that number. */
  fraction: number;
  maxAmountCents: number;
  eligible: boolean;
  reasons: IneligibilityReason[];
}

/**
 * The most a placement can earn in the year: pro rata to its guided weeks, capped at the weeks
 * that earn the full amount, rounded to the cent; nothing, with every reason, when it does not
 * qualify. The amount is computed from whole numbers (max × weeks / full weeks) so the float
 * fraction never decides the rounding.
 */
export function subsidyOutcome(rules: SubsidyYearRules, facts: PlacementFacts): SubsidyOutcome {
  const reasons: IneligibilityReason[] = [];
  if (!facts.crohoSector || !rules.eligibleSectors.includes(facts.crohoSector))
    reasons.push('sector_not_eligible');
  if (!facts.studyMode || !rules.eligibleStudyModes.includes(facts.studyMode))
    reasons.push('study_mode_not_eligible');
  if (!facts.signedAgreement) reasons.push('no_signed_agreement');
  const weeks = Math.min(Math.max(facts.weeksGuided, 0), rules.weeksForFullAmount);
  const eligible = reasons.length === 0;
  return {
    fraction: weeks / rules.weeksForFullAmount,
    maxAmountCents: eligible
      ? Math.round((rules.maxAmountCents * weeks) / rules.weeksForFullAmount)
      : 0,
    eligible,
    reasons,
  };
}
