import { CompiledLists, compile } from './compiled';
import { DeferredAcceptanceResult, PreferenceLists } from './types';

/**
 * The seats of all vacancies in one pair of flat arrays; vacancy v owns the slots
 * seatStart[v] .. seatStart[v] + capacity[v]) and keeps them as a max-heap on rank, so its
 * least preferred holder, the one a better proposal displaces, is always at seatStart[v].
 */
class SeatHeaps {
  readonly seatStart: Int32Array;
  readonly size: Int32Array;
  readonly rank: Float64Array;
  readonly student: Int32Array;

  constructor(capacity: Int32Array) {
    this.seatStart = new Int32Array(capacity.length + 1);
    for (let v = 0; v < capacity.length; v++)
      this.seatStart[v + 1] = this.seatStart[v] + capacity[v];
    const seats = this.seatStart[capacity.length];
    this.size = new Int32Array(capacity.length);
    this.rank = new Float64Array(seats);
    this.student = new Int32Array(seats);
  }

  push(v: number, rank: number, student: number): void {
    const base = this.seatStart[v];
    let i = this.size[v]++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.rank[base + parent] >= rank) break;
      this.rank[base + i] = this.rank[base + parent];
      this.student[base + i] = this.student[base + parent];
      i = parent;
    }
    this.rank[base + i] = rank;
    this.student[base + i] = student;
  }

  /** Puts (rank, student) in place of the least preferred holder and returns that holder. */
  replaceWorst(v: number, rank: number, student: number): number {
    const base = this.seatStart[v];
    const n = this.size[v];
    const displaced = this.student[base];
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.rank[base + right] > this.rank[base + left] ? right : left;
      if (this.rank[base + child] <= rank) break;
      this.rank[base + i] = this.rank[base + child];
      this.student[base + i] = this.student[base + child];
      i = child;
    }
    this.rank[base + i] = rank;
    this.student[base + i] = student;
    return displaced;
  }
}

/**
 * Student-proposing deferred acceptance (Gale-Shapley) with capacities: each free student
 * proposes to the next vacancy on its list; a vacancy holds its best proposals up to its seats
 * and releases the worst when a better one arrives. The outcome is stable and the best stable
 * matching for every student, whatever order the free students propose in; so is the number
 * of proposals (every student proposes exactly down to its final partner).
 */
export function runDeferredAcceptance(c: CompiledLists): {
  vacancyOf: Int32Array;
  proposals: number;
} {
  const students = c.studentIds.length;
  const heaps = new SeatHeaps(c.capacity);
  const next = c.listStart.slice(0, students);
  const vacancyOf = new Int32Array(students).fill(-1);
  const free = new Int32Array(students);
  let freeCount = 0;
  for (let s = students - 1; s >= 0; s--) free[freeCount++] = s;
  let proposals = 0;
  while (freeCount > 0) {
    let s = free[--freeCount];
    while (s >= 0 && next[s] < c.listStart[s + 1]) {
      const e = next[s]++;
      const v = c.listVacancy[e];
      const rank = c.listRank[e];
      proposals++;
      if (heaps.size[v] < c.capacity[v]) {
        heaps.push(v, rank, s);
        vacancyOf[s] = v;
        s = -1;
      } else if (c.capacity[v] > 0 && rank < heaps.rank[heaps.seatStart[v]]) {
        const displaced = heaps.replaceWorst(v, rank, s);
        vacancyOf[s] = v;
        vacancyOf[displaced] = -1;
        // The displaced student continues right away, from where its list left off.
        s = displaced;
      }
    }
  }
  return { vacancyOf, proposals };
}

export function deferredAcceptance(lists: PreferenceLists): DeferredAcceptanceResult {
  const c = compile(lists);
  const { vacancyOf, proposals } = runDeferredAcceptance(c);
  const assignments = new Map<string, string>();
  const unmatched: string[] = [];
  c.studentIds.forEach((id, s) => {
    if (vacancyOf[s] >= 0) assignments.set(id, c.vacancyIds[vacancyOf[s]]);
    else unmatched.push(id);
  });
  return { assignments, unmatched, proposals };
}
