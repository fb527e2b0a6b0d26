import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deferredAcceptance } from './deferred-acceptance';
import { buildPreferenceLists } from './preference-lists';
import { int, listsFrom, randomInstance, referenceLists, rng } from './spec-helpers';
import { PreferenceLists, StudentInput, VacancyInput } from './types';
import { verifyMatching } from './verify';

const student = (id: string, latitude: number): StudentInput => ({
  id,
  programmeId: 'p',
  startDate: '2025-09-01',
  location: { latitude, longitude: 5 },
  maxTravelKm: 40,
  hoursPerWeek: 32,
  sectors: [],
  preferences: [],
});
const vacancy = (id: string, latitude: number, openSeats = 1): VacancyInput => ({
  id,
  programmeIds: ['p'],
  openSeats,
  hoursPerWeek: 32,
  startWindow: { from: '2025-09-01', to: '2025-09-30' },
  location: { latitude, longitude: 5 },
  sector: null,
  candidateRanking: [],
});

/** a and b live at v (both prefer v; v prefers whoever is nearer: a), c near w only. */
const students = [student('a', 52), student('b', 52.05), student('c', 52.4)];
const vacancies = [vacancy('v', 52), vacancy('w', 52.3)];
const options = { seed: 'verify' };
const verify = (pairs: Array<[string, string]>, s = students, v = vacancies) =>
  verifyMatching(s, v, options, new Map(pairs));
const clean = { capacityViolations: [], blockingPairs: [], unlistedAssignments: [] };

/** Deferred acceptance on the given lists, verified against the raw input. */
function verifyAfter(
  lists: PreferenceLists,
  s: StudentInput[],
  v: VacancyInput[],
  o: { seed: string; listLength?: number },
) {
  return verifyMatching(s, v, o, deferredAcceptance(lists).assignments);
}

type Pair = { studentId: string; vacancyId: string };
const sortPairs = (pairs: Pair[]) => pairs.map((p) => `${p.studentId}>${p.vacancyId}`).sort();

function randomAssignments(r: () => number, s: StudentInput[], v: VacancyInput[]) {
  const out = new Map<string, string>();
  for (const x of s) if (r() < 0.7) out.set(x.id, v[int(r, 0, v.length - 1)].id);
  return out;
}

/** Capacity, acceptability and blocking pairs straight from the definition, on reference lists. */
function byDefinition(lists: PreferenceLists, assignments: Map<string, string>) {
  const holders = new Map<string, string[]>();
  for (const [s, v] of assignments) holders.set(v, [...(holders.get(v) ?? []), s]);
  const overfull = [...holders]
    .filter(([v, held]) => held.length > (lists.capacities.get(v) ?? 0))
    .map(([v]) => v)
    .sort();
  const unlisted: Pair[] = [];
  const blockingPairs: Pair[] = [];
  for (const [s, list] of lists.students) {
    const v = assignments.get(s);
    let at = v === undefined ? list.length : list.indexOf(v);
    if (v !== undefined && at < 0) {
      unlisted.push({ studentId: s, vacancyId: v });
      at = list.length;
    }
    for (const w of list.slice(0, at)) {
      const held = holders.get(w) ?? [];
      if (
        held.length < (lists.capacities.get(w) ?? 0) ||
        held.some((t) => lists.vacancyRank(w, s) < lists.vacancyRank(w, t))
      )
        blockingPairs.push({ studentId: s, vacancyId: w });
    }
  }
  return { overfull, unlisted, blockingPairs };
}

