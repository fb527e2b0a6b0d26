/**
 * Matching students to learning workplaces: pure functions, no I/O.
 *
 *  - evaluate(student, vacancy, weights): hard constraints (all failing reasons, fixed order:
 *    programme_not_accepted, start_outside_window, beyond_travel_distance, no_capacity), else a
 *    score that is the sum of five weighted components in [0, 1] (distance, hours, start,
 *    sector, preference). Weights are normalised to sum 1 (weights already summing to 1 are kept
 *    as given), so every score is in [0, 1]; each component records the weight it used.
 *  - buildPreferenceLists: each student's list is first the vacancies it ranked itself
 *    (preferences), in its order, as far as they are eligible; then its other eligible vacancies
 *    by score, equal scores by the vacancy's seeded lottery number then id; cut to listLength
 *    entries, never cutting a stated one. Each vacancy's priority over the students listing it:
 *    its candidateRanking, in that order, then score, the student's lottery number, id. One
 *    lottery number per id and run (single tie-breaking). Scores still explain every entry.
 *  - deferredAcceptance: student-proposing, with capacities; stable and student-optimal.
 *  - verifyMatching: from the raw input, not the lists: derives both orders by the rules above
 *    on its own, then checks capacities, acceptability and blocking pairs.
 *  - runMatching: all of the above plus inputHash/outputHash (SHA-256 of canonical JSON).
 * Ids are ordered by UTF-16 code units (`<`), never by locale.
 */
export { canonicalJson, sha256Hex } from './canonical';
export { deferredAcceptance } from './deferred-acceptance';
export { MatchingInputError } from './errors';
export { distanceKm, EARTH_RADIUS_KM } from './geo';
export { DEFAULT_LIST_LENGTH } from './options';
export { buildPreferenceLists } from './preference-lists';
export {
  ENGINE_VERSION,
  matchingInputHash,
  matchingOutputHash,
  runMatching,
  stageMatching,
} from './run';
export type { StagedRun } from './run';
export { evaluate } from './score';
export { orderShortlist } from './shortlist';
export type { ExcludedStated, ShortlistCandidate, ShortlistEntry } from './shortlist';
export { seededTieBreak } from './tie-break';
export type * from './types';
export { verifyMatching } from './verify';
export { COMPONENT_NAMES, DEFAULT_WEIGHTS, resolveWeights } from './weights';
