import { canonicalJson, sha256Hex } from './canonical';
import { deferredAcceptance } from './deferred-acceptance';
import { compareIds } from './order';
import { buildPreferenceLists, resolveListLength, resolveSeed } from './preference-lists';
import {
  DeferredAcceptanceResult,
  MatchingAssignment,
  MatchingRun,
  PreferenceListOptions,
  PreferenceLists,
  StudentInput,
  VacancyInput,
  Weights,
} from './types';
import { verifyMatching } from './verify';
import { resolveWeights } from './weights';

/**
 * Part of the input hash: a change to scoring or tie-breaking changes results for the same data,
 * so a stored run must not look reproducible by a later engine.
 */
export const ENGINE_VERSION = 'matching-engine/1';

const sorted = (ids: readonly string[]): string[] => [...ids].sort(compareIds);
const byId = (a: { id: string }, b: { id: string }): number => compareIds(a.id, b.id);

/**
 * Only the fields the engine reads (callers may pass richer objects), set-like arrays sorted,
 * ranked ones (preferences, candidateRanking) kept in order.
 */
function canonicalStudent(s: StudentInput): unknown {
  return {
    id: s.id,
    programmeId: s.programmeId,
    startDate: s.startDate,
    location: s.location && { latitude: s.location.latitude, longitude: s.location.longitude },
    maxTravelKm: s.maxTravelKm,
    hoursPerWeek: s.hoursPerWeek,
    sectors: sorted(s.sectors),
    preferences: s.preferences,
  };
}

function canonicalVacancy(v: VacancyInput): unknown {
  return {
    id: v.id,
    programmeIds: sorted(v.programmeIds),
    openSeats: v.openSeats,
    hoursPerWeek: v.hoursPerWeek,
    startWindow: { from: v.startWindow.from, to: v.startWindow.to },
    location: v.location && { latitude: v.location.latitude, longitude: v.location.longitude },
    sector: v.sector,
    candidateRanking: v.candidateRanking,
  };
}

/** SHA-256 of everything that determines a run's result, independent of input array order. */
export function matchingInputHash(
  students: readonly StudentInput[],
  vacancies: readonly VacancyInput[],
  options: { weights: Weights; seed: string; listLength: number },
): string {
  return sha256Hex(
    canonicalJson({
      engine: ENGINE_VERSION,
      seed: options.seed,
      weights: options.weights,
      listLength: options.listLength,
      students: [...students].sort(byId).map(canonicalStudent),
      vacancies: [...vacancies].sort(byId).map(canonicalVacancy),
    }),
  );
}

/** SHA-256 of who goes where: (student, vacancy) pairs by student id, then the unmatched, sorted. */
export function matchingOutputHash(
  assignments: ReadonlyArray<{ studentId: string; vacancyId: string }>,
  unmatched: readonly string[],
): string {
  const pairs = [...assignments]
    .sort((a, b) => compareIds(a.studentId, b.studentId))
    .map(({ studentId, vacancyId }) => [studentId, vacancyId]);
  return sha256Hex(canonicalJson({ assignments: pairs, unmatched: sorted(unmatched) }));
}

function explainAssignments(
  lists: PreferenceLists,
  result: DeferredAcceptanceResult,
): MatchingAssignment[] {
  const assignments: MatchingAssignment[] = [];
  for (const studentId of sorted([...result.assignments.keys()])) {
    const vacancyId = result.assignments.get(studentId) as string;
    const evaluation = lists.evaluation(studentId, vacancyId);
    if (!evaluation)
      throw new Error(`assignment ${studentId} -> ${vacancyId} is not on the student's list`);
    const studentRank = (lists.students.get(studentId) ?? []).indexOf(vacancyId) + 1;
    assignments.push({
      studentId,
      vacancyId,
      score: evaluation.score,
      components: evaluation.components,
      studentRank,
    });
  }
  return assignments;
}

/**
 * A whole-cohort run: preference lists, student-proposing deferred acceptance, its own
 * verification, and the hashes that let anyone re-run it and compare. The same input and seed
 * give the same run, byte for byte, whatever order the arrays come in.
 */
export function runMatching(
  students: StudentInput[],
  vacancies: VacancyInput[],
  options: PreferenceListOptions,
): MatchingRun {
  const weights = resolveWeights(options.weights);
  const seed = resolveSeed(options.seed);
  const listLength = resolveListLength(options.listLength);
  const lists = buildPreferenceLists(students, vacancies, { weights, seed, listLength });
  const result = deferredAcceptance(lists);
  const verification = verifyMatching(lists, result);
  const assignments = explainAssignments(lists, result);
  const unmatched = sorted(result.unmatched);
  let seats = 0;
  for (const capacity of lists.capacities.values()) seats += capacity;
  return {
    seed,
    weights,
    listLength,
    inputHash: matchingInputHash(students, vacancies, { weights, seed, listLength }),
    outputHash: matchingOutputHash(assignments, unmatched),
    assignments,
    unmatched,
    stats: {
      students: lists.students.size,
      seats,
      matched: assignments.length,
      unmatched: unmatched.length,
      proposals: result.proposals,
      blockingPairs: verification.blockingPairs.length,
      capacityViolations: verification.capacityViolations.length,
    },
  };
}
