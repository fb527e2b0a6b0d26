import { MatchingInputError } from './errors';
import { ComponentName, Weights } from './types';

/** The fixed order of components everywhere: in evaluations, in sums, in serialisations. */
export const COMPONENT_NAMES: readonly ComponentName[] = [
  'distance',
  'hours',
  'start',
  'sector',
  'preference',
];

/**
 * Why these numbers:
 *  - distance .35: the daily commute is what makes a work-study week (work days plus school
 *    days) sustainable or not, and the one criterion a student cannot adapt to; it dominates.
 *  - hours .20: the contract hours must fit the programme's study load; a few hours either way
 *    can be negotiated, a 16-hour gap cannot.
 *  - start .15, sector .15: a later start inside the window costs a few weeks, a sector outside
 *    the student's interests costs motivation; both matter, neither is decisive.
 *  - preference .15: the student's own ranking breaks near-ties between otherwise similar
 *    vacancies without letting one click outweigh an impossible commute.
 * They sum to exactly 1 in binary floating point, so they are used as given.
 */
export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  distance: 0.35,
  hours: 0.2,
  start: 0.15,
  sector: 0.15,
  preference: 0.15,
});

/** Below this distance from 1 a weight sum is a rounding artefact of decimal literals, kept as given. */
const SUM_TOLERANCE = 1e-9;

/**
 * The effective weights: normalised to sum 1 so a score is always in [0, 1] and comparable
 * across configurations ({2, 1, 1, 1, 1} means the same as {.333, .167, ...}). Weights that
 * already sum to 1 (within rounding) are kept as given, so the recorded configuration reads
 * back exactly as it was written.
 */
export function resolveWeights(weights: Weights = DEFAULT_WEIGHTS): Weights {
  let sum = 0;
  for (const name of COMPONENT_NAMES) {
    const w = weights[name];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new MatchingInputError(`weight ${name} must be a finite number >= 0, got ${String(w)}`);
    }
    sum += w;
  }
  if (sum <= 0) throw new MatchingInputError('at least one weight must be positive');
  const keep = Math.abs(sum - 1) <= SUM_TOLERANCE;
  const resolved = {} as Weights;
  for (const name of COMPONENT_NAMES) resolved[name] = keep ? weights[name] : weights[name] / sum;
  return resolved;
}

export function weightArray(weights: Weights): Float64Array {
  return Float64Array.from(COMPONENT_NAMES, (name) => weights[name]);
}
