import { EARTH_RADIUS_KM } from './geo';
import { compareIds } from './order';
import { resolveListLength, resolveSeed } from './options';
import {
  PreparedStudent,
  PreparedVacancy,
  assertUniqueIds,
  prepareStudent,
  prepareVacancy,
} from './prepare';
import {
  COMPONENT_COUNT,
  isEligible,
  pairDistance,
  scoreOf,
  startFits,
  writeComponentValues,
} from './score';
import { tieBreaker } from './tie-break';
import { StudentInput, VacancyInput, Verification, Weights } from './types';
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
 * on its own) and the lottery function; none of its indexing, selection or sorting.
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
  const ctx = context(studentInputs, vacancyInputs, options);
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
    const list = ctx.listOf(s);
    const a = assigned[s];
    let end = list.vacancy.length;
    if (a >= 0) {
      const at = list.vacancy.indexOf(a);
      if (at < 0) {
        holdsUnlisted[a] = 1;
        assigned[s] = -1;
        unlistedAssignments.push({ studentId: students[s].id, vacancyId: vacancies[a].id });
      } else {
        end = at;
        assignedScore[s] = list.score[at];
      }
    }
    for (let i = 0; i < end; i++) {
      preferred.vacancy.push(list.vacancy[i]);
      preferredScore.push(list.score[i]);
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

interface DerivedList {
  vacancy: number[];
  score: number[];
}

/** The prepared input, the pair score, both orders and the candidate search, for one check. */
function context(
  studentInputs: readonly StudentInput[],
  vacancyInputs: readonly VacancyInput[],
  options: VerifyOptions,
) {
  const weights = weightArray(resolveWeights(options.weights));
  const lottery = tieBreaker(resolveSeed(options.seed));
  const listLength = resolveListLength(options.listLength);
  const students = studentInputs.map(prepareStudent).sort((a, b) => compareIds(a.id, b.id));
  const vacancies = vacancyInputs.map(prepareVacancy);
  assertUniqueIds(students, 'student');
  assertUniqueIds(vacancies, 'vacancy');
  const studentIndex = new Map(students.map((s, i) => [s.id, i]));
  const vacancyIndex = new Map(vacancies.map((v, i) => [v.id, i]));
  const studentLottery = students.map((s) => lottery(s.id));
  const vacancyLottery = vacancies.map((v) => lottery(v.id));
  const band = new LatitudeBands(vacancies);
  const found = new Int32Array(vacancies.length);
  const values = new Float64Array(COMPONENT_COUNT);

  /** The score of an acceptable pair; NaN when a hard constraint fails. */
  const scoreOfPair = (s: PreparedStudent, v: PreparedVacancy): number => {
    if (!startFits(s, v)) return NaN;
    const distance = pairDistance(s, v);
    if (!isEligible(s, v, distance)) return NaN;
    writeComponentValues(s, v, distance, values, 0);
    return scoreOf(values, 0, weights);
  };

  // Scratch for listOf: which student stated a vacancy, and one student's other candidates.
  const statedBy = new Int32Array(vacancies.length).fill(-1);
  const otherVacancy = new Int32Array(vacancies.length);
  const otherScore = new Float64Array(vacancies.length);
  const studentOrder = (a: number, b: number): number =>
    otherScore[b] - otherScore[a] ||
    vacancyLottery[otherVacancy[a]] - vacancyLottery[otherVacancy[b]] ||
    compareIds(vacancies[otherVacancy[a]].id, vacancies[otherVacancy[b]].id);

  /** The student's list, derived by the rule, with the score of each entry. */
  const listOf = (s: number): DerivedList => {
    const student = students[s];
    const list: DerivedList = { vacancy: [], score: [] };
    for (const id of student.preferenceRank.keys()) {
      const v = vacancyIndex.get(id);
      const score = v === undefined ? NaN : scoreOfPair(student, vacancies[v]);
      if (v === undefined || Number.isNaN(score)) continue;
      list.vacancy.push(v);
      list.score.push(score);
      statedBy[v] = s;
    }
    let others = 0;
    for (let i = 0, n = band.collect(student, found); i < n; i++) {
      const v = found[i];
      if (statedBy[v] === s) continue;
      const score = scoreOfPair(student, vacancies[v]);
      if (Number.isNaN(score)) continue;
      otherVacancy[others] = v;
      otherScore[others++] = score;
    }
    const order = Array.from({ length: others }, (_, i) => i).sort(studentOrder);
    const room = Math.min(others, listLength - list.vacancy.length);
    for (let i = 0; i < room; i++) {
      list.vacancy.push(otherVacancy[order[i]]);
      list.score.push(otherScore[order[i]]);
    }
    return list;
  };

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

  return { students, vacancies, studentIndex, vacancyIndex, listOf, vacancyPrefers };
}

const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;
/** Rounding slack, so a pair at exactly the travel limit is never left out of the search. */
const BAND_MARGIN_DEG = 1e-6;

/**
 * The verifier's own candidate search, simpler than the builder's grid and complete by a
 * one-line argument: a great circle spans at least the latitude difference of its ends, so a
 * vacancy more than maxTravelKm / KM_PER_DEGREE degrees of latitude away is out of reach.
 * Per programme, located vacancies with a seat sorted by latitude; unlocated ones always.
 */
class LatitudeBands {
  private readonly byProgramme = new Map<
    string,
    { latitude: Float64Array; vacancy: Int32Array; unlocated: number[]; all: number[] }
  >();

  constructor(vacancies: readonly PreparedVacancy[]) {
    const grouped = new Map<string, number[]>();
    vacancies.forEach((v, i) => {
      if (v.seats <= 0) return;
      for (const p of v.programmeIds) {
        const members = grouped.get(p);
        if (members) members.push(i);
        else grouped.set(p, [i]);
      }
    });
    for (const [programmeId, all] of grouped) {
      const located = all
        .filter((i) => vacancies[i].location)
        .sort((a, b) => vacancies[a].location!.latitude - vacancies[b].location!.latitude);
      this.byProgramme.set(programmeId, {
        latitude: Float64Array.from(located, (i) => vacancies[i].location!.latitude),
        vacancy: Int32Array.from(located),
        unlocated: all.filter((i) => !vacancies[i].location),
        all,
      });
    }
  }

  /** Writes the indices of the vacancies that may be within reach into out; returns how many. */
  collect(s: PreparedStudent, out: Int32Array): number {
    const p = this.byProgramme.get(s.programmeId);
    if (!p) return 0;
    if (!s.location) return copy(p.all, out, 0);
    let n = copy(p.unlocated, out, 0);
    const reach = s.maxTravelKm / KM_PER_DEGREE + BAND_MARGIN_DEG;
    const from = s.location.latitude - reach;
    const to = s.location.latitude + reach;
    let lo = 0;
    let hi = p.latitude.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (p.latitude[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < p.latitude.length && p.latitude[i] <= to; i++) out[n++] = p.vacancy[i];
    return n;
  }
}

function copy(from: readonly number[], out: Int32Array, at: number): number {
  for (let i = 0; i < from.length; i++) out[at + i] = from[i];
  return at + from.length;
}
