import { deferredAcceptance } from './deferred-acceptance';
import { buildPreferenceLists } from './preference-lists';
import { int, listsFrom, randomInstance, referenceLists, rng, shuffle } from './spec-helpers';
import { PreferenceLists, StudentInput, VacancyInput } from './types';
import { verifyMatching } from './verify';

/** A matching as studentId -> vacancyId | null. */
type Matching = Map<string, string | null>;

interface Instance {
  lists: PreferenceLists;
  studentIds: string[];
  vacancyIds: string[];
  /** The data the lists were built from, for the verifier (which reads only that). */
  raw?: {
    students: StudentInput[];
    vacancies: VacancyInput[];
    options: { seed: string; listLength: number };
  };
}

/** Independent of the engine: capacity and no blocking pair, straight from the definition. */
function isStable(inst: Instance, m: Matching): boolean {
  const { lists } = inst;
  const holders = new Map<string, string[]>(inst.vacancyIds.map((v) => [v, []]));
  for (const [s, v] of m) if (v !== null) holders.get(v)!.push(s);
  for (const [v, held] of holders) if (held.length > (lists.capacities.get(v) ?? 0)) return false;
  for (const s of inst.studentIds) {
    const list = lists.students.get(s)!;
    const current = m.get(s) ?? null;
    const limit = current === null ? list.length : list.indexOf(current);
    for (const v of list.slice(0, limit)) {
      const held = holders.get(v)!;
      if (held.length < (lists.capacities.get(v) ?? 0)) return false;
      if (held.some((t) => lists.vacancyRank(v, s) < lists.vacancyRank(v, t))) return false;
    }
  }
  return true;
}

/** Every matching that respects capacities and lists, stable or not. */
function allMatchings(inst: Instance): Matching[] {
  const out: Matching[] = [];
  const seats = new Map(inst.vacancyIds.map((v) => [v, inst.lists.capacities.get(v) ?? 0]));
  const current: Matching = new Map();
  const visit = (i: number): void => {
    if (i === inst.studentIds.length) {
      out.push(new Map(current));
      return;
    }
    const s = inst.studentIds[i];
    current.set(s, null);
    visit(i + 1);
    for (const v of inst.lists.students.get(s)!) {
      if (seats.get(v)! <= 0) continue;
      seats.set(v, seats.get(v)! - 1);
      current.set(s, v);
      visit(i + 1);
      seats.set(v, seats.get(v)! + 1);
    }
    current.delete(s);
  };
  visit(0);
  return out;
}

/** Position of the partner on the student's list; the list length when unmatched. */
function position(inst: Instance, s: string, v: string | null | undefined): number {
  const list = inst.lists.students.get(s)!;
  return v === null || v === undefined ? list.length : list.indexOf(v);
}

function randomAbstractInstance(r: () => number): Instance {
  const studentIds = Array.from({ length: int(r, 3, 6) }, (_, i) => `s${i}`);
  const vacancyIds = Array.from({ length: int(r, 2, 4) }, (_, i) => `v${i}`);
  const students: Record<string, string[]> = {};
  // Long lists and mostly single seats: contention, hence often more than one stable matching.
  for (const s of studentIds) {
    const length = r() < 0.5 ? vacancyIds.length : int(r, 0, vacancyIds.length);
    students[s] = shuffle(r, vacancyIds).slice(0, length);
  }
  const priorities: Record<string, string[]> = {};
  const capacities: Record<string, number> = {};
  for (const v of vacancyIds) {
    priorities[v] = shuffle(r, studentIds);
    capacities[v] = r() < 0.6 ? 1 : int(r, 2, 3);
  }
  return { lists: listsFrom(students, priorities, capacities), studentIds, vacancyIds };
}

/** The checks every instance must pass: stable, capacities, student-optimal, proposal count. */
function checkAgainstBruteForce(inst: Instance): void {
  const result = deferredAcceptance(inst.lists);
  const da: Matching = new Map(inst.studentIds.map((s) => [s, result.assignments.get(s) ?? null]));
  expect(isStable(inst, da)).toBe(true);
  if (inst.raw) {
    const { students, vacancies, options } = inst.raw;
    expect(verifyMatching(students, vacancies, options, result.assignments)).toEqual({
      capacityViolations: [],
      blockingPairs: [],
      unlistedAssignments: [],
    });
  }
  expect([...result.unmatched].sort()).toEqual(
    inst.studentIds.filter((s) => !result.assignments.has(s)).sort(),
  );

  const stable = allMatchings(inst).filter((m) => isStable(inst, m));
  expect(stable.length).toBeGreaterThan(0);
  for (const m of stable) {
    for (const s of inst.studentIds) {
      expect(position(inst, s, da.get(s))).toBeLessThanOrEqual(position(inst, s, m.get(s)));
    }
  }
  // Each student proposes down its list exactly to its partner (or to the end).
  let expectedProposals = 0;
  for (const s of inst.studentIds) {
    const p = position(inst, s, da.get(s));
    expectedProposals += da.get(s) === null ? p : p + 1;
  }
  expect(result.proposals).toBe(expectedProposals);
}

