import { createHash, type Hash } from 'node:crypto';
import { canonicalJson, sha256Hex } from './canonical';
import { deferredAcceptance } from './deferred-acceptance';
import { MatchingInputError } from './errors';
import { compareIds } from './order';
import { resolveListLength, resolveSeed } from './options';
import { compile, findEntry } from './compiled';
import { buildFromPrepared } from './preference-lists';
import { prepareAll } from './prepare';
import {
  DeferredAcceptanceResult,
  GeoPoint,
  MatchingAssignment,
  MatchingRun,
  PreferenceLists,
  RunOptions,
  StudentInput,
  VacancyInput,
  Weights,
} from './types';
import { verifyPrepared } from './verify';
import { resolveWeights } from './weights';

/**
 * Part of the input hash: a change to scoring or tie-breaking changes results for the same data,
 * so a stored run must not look reproducible by a later engine.
 */
export const ENGINE_VERSION = 'matching-engine/2';

const sorted = (ids: readonly string[]): string[] => [...ids].sort(compareIds);
const byId = (a: { id: string }, b: { id: string }): number => compareIds(a.id, b.id);

function finite(x: number): number {
  if (!Number.isFinite(x))
    throw new MatchingInputError('canonicalJson cannot represent a non-finite number');
  return x;
}

function canonicalPoint(p: GeoPoint | null): GeoPoint | null {
  return p && { latitude: finite(p.latitude), longitude: finite(p.longitude) };
}

/**
 * Only the fields the engine reads (callers may pass richer objects), set-like arrays sorted,
 * ranked ones (preferences, candidateRanking) kept in order. Keys are written in code-unit
 * order, so JSON.stringify of these objects is their canonicalJson, at a fraction of its cost.
 */
function canonicalStudent(s: StudentInput): unknown {
  return {
    hoursPerWeek: finite(s.hoursPerWeek),
    id: s.id,
    location: canonicalPoint(s.location),
    maxTravelKm: finite(s.maxTravelKm),
    preferences: s.preferences,
    programmeId: s.programmeId,
    sectors: sorted(s.sectors),
    startDate: s.startDate,
  };
}

function canonicalVacancy(v: VacancyInput): unknown {
  return {
    candidateRanking: v.candidateRanking,
    hoursPerWeek: finite(v.hoursPerWeek),
    id: v.id,
    location: canonicalPoint(v.location),
    openSeats: finite(v.openSeats),
    programmeIds: sorted(v.programmeIds),
    sector: v.sector,
    startWindow: { from: v.startWindow.from, to: v.startWindow.to },
  };
}

/** Appends `[item,item,...]` to the hash, a few hundred items per update. */
function hashArray<T>(hash: Hash, items: readonly T[], canonical: (item: T) => unknown): void {
  const CHUNK = 512;
  hash.update('[');
  for (let i = 0; i < items.length; i += CHUNK) {
    const part = items.slice(i, i + CHUNK).map((item) => JSON.stringify(canonical(item)));
    hash.update(i === 0 ? part.join(',') : `,${part.join(',')}`);
  }
  hash.update(']');
}

/**
 * SHA-256 of everything that determines a run's result, independent of input array order: the
 * canonicalJson of { engine, listLength, seed, students, vacancies, weights } (students and
 * vacancies by id), written out member by member in that (code-unit) order.
 */
export function matchingInputHash(
  students: readonly StudentInput[],
  vacancies: readonly VacancyInput[],
  options: { weights: Weights; seed: string; listLength: number },
): string {
  const hash = createHash('sha256');
  hash.update(
    `{"engine":${canonicalJson(ENGINE_VERSION)},"listLength":${canonicalJson(options.listLength)},` +
      `"seed":${canonicalJson(options.seed)},"students":`,
  );
  hashArray(hash, [...students].sort(byId), canonicalStudent);
  hash.update(',"vacancies":');
  hashArray(hash, [...vacancies].sort(byId), canonicalVacancy);
  hash.update(`,"weights":${canonicalJson(options.weights)}}`);
  return hash.digest('hex');
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

/** 0-based position of the vacancy on the student's list, from the compiled form. */
function positionOnList(lists: PreferenceLists, studentId: string, vacancyId: string): number {
  const c = compile(lists);
  const s = c.studentIndex.get(studentId)!;
  return findEntry(c, s, c.vacancyIndex.get(vacancyId)!) - c.listStart[s];
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
    const studentRank = positionOnList(lists, studentId, vacancyId) + 1;
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

/** Times each step into `phases` (when given) with the process clock; the result is untouched. */
function phaseTimer(phases: Record<string, number> | undefined) {
  let last = performance.now();
  return <T>(name: string, step: () => T): T => {
    const value = step();
    if (phases) {
      const now = performance.now();
      phases[name] = Math.round((now - last) * 10) / 10;
      last = now;
    }
    return value;
  };
}

/**
 * A whole-cohort run: preference lists, student-proposing deferred acceptance, a verification
 * that derives both sides' orders from the input on its own (verifyMatching), and the hashes
 * that let anyone re-run it and compare. The same input and seed give the same run, byte for
 * byte, whatever order the arrays come in.
 */
export function runMatching(
  students: StudentInput[],
  vacancies: VacancyInput[],
  options: RunOptions,
): MatchingRun {
  return stageMatching(students, vacancies, options).finish();
}

/** A run matched and explained, its verification and hashes still to do (finish). */
export interface StagedRun {
  /** In studentId (code-unit) order, as the finished run has them. */
  assignments: MatchingAssignment[];
  /**
   * Verification from the input, hashes and figures: the finished run. Apart so a caller can
   * start storing the assignments first and verify while they are stored, committing nothing
   * unless the verification holds.
   */
  finish(): MatchingRun;
}

/** runMatching up to the explained assignments; `finish()` completes it. */
export function stageMatching(
  students: StudentInput[],
  vacancies: VacancyInput[],
  options: RunOptions,
): StagedRun {
  const weights = resolveWeights(options.weights);
  const seed = resolveSeed(options.seed);
  const listLength = resolveListLength(options.listLength);
  const phase = phaseTimer(options.phases);
  const prepared = phase('prepareMs', () => prepareAll(students, vacancies));
  const lists = phase('listsMs', () => buildFromPrepared(prepared, { weights, seed, listLength }));
  const result = phase('deferredAcceptanceMs', () => deferredAcceptance(lists));
  const assignments = phase('explainMs', () => explainAssignments(lists, result));
  const finish = (): MatchingRun => {
    // The clock restarts here: time spent between stage and finish is the caller's.
    const after = phaseTimer(options.phases);
    const verification = after('verifyMs', () =>
      verifyPrepared(prepared, { weights, seed, listLength }, result.assignments),
    );
    const unmatched = sorted(result.unmatched);
    let seats = 0;
    for (const v of prepared.vacancies) seats += v.seats;
    const [inputHash, outputHash] = after('hashMs', () => [
      matchingInputHash(students, vacancies, { weights, seed, listLength }),
      matchingOutputHash(assignments, unmatched),
    ]);
    return {
      seed,
      weights,
      listLength,
      inputHash,
      outputHash,
      assignments,
      unmatched,
      stats: {
        students: prepared.students.length,
        seats,
        matched: assignments.length,
        unmatched: unmatched.length,
        proposals: result.proposals,
        blockingPairs: verification.blockingPairs.length,
        capacityViolations: verification.capacityViolations.length,
      },
    };
  };
  return { assignments, finish };
}
