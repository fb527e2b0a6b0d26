import { haversineKm } from './geo';
import { PreparedStudent, PreparedVacancy, prepareStudent, prepareVacancy } from './prepare';
import {
  EligibleEvaluation,
  Evaluation,
  ExclusionReason,
  ScoreComponent,
  StudentInput,
  VacancyInput,
  Weights,
} from './types';
import { COMPONENT_NAMES, resolveWeights, weightArray } from './weights';

export const COMPONENT_COUNT = COMPONENT_NAMES.length;

/** Neither rewarded nor punished: an unknown is placed between a perfect and a failing match. */
export const UNKNOWN = 0.5;

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Km between the two, or -1 when either location is unknown. */
export function pairDistance(s: PreparedStudent, v: PreparedVacancy): number {
  return s.point && v.point ? haversineKm(s.point, v.point) : -1;
}

/** In the fixed order of ExclusionReason; all of them, so a coordinator sees every obstacle at once. */
export function exclusionReasons(
  s: PreparedStudent,
  v: PreparedVacancy,
  distance: number,
): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  if (!v.programmeIds.has(s.programmeId)) reasons.push('programme_not_accepted');
  if (!startFits(s, v)) reasons.push('start_outside_window');
  if (distance > s.maxTravelKm) reasons.push('beyond_travel_distance');
  if (v.seats <= 0) reasons.push('no_capacity');
  return reasons;
}

export function startFits(s: PreparedStudent, v: PreparedVacancy): boolean {
  return s.startDay >= v.fromDay && s.startDay <= v.toDay;
}

/** exclusionReasons(...).length === 0 without the allocation, for the hot loop. */
export function isEligible(s: PreparedStudent, v: PreparedVacancy, distance: number): boolean {
  return (
    v.seats > 0 && startFits(s, v) && distance <= s.maxTravelKm && v.programmeIds.has(s.programmeId)
  );
}

/** Linear in the share of the student's own limit used: 20 km is fine for a 60 km traveller, not for a 20 km one. */
export function distanceValue(distance: number, maxTravelKm: number): number {
  if (distance < 0) return UNKNOWN;
  if (maxTravelKm <= 0) return distance <= 0 ? 1 : 0;
  return clamp01(1 - distance / maxTravelKm);
}

/** Relative gap, so 4 hours matter more on a 16-hour contract than on a 40-hour one. */
export function hoursValue(student: number, vacancy: number): number {
  const larger = Math.max(student, vacancy);
  if (larger <= 0) return 1;
  return clamp01(1 - Math.abs(student - vacancy) / larger);
}

/** Every day the student starts after the window opens is a day of the placement lost. */
export function startValue(startDay: number, fromDay: number, toDay: number): number {
  const span = toDay - fromDay;
  if (span <= 0) return 1;
  return clamp01(1 - (startDay - fromDay) / span);
}

/**
 * 1 for a sector the student asked for, 0 for one outside their interests, and the neutral 0.5
 * when either side leaves it open: a student who named the sector should outrank, in a
 * company's ordering, one who did not care, and an unclassified vacancy is not a mismatch.
 */
function sectorValue(sectors: Set<string> | null, sector: string | null): number {
  if (sectors === null || sector === null) return UNKNOWN;
  return sectors.has(sector) ? 1 : 0;
}

/** 1 for the first preference, 1/n for the last of n, 0 when not named. */
function preferenceValue(ranks: Map<string, number>, vacancyId: string): number {
  const rank = ranks.get(vacancyId);
  return rank === undefined ? 0 : 1 - rank / ranks.size;
}

/** Writes the component values of an eligible pair at out[offset .. offset + COMPONENT_COUNT). */
export function writeComponentValues(
  s: PreparedStudent,
  v: PreparedVacancy,
  distance: number,
  out: Float64Array,
  offset: number,
): void {
  out[offset] = distanceValue(distance, s.maxTravelKm);
  out[offset + 1] = hoursValue(s.hours, v.hours);
  out[offset + 2] = startValue(s.startDay, v.fromDay, v.toDay);
  out[offset + 3] = sectorValue(s.sectors, v.sector);
  out[offset + 4] = preferenceValue(s.preferenceRank, v.id);
}

/** The score from stored values, with exactly the operations of toEvaluation. */
export function scoreOf(values: Float64Array, offset: number, weights: Float64Array): number {
  let score = 0;
  for (let i = 0; i < COMPONENT_COUNT; i++) score += values[offset + i] * weights[i];
  return score;
}

/** The explanation is the score: both come out of one loop over the same numbers. */
export function toEvaluation(
  values: Float64Array,
  offset: number,
  weights: Float64Array,
): EligibleEvaluation {
  const components: ScoreComponent[] = [];
  let score = 0;
  for (let i = 0; i < COMPONENT_COUNT; i++) {
    const value = values[offset + i];
    const weight = weights[i];
    const contribution = value * weight;
    components.push({ name: COMPONENT_NAMES[i], value, weight, contribution });
    score += contribution;
  }
  return { eligible: true, score, components };
}

/**
 * Hard constraints first (all failing ones, in a fixed order), then the weighted components.
 * The weights are normalised to sum 1 (see resolveWeights), so the score is in [0, 1] and
 * equals the sum of the components' contributions, added in component order.
 */
export function evaluate(
  student: StudentInput,
  vacancy: VacancyInput,
  weights?: Weights,
): Evaluation {
  const w = weightArray(resolveWeights(weights));
  const s = prepareStudent(student);
  const v = prepareVacancy(vacancy);
  const distance = pairDistance(s, v);
  const reasons = exclusionReasons(s, v, distance);
  if (reasons.length) return { eligible: false, reasons };
  const values = new Float64Array(COMPONENT_COUNT);
  writeComponentValues(s, v, distance, values, 0);
  return toEvaluation(values, 0, w);
}
