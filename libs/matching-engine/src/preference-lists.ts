import { CompiledLists, attachCompiled, findEntry, indexOf } from './compiled';
import { VacancyIndex } from './grid';
import { GrowableFloat64, GrowableInt32 } from './growable';
import { resolveListLength, resolveSeed } from './options';
import { compareIds } from './order';
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
  toEvaluation,
  writeComponentValues,
} from './score';
import { sortBy } from './sort';
import { tieBreaker } from './tie-break';
import { PreferenceListOptions, PreferenceLists, StudentInput, VacancyInput } from './types';
import { resolveWeights, weightArray } from './weights';

export { DEFAULT_LIST_LENGTH, resolveListLength, resolveSeed } from './options';

/** Parsed, validated and in id order, so nothing downstream depends on the order of the input. */
export function prepareAll(
  students: readonly StudentInput[],
  vacancies: readonly VacancyInput[],
): { students: PreparedStudent[]; vacancies: PreparedVacancy[] } {
  const s = students.map(prepareStudent).sort((a, b) => compareIds(a.id, b.id));
  const v = vacancies.map(prepareVacancy).sort((a, b) => compareIds(a.id, b.id));
  assertUniqueIds(s, 'student');
  assertUniqueIds(v, 'vacancy');
  return { students: s, vacancies: v };
}

/** The entries of all students' lists, flat; per entry its vacancy, score and component values. */
interface Entries {
  listStart: Int32Array;
  vacancy: Int32Array;
  student: Int32Array;
  score: Float64Array;
  values: Float64Array;
}

/**
 * The best `limit` (<= top.length) of candidates 0 .. k-1, best first, into top; returns how
 * many. An insertion into a bounded sorted window: a list is short (20) and most candidates fall
 * behind its last entry after one comparison, so this beats sorting all of them.
 */
function selectTop(
  k: number,
  top: Int32Array,
  limit: number,
  ahead: (a: number, b: number) => boolean,
): number {
  if (limit <= 0) return 0;
  let m = 0;
  for (let i = 0; i < k; i++) {
    if (m === limit && !ahead(i, top[m - 1])) continue;
    let j = m < limit ? m++ : m - 1;
    while (j > 0 && ahead(i, top[j - 1])) {
      top[j] = top[j - 1];
      j--;
    }
    top[j] = i;
  }
  return m;
}

/**
 * Each student's list. Head: the vacancies the student ranked itself, in its order, those that
 * are acceptable (hard constraints hold; a stated vacancy that is not stays off the list). Tail:
 * the other acceptable vacancies by score (desc), equal scores by the vacancy's lottery number,
 * then by id (vacancies are in id order, so by index), up to listLength entries in all. The cut
 * never drops a stated vacancy: what a student said outranks what the platform computed.
 */
function rankStudents(
  students: readonly PreparedStudent[],
  vacancies: readonly PreparedVacancy[],
  vacancyIndex: Map<string, number>,
  weights: Float64Array,
  lottery: Uint32Array,
  listLength: number,
): Entries {
  const index = new VacancyIndex(vacancies);
  const found = new Int32Array(vacancies.length);
  const candidate = new Int32Array(vacancies.length);
  const score = new Float64Array(vacancies.length);
  const values = new Float64Array(vacancies.length * COMPONENT_COUNT);
  // statedBy[v] === si: v is on the head of student si's list, so its tail skips it.
  const statedBy = new Int32Array(vacancies.length).fill(-1);
  // Is candidate a ahead of candidate b? Inlined by V8, unlike a comparator called from sort().
  const ahead = (a: number, b: number): boolean =>
    score[a] !== score[b]
      ? score[a] > score[b]
      : lottery[candidate[a]] !== lottery[candidate[b]]
        ? lottery[candidate[a]] < lottery[candidate[b]]
        : candidate[a] < candidate[b];
  const listStart = new Int32Array(students.length + 1);
  // A guess from the typical run (lists mostly full); the buffers grow when it is short.
  const expected = students.length * Math.min(listLength, vacancies.length, 32);
  const out = {
    vacancy: new GrowableInt32(expected),
    student: new GrowableInt32(expected),
    score: new GrowableFloat64(expected),
    values: new GrowableFloat64(expected * COMPONENT_COUNT),
  };
  const push = (si: number, vi: number, at: number, entryScore: number): void => {
    out.vacancy.push(vi);
    out.student.push(si);
    out.score.push(entryScore);
    for (let c = 0; c < COMPONENT_COUNT; c++) out.values.push(values[at + c]);
  };
  const top = new Int32Array(Math.min(listLength, vacancies.length));
  students.forEach((s, si) => {
    let head = 0;
    // Map order is the stated order, repeats dropped (prepareStudent).
    for (const id of s.preferenceRank.keys()) {
      const vi = vacancyIndex.get(id);
      if (vi === undefined) continue;
      const v = vacancies[vi];
      if (!startFits(s, v)) continue;
      const distance = pairDistance(s, v);
      if (!isEligible(s, v, distance)) continue;
      writeComponentValues(s, v, distance, values, 0);
      push(si, vi, 0, scoreOf(values, 0, weights));
      statedBy[vi] = si;
      head++;
    }
    const n = index.collect(s, found);
    let k = 0;
    for (let j = 0; j < n; j++) {
      if (statedBy[found[j]] === si) continue;
      const v = vacancies[found[j]];
      // The start date is a cheaper test than a distance and rules out many of the travel box.
      if (!startFits(s, v)) continue;
      const distance = pairDistance(s, v);
      if (!isEligible(s, v, distance)) continue;
      writeComponentValues(s, v, distance, values, k * COMPONENT_COUNT);
      score[k] = scoreOf(values, k * COMPONENT_COUNT, weights);
      candidate[k++] = found[j];
    }
    const m = selectTop(k, top, Math.min(top.length, listLength - head), ahead);
    for (let r = 0; r < m; r++)
      push(si, candidate[top[r]], top[r] * COMPONENT_COUNT, score[top[r]]);
    listStart[si + 1] = out.vacancy.length;
  });
  return {
    listStart,
    vacancy: out.vacancy.toArray(),
    student: out.student.toArray(),
    score: out.score.toArray(),
    values: out.values.toArray(),
  };
}