describe('verifyMatching (from the raw input)', () => {
  it('accepts the engine result', () => {
    const lists = buildPreferenceLists(students, vacancies, options);
    expect(lists.students.get('a')).toEqual(['v', 'w']);
    expect(verifyAfter(lists, students, vacancies, options)).toEqual(clean);
  });

  it('finds a blocking pair: the vacancy holds someone it ranks lower', () => {
    // b holds v, but a prefers v to w and v prefers a (nearer) to b.
    expect(
      verify([
        ['a', 'w'],
        ['b', 'v'],
      ]).blockingPairs,
    ).toContainEqual({ studentId: 'a', vacancyId: 'v' });
  });

  it('finds a blocking pair: an unmatched student and a vacancy with a free seat', () => {
    expect(verify([['c', 'w']]).blockingPairs).toEqual([
      { studentId: 'a', vacancyId: 'v' },
      { studentId: 'b', vacancyId: 'v' },
    ]);
  });

  it('finds a capacity violation, and one at a vacancy nobody knows', () => {
    const v = verify([
      ['a', 'v'],
      ['b', 'v'],
      ['c', 'ghost'],
    ]);
    expect(v.capacityViolations).toEqual(['ghost', 'v']);
    expect(v.unlistedAssignments).toEqual([{ studentId: 'c', vacancyId: 'ghost' }]);
  });

  it('flags an assignment the student cannot accept: a hard constraint fails', () => {
    // c is 44 km from v, beyond its 40 km: v is not acceptable to c, whatever the lists say.
    const v = verify([
      ['c', 'v'],
      ['a', 'w'],
    ]);
    expect(v.unlistedAssignments).toEqual([{ studentId: 'c', vacancyId: 'v' }]);
    // v holds someone it does not rank: anyone listing v would take the seat.
    expect(v.blockingPairs).toContainEqual({ studentId: 'a', vacancyId: 'v' });
    expect(v.blockingPairs).toContainEqual({ studentId: 'c', vacancyId: 'w' });
  });

  it('agrees with the definition on right and on wrong matchings (random instances)', () => {
    const r = rng(31);
    let unstable = 0;
    for (let i = 0; i < 150; i++) {
      const inst = randomInstance(r, int(r, 4, 8), int(r, 2, 4), { programmes: 1 });
      const o = { seed: `bug-${i}`, listLength: int(r, 1, 3) };
      const good = referenceLists(inst.students, inst.vacancies, o);
      // Deferred acceptance on the right lists always verifies.
      expect(verifyAfter(good, inst.students, inst.vacancies, o)).toEqual(clean);
      // A builder with its lists the wrong way round (as one ignoring stated ranks, or sorting
      // scores upwards): deferred acceptance on its lists is stable for them, often not for
      // the input; and random assignments. The verifier finds exactly what the definition does.
      const reversed = new Map([...good.students].map(([s, l]) => [s, [...l].reverse()]));
      const wrong = [
        deferredAcceptance({ ...good, students: reversed }).assignments,
        randomAssignments(r, inst.students, inst.vacancies),
      ];
      for (const assignments of wrong) {
        const v = verifyMatching(inst.students, inst.vacancies, o, assignments);
        const expected = byDefinition(good, assignments);
        expect(sortPairs(v.blockingPairs)).toEqual(sortPairs(expected.blockingPairs));
        expect(sortPairs(v.unlistedAssignments)).toEqual(sortPairs(expected.unlisted));
        expect([...v.capacityViolations].sort()).toEqual(expected.overfull);
        if (v.blockingPairs.length) unstable++;
      }
    }
    expect(unstable).toBeGreaterThan(100);
  });

  it('catches a builder that leaves an acceptable vacancy off a list', () => {
    const lists = listsFrom(
      { a: ['w'], b: ['v'], c: ['w'] },
      { v: ['b'], w: ['c', 'a'] },
      {
        v: 1,
        w: 1,
      },
    );
    expect(verifyAfter(lists, students, vacancies, options).blockingPairs).toEqual([
      { studentId: 'a', vacancyId: 'v' },
    ]);
  });

  it('does not import the list builder or anything of its machinery', () => {
    const seen = new Set<string>();
    const visit = (name: string): void => {
      if (seen.has(name)) return;
      seen.add(name);
      const source = readFileSync(join(__dirname, `${name}.ts`), 'utf8');
      for (const m of source.matchAll(/from '\.\/([\w-]+)'/g)) visit(m[1]);
    };
    visit('verify');
    for (const builder of ['preference-lists', 'compiled', 'grid', 'sort', 'deferred-acceptance'])
      expect(seen).not.toContain(builder);
  });
});