describe('deferredAcceptance', () => {
  it('is stable, within capacity and student-optimal on 300 random small instances (brute force)', () => {
    const r = rng(2024);
    let withSeveralStable = 0;
    for (let i = 0; i < 300; i++) {
      const inst = randomAbstractInstance(r);
      checkAgainstBruteForce(inst);
      if (allMatchings(inst).filter((m) => isStable(inst, m)).length > 1) withSeveralStable++;
    }
    // Optimality is only a real test where there is a choice between stable matchings.
    expect(withSeveralStable).toBeGreaterThan(10);
  });

  it('is student-optimal on 200 one-to-one instances with complete lists (many stable matchings)', () => {
    const r = rng(99);
    let withSeveralStable = 0;
    for (let i = 0; i < 200; i++) {
      const n = int(r, 3, 5);
      const studentIds = Array.from({ length: n }, (_, k) => `s${k}`);
      const vacancyIds = Array.from({ length: n }, (_, k) => `v${k}`);
      const students = Object.fromEntries(studentIds.map((s) => [s, shuffle(r, vacancyIds)]));
      const priorities = Object.fromEntries(vacancyIds.map((v) => [v, shuffle(r, studentIds)]));
      const capacities = Object.fromEntries(vacancyIds.map((v) => [v, 1]));
      const inst = { lists: listsFrom(students, priorities, capacities), studentIds, vacancyIds };
      checkAgainstBruteForce(inst);
      if (allMatchings(inst).filter((m) => isStable(inst, m)).length > 1) withSeveralStable++;
    }
    expect(withSeveralStable).toBeGreaterThan(40);
  });

  it('passes the same checks on 200 instances built from data with stated ranks, lists as defined', () => {
    const r = rng(77);
    let statedOutOfScoreOrder = 0;
    for (let i = 0; i < 200; i++) {
      const { students, vacancies } = randomInstance(r, int(r, 3, 6), int(r, 2, 4), {
        programmes: 1,
        coarse: i % 4 === 0,
      });
      // Most students state ranks, and name vacancies of the instance (so some are acceptable).
      for (const s of students)
        if (r() < 0.7)
          s.preferences = shuffle(
            r,
            vacancies.map((v) => v.id),
          ).slice(0, int(r, 1, 3));
      const options = { seed: `seed-${i}`, listLength: int(r, 1, 4) };
      const lists = buildPreferenceLists(students, vacancies, options);
      // The builder's lists are the lists by definition (stated ranks first, then scores).
      const reference = referenceLists(students, vacancies, options);
      expect([...lists.students]).toEqual([...reference.students]);
      for (const v of vacancies)
        for (const s of students)
          expect(lists.vacancyRank(v.id, s.id)).toBe(reference.vacancyRank(v.id, s.id));
      for (const [s, list] of lists.students) {
        const scores = list.map((v) => lists.evaluation(s, v)!.score);
        if (scores.some((x, k) => k > 0 && x > scores[k - 1])) statedOutOfScoreOrder++;
      }
      const inst = {
        lists,
        studentIds: students.map((s) => s.id),
        vacancyIds: vacancies.map((v) => v.id),
        raw: { students, vacancies, options },
      };
      checkAgainstBruteForce(inst);
      checkAgainstBruteForce({ ...inst, lists: reference });
      expect(deferredAcceptance(reference).assignments).toEqual(
        deferredAcceptance(lists).assignments,
      );
    }
    // The stated order really differs from the score order in many lists.
    expect(statedOutOfScoreOrder).toBeGreaterThan(50);
  });

  it('solves the textbook example with capacities', () => {
    // Both students want v1 (one seat); v1 prefers s2; s1 falls back to v2.
    const lists = listsFrom(
      { s1: ['v1', 'v2'], s2: ['v1'], s3: ['v2'] },
      { v1: ['s2', 's1'], v2: ['s3', 's1'] },
      {
        v1: 1,
        v2: 2,
      },
    );
    const result = deferredAcceptance(lists);
    expect([...result.assignments.entries()]).toEqual([
      ['s1', 'v2'],
      ['s2', 'v1'],
      ['s3', 'v2'],
    ]);
    expect(result.unmatched).toEqual([]);
    expect(result.proposals).toBe(4);
  });

  it('displaces the least preferred holder and lets it continue down its list', () => {
    const lists = listsFrom(
      { a: ['v', 'w'], b: ['v', 'w'], c: ['v'] },
      { v: ['c', 'b', 'a'], w: ['a', 'b'] },
      { v: 2, w: 1 },
    );
    const result = deferredAcceptance(lists);
    expect(result.assignments).toEqual(
      new Map([
        ['a', 'w'],
        ['b', 'v'],
        ['c', 'v'],
      ]),
    );
  });

  it('leaves students unmatched when nothing acceptable has room, and ignores vacancies without seats', () => {
    const lists = listsFrom(
      { a: ['full', 'v'], b: ['v'], c: [] },
      { v: ['b', 'a'], full: ['a'] },
      { v: 1, full: 0 },
    );
    const result = deferredAcceptance(lists);
    expect(result.assignments).toEqual(new Map([['b', 'v']]));
    expect(result.unmatched).toEqual(['a', 'c']);
  });
});