/**
 * The vacancy's rank of each entry's student among all students listing it: the company's own
 * ranking first, in its order, then by score (desc), the student's lottery number, and id.
 * Students who did not list the vacancy never propose to it, so they need no rank.
 */
function rankAtVacancies(
  entries: Entries,
  vacancies: readonly PreparedVacancy[],
  students: readonly PreparedStudent[],
  lottery: Uint32Array,
): Float64Array {
  const total = entries.vacancy.length;
  const start = new Int32Array(vacancies.length + 1);
  for (let e = 0; e < total; e++) start[entries.vacancy[e] + 1]++;
  for (let v = 0; v < vacancies.length; v++) start[v + 1] += start[v];
  const fill = start.slice(0, vacancies.length);
  const byVacancy = new Int32Array(total);
  for (let e = 0; e < total; e++) byVacancy[fill[entries.vacancy[e]]++] = e;

  const rank = new Float64Array(total);
  // Not ranked by the company: after every ranked student.
  const companyRank = new Float64Array(total).fill(total);
  const { score, student } = entries;
  const ahead = (a: number, b: number): boolean =>
    companyRank[a] !== companyRank[b]
      ? companyRank[a] < companyRank[b]
      : score[a] !== score[b]
        ? score[a] > score[b]
        : lottery[student[a]] !== lottery[student[b]]
          ? lottery[student[a]] < lottery[student[b]]
          : student[a] < student[b];
  for (let v = 0; v < vacancies.length; v++) {
    const ranking = vacancies[v].candidateRank;
    if (ranking.size) {
      for (let i = start[v]; i < start[v + 1]; i++) {
        const e = byVacancy[i];
        companyRank[e] = ranking.get(students[student[e]].id) ?? total;
      }
    }
    sortBy(byVacancy, start[v], start[v + 1], ahead);
    for (let i = start[v]; i < start[v + 1]; i++) rank[byVacancy[i]] = i - start[v];
  }
  return rank;
}

/**
 * Every student's ranked list of eligible vacancies and every vacancy's priority over the
 * students listing it, for one run (weights, seed, listLength).
 */
export function buildPreferenceLists(
  students: StudentInput[],
  vacancies: VacancyInput[],
  options: PreferenceListOptions,
): PreferenceLists {
  const weights = weightArray(resolveWeights(options.weights));
  const seed = resolveSeed(options.seed);
  const listLength = resolveListLength(options.listLength);
  const prepared = prepareAll(students, vacancies);
  const ps = prepared.students;
  const pv = prepared.vacancies;
  const tie = tieBreaker(seed);
  const vacancyLottery = Uint32Array.from(pv, (v) => tie(v.id));
  const studentLottery = Uint32Array.from(ps, (s) => tie(s.id));
  const vacancyIndex = indexOf(pv.map((v) => v.id));
  const entries = rankStudents(ps, pv, vacancyIndex, weights, vacancyLottery, listLength);
  const compiled: CompiledLists = {
    studentIds: ps.map((s) => s.id),
    vacancyIds: pv.map((v) => v.id),
    studentIndex: indexOf(ps.map((s) => s.id)),
    vacancyIndex,
    capacity: Int32Array.from(pv, (v) => v.seats),
    listStart: entries.listStart,
    listVacancy: entries.vacancy,
    listRank: rankAtVacancies(entries, pv, ps, studentLottery),
  };
  const lists = publicView(compiled, entries, weights);
  attachCompiled(lists, compiled);
  return lists;
}

function publicView(c: CompiledLists, entries: Entries, weights: Float64Array): PreferenceLists {
  const students = new Map<string, string[]>();
  c.studentIds.forEach((id, s) => {
    const list: string[] = [];
    for (let e = c.listStart[s]; e < c.listStart[s + 1]; e++)
      list.push(c.vacancyIds[c.listVacancy[e]]);
    students.set(id, list);
  });
  const capacities = new Map<string, number>();
  c.vacancyIds.forEach((id, v) => capacities.set(id, c.capacity[v]));
  const entryOf = (studentId: string, vacancyId: string): number => {
    const s = c.studentIndex.get(studentId);
    const v = c.vacancyIndex.get(vacancyId);
    return s === undefined || v === undefined ? -1 : findEntry(c, s, v);
  };
  return {
    students,
    capacities,
    vacancyRank: (vacancyId, studentId) => {
      const e = entryOf(studentId, vacancyId);
      return e < 0 ? Infinity : c.listRank[e];
    },
    evaluation: (studentId, vacancyId) => {
      const e = entryOf(studentId, vacancyId);
      return e < 0 ? undefined : toEvaluation(entries.values, e * COMPONENT_COUNT, weights);
    },
  };
}
