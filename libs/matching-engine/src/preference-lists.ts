import { CompiledLists, attachCompiled, findEntry, indexOf } from './compiled';
import { resolveListLength, resolveSeed } from './options';
import { PreparedInput, PreparedStudent, PreparedVacancy, prepareAll } from './prepare';
import { COMPONENT_COUNT, toEvaluation } from './score';
import { sortBy } from './sort';
import { Entries, rankStudents } from './student-lists';
import { tieBreaker } from './tie-break';
import { PreferenceListOptions, PreferenceLists, StudentInput, VacancyInput } from './types';
import { resolveWeights, weightArray } from './weights';

export { DEFAULT_LIST_LENGTH, resolveListLength, resolveSeed } from './options';

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
  return buildFromPrepared(prepareAll(students, vacancies), options);
}

/** buildPreferenceLists on input prepareAll made (a run prepares once for lists and verification). */
export function buildFromPrepared(
  prepared: PreparedInput,
  options: PreferenceListOptions,
): PreferenceLists {
  const weights = weightArray(resolveWeights(options.weights));
  const seed = resolveSeed(options.seed);
  const listLength = resolveListLength(options.listLength);
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
  // Built on first read: a run works on the compiled form, and 50,000 lists of id strings are
  // a quarter of a second of allocation it does not need.
  let students: Map<string, string[]> | undefined;
  const studentLists = (): Map<string, string[]> => {
    if (students) return students;
    students = new Map();
    for (let s = 0; s < c.studentIds.length; s++) {
      const list: string[] = [];
      for (let e = c.listStart[s]; e < c.listStart[s + 1]; e++)
        list.push(c.vacancyIds[c.listVacancy[e]]);
      students.set(c.studentIds[s], list);
    }
    return students;
  };
  const capacities = new Map<string, number>();
  c.vacancyIds.forEach((id, v) => capacities.set(id, c.capacity[v]));
  const entryOf = (studentId: string, vacancyId: string): number => {
    const s = c.studentIndex.get(studentId);
    const v = c.vacancyIndex.get(vacancyId);
    return s === undefined || v === undefined ? -1 : findEntry(c, s, v);
  };
  return {
    get students() {
      return studentLists();
    },
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
