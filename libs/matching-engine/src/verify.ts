import { compile, findEntry } from './compiled';
import { DeferredAcceptanceResult, PreferenceLists, Verification } from './types';

/**
 * Checks a matching against the lists, independently of how it was produced: capacities, that
 * every student holds a vacancy from its own list, and stability. A blocking pair is a student
 * and a vacancy on its list that it prefers to its assignment (or it is unmatched), where the
 * vacancy has a free seat or holds a student it ranks below this one.
 */
export function verifyMatching(
  lists: PreferenceLists,
  result: DeferredAcceptanceResult,
): Verification {
  const c = compile(lists);
  const vacancies = c.vacancyIds.length;
  const held = new Int32Array(vacancies);
  const worstHeld = new Float64Array(vacancies).fill(-Infinity);
  // Position on the student's own list of its assignment; past the end when it has none.
  const assignedEntry = Int32Array.from(c.studentIds, (_, s) => c.listStart[s + 1]);
  const overfull = new Set<string>();
  const unlistedAssignments: Verification['unlistedAssignments'] = [];

  for (const [studentId, vacancyId] of result.assignments) {
    const v = c.vacancyIndex.get(vacancyId);
    const s = c.studentIndex.get(studentId);
    if (v === undefined) {
      overfull.add(vacancyId);
      unlistedAssignments.push({ studentId, vacancyId });
      continue;
    }
    held[v]++;
    const e = s === undefined ? -1 : findEntry(c, s, v);
    // Someone the vacancy never ranked is worse to it than anyone who listed it.
    worstHeld[v] = Math.max(worstHeld[v], e < 0 ? Infinity : c.listRank[e]);
    if (e < 0) unlistedAssignments.push({ studentId, vacancyId });
    else assignedEntry[s as number] = e;
  }

  const capacityViolations = c.vacancyIds.filter((_, v) => held[v] > c.capacity[v]);
  for (const id of overfull) capacityViolations.push(id);

  const blockingPairs: Verification['blockingPairs'] = [];
  c.studentIds.forEach((studentId, s) => {
    for (let e = c.listStart[s]; e < assignedEntry[s]; e++) {
      const v = c.listVacancy[e];
      if (held[v] < c.capacity[v] || c.listRank[e] < worstHeld[v]) {
        blockingPairs.push({ studentId, vacancyId: c.vacancyIds[v] });
      }
    }
  });
  return { capacityViolations, blockingPairs, unlistedAssignments };
}
