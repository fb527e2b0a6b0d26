import { compareIds } from './order';
import { PreferenceLists } from './types';

/**
 * Preference lists as integer indices and typed arrays, the form the algorithm and the
 * verification run on. Entry e of student s (listStart[s] <= e < listStart[s + 1]) names the
 * vacancy listVacancy[e] and carries listRank[e], that vacancy's rank of s, so a proposal is
 * decided by comparing two numbers, with no lookup.
 */
export interface CompiledLists {
  studentIds: string[];
  vacancyIds: string[];
  studentIndex: Map<string, number>;
  vacancyIndex: Map<string, number>;
  capacity: Int32Array;
  listStart: Int32Array;
  listVacancy: Int32Array;
  listRank: Float64Array;
}

/** Lists built by buildPreferenceLists carry their compiled form; lists are not to be mutated. */
const compiledForm = new WeakMap<PreferenceLists, CompiledLists>();

export function attachCompiled(lists: PreferenceLists, compiled: CompiledLists): void {
  compiledForm.set(lists, compiled);
}

export function indexOf(ids: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  return index;
}

/** The compiled form: attached by buildPreferenceLists, or derived from the public fields. */
export function compile(lists: PreferenceLists): CompiledLists {
  const attached = compiledForm.get(lists);
  if (attached) return attached;
  const compiled = compileFromPublic(lists);
  compiledForm.set(lists, compiled);
  return compiled;
}

/** For hand-written lists (tests, replays): any vacancy named on a list but without a capacity has none. */
function compileFromPublic(lists: PreferenceLists): CompiledLists {
  const studentIds = [...lists.students.keys()].sort(compareIds);
  const vacancySet = new Set(lists.capacities.keys());
  for (const list of lists.students.values()) for (const v of list) vacancySet.add(v);
  const vacancyIds = [...vacancySet].sort(compareIds);
  const vacancyIndex = indexOf(vacancyIds);
  const capacity = Int32Array.from(vacancyIds, (v) =>
    Math.max(0, Math.floor(lists.capacities.get(v) ?? 0)),
  );
  const listStart = new Int32Array(studentIds.length + 1);
  const vacancies: number[] = [];
  const ranks: number[] = [];
  studentIds.forEach((s, i) => {
    for (const v of lists.students.get(s) ?? []) {
      vacancies.push(vacancyIndex.get(v) as number);
      ranks.push(lists.vacancyRank(v, s));
    }
    listStart[i + 1] = vacancies.length;
  });
  return {
    studentIds,
    vacancyIds,
    studentIndex: indexOf(studentIds),
    vacancyIndex,
    capacity,
    listStart,
    listVacancy: Int32Array.from(vacancies),
    listRank: Float64Array.from(ranks),
  };
}

/** The entry of vacancy v on student s's list, or -1. Lists are short (listLength), so a scan. */
export function findEntry(c: CompiledLists, s: number, v: number): number {
  for (let e = c.listStart[s], end = c.listStart[s + 1]; e < end; e++) {
    if (c.listVacancy[e] === v) return e;
  }
  return -1;
}
