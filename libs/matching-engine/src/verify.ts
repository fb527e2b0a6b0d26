import { compareIds } from './order';
import { resolveListLength, resolveSeed } from './options';
import { PreparedInput, prepareAll } from './prepare';
import { tieBreaker } from './tie-break';
import { StudentInput, VacancyInput, Verification, Weights } from './types';
import { ListDeriver } from './verify-lists';
import { resolveWeights, weightArray } from './weights';

export interface VerifyOptions {
  weights?: Weights;
  seed: string;
  listLength?: number;
}

/**
 * Checks a matching against the raw input, deriving both sides' orders on its own, straight
 * from the documented rules, so that a bug in the list builder shows up here instead of being
 * checked against itself. It shares with the builder only the parsing of the input, the pair
 * evaluation (hard constraints and score: the definition of acceptable and of a score, tested
 * on its own) and the lottery function; none of its indexing, selection or sorting (its own
 * derivation of the lists: verify-lists.ts).
 *
 *  - A student's order: the vacancies it ranked itself, in its order, that are acceptable; then
 *    the other acceptable vacancies by score (desc), lottery number, id; cut to listLength
 *    entries, never cutting a stated one. That list is what the student finds acceptable.
 *  - A vacancy's order: the students its company ranked, in that order; then by score (desc),
 *    the student's lottery number, id.
 *  - Capacity: no vacancy holds more students than open seats (an unknown vacancy has none).
 *  - Acceptability: every assignment is on the student's list (unlistedAssignments otherwise).
 *  - Stability: no student and vacancy on its list that it prefers to its assignment (or it is
 *    unmatched), where the vacancy has a free seat or holds a student it ranks below this one.
 */
export function verifyMatching(
  studentInputs: readonly StudentInput[],
  vacancyInputs: readonly VacancyInput[],
  options: VerifyOptions,
  assignments: ReadonlyMap<string, string>,
): Verification {
  return verifyPrepared(prepareAll(studentInputs, vacancyInputs), options, assignments);
}

/** verifyMatching on input prepareAll parsed (a run parses once for lists and verification). */
export function verifyPrepared(
  prepared: PreparedInput,
  options: VerifyOptions,
  assignments: ReadonlyMap<string, string>,
): Verification {
  const ctx = context(prepared, options);
  const { students, vacancies } = ctx;
  const held = new Int32Array(vacancies.length);
  const capacityViolations = new Set<string>();
  const unlistedAssignments: Verification['unlistedAssignments'] = [];
  const assigned = new Int32Array(students.length).fill(-1);
  // A vacancy holding someone not on its own terms (unknown, unacceptable, off the list) would
  // take anyone who lists it instead.
  const holdsUnlisted = new Uint8Array(vacancies.length);

  for (const [studentId, vacancyId] of assignments) {
    const v = ctx.vacancyIndex.get(vacancyId);
    const s = ctx.studentIndex.get(studentId);
    if (v === undefined) {
      capacityViolations.add(vacancyId);
      unlistedAssignments.push({ studentId, vacancyId });
      continue;
    }
    held[v]++;
    if (s === undefined) {
      holdsUnlisted[v] = 1;
      unlistedAssignments.push({ studentId, vacancyId });
    } else assigned[s] = v;
  }
  vacancies.forEach((v, i) => {
    if (held[i] > v.seats) capacityViolations.add(v.id);
  });

  // Per student, the vacancies it prefers to what it holds: entries [from[s], from[s + 1]).
  const preferred = { from: new Int32Array(students.length + 1), vacancy: [] as number[] };
  const preferredScore: number[] = [];
  const assignedScore = new Float64Array(students.length);
  students.forEach((_, s) => {
    const a = assigned[s];
    const derived = ctx.preferredOf(s, a);
    if (a >= 0) {
      if (derived.listed) assignedScore[s] = derived.assignedScore;
      else {
        holdsUnlisted[a] = 1;
        assigned[s] = -1;
        unlistedAssignments.push({ studentId: students[s].id, vacancyId: vacancies[a].id });
      }
    }
    for (let i = 0; i < derived.vacancy.length; i++) {
      preferred.vacancy.push(derived.vacancy[i]);
      preferredScore.push(derived.score[i]);
    }
    preferred.from[s + 1] = preferred.vacancy.length;
  });

  // Each vacancy's least preferred holder among those it ranks.
  const worst = new Int32Array(vacancies.length).fill(-1);
  students.forEach((_, s) => {
    const v = assigned[s];
    if (
      v >= 0 &&
      (worst[v] < 0 ||
        ctx.vacancyPrefers(v, worst[v], assignedScore[worst[v]], s, assignedScore[s]))
    )
      worst[v] = s;
  });

  const blockingPairs: Verification['blockingPairs'] = [];
  students.forEach((student, s) => {
    for (let e = preferred.from[s]; e < preferred.from[s + 1]; e++) {
      const v = preferred.vacancy[e];
      const w = worst[v];
      if (
        held[v] < vacancies[v].seats ||
        holdsUnlisted[v] ||
        (w >= 0 && ctx.vacancyPrefers(v, s, preferredScore[e], w, assignedScore[w]))
      ) {
        blockingPairs.push({ studentId: student.id, vacancyId: vacancies[v].id });
      }
    }
  });
  return { capacityViolations: [...capacityViolations], blockingPairs, unlistedAssignments };
}

/** The prepared input, both orders and the derived lists, for one check. */
function context({ students, vacancies }: PreparedInput, options: VerifyOptions) {
  const weights = weightArray(resolveWeights(options.weights));
  const lottery = tieBreaker(resolveSeed(options.seed));
  const listLength = resolveListLength(options.listLength);
  const studentIndex = new Map(students.map((s, i) => [s.id, i]));
  const vacancyIndex = new Map(vacancies.map((v, i) => [v.id, i]));
  const studentLottery = students.map((s) => lottery(s.id));
  const vacancyLottery = vacancies.map((v) => lottery(v.id));
  const lists = new ListDeriver(
    students,
    vacancies,
    vacancyIndex,
    vacancyLottery,
    weights,
    listLength,
  );

  /** Does vacancy v prefer student a (with its score there) to student b? */
  const vacancyPrefers = (v: number, a: number, scoreA: number, b: number, scoreB: number) => {
    const ranking = vacancies[v].candidateRank;
    const rankA = ranking.get(students[a].id) ?? Infinity;
    const rankB = ranking.get(students[b].id) ?? Infinity;
    if (rankA !== rankB) return rankA < rankB;
    if (scoreA !== scoreB) return scoreA > scoreB;
    if (studentLottery[a] !== studentLottery[b]) return studentLottery[a] < studentLottery[b];
    return compareIds(students[a].id, students[b].id) < 0;
  };

  return {
    students,
    vacancies,
    studentIndex,
    vacancyIndex,
    preferredOf: (s: number, a: number) => lists.preferredOf(s, a),
    vacancyPrefers,
  };
}
