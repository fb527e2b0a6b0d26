import { buildPreferenceLists } from './preference-lists';
import { evaluate } from './score';
import { RandomOptions, randomInstance, referenceLists, rng, shuffle } from './spec-helpers';
import { seededTieBreak } from './tie-break';
import { StudentInput, VacancyInput, Weights } from './types';

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The lists by definition: every pair evaluated, no index, the documented order. */
function expectedLists(
  students: StudentInput[],
  vacancies: VacancyInput[],
  seed: string,
  listLength: number,
  weights?: Weights,
): Map<string, string[]> {
  return referenceLists(students, vacancies, { seed, listLength, weights }).students;
}

function sortedEntries(m: Map<string, string[]>): Array<[string, string[]]> {
  return [...m.entries()].sort((a, b) => byId(a[0], b[0]));
}

describe('buildPreferenceLists', () => {
  const cases: Array<[string, RandomOptions, number, Weights | undefined]> = [
    ['spread out, lists of 20', { programmes: 3 }, 20, undefined],
    ['spread out, lists of 3', { programmes: 3 }, 3, undefined],
    [
      'spread out, lists of 1, other weights',
      { programmes: 2 },
      1,
      { distance: 1, hours: 2, start: 0, sector: 3, preference: 4 },
    ],
    ['coarse (many ties), lists of 5', { programmes: 1, coarse: true }, 5, undefined],
  ];

  it.each(cases)('equals evaluating every pair (%s)', (_, options, listLength, weights) => {
    const r = rng(listLength * 1000 + (options.programmes ?? 0));
    const { students, vacancies } = randomInstance(r, 200, 120, {
      ...options,
      unknownLocationShare: 0.1,
    });
    const seed = 'seed-a';
    const lists = buildPreferenceLists(students, vacancies, { seed, listLength, weights });
    const expected = expectedLists(students, vacancies, seed, listLength, weights);
    expect(sortedEntries(lists.students)).toEqual(sortedEntries(expected));
    let entries = 0;
    for (const s of students) {
      const list = lists.students.get(s.id)!;
      // The cut keeps every stated (acceptable) vacancy.
      expect(list.length).toBeLessThanOrEqual(Math.max(listLength, s.preferences.length));
      entries += list.length;
    }
    expect(entries).toBeGreaterThan(students.length / 2);
  });

  it('equals the definition when most students state ranks (stated head, then score)', () => {
    const r = rng(21);
    const { students, vacancies } = randomInstance(r, 200, 120, { programmes: 2 });
    for (const s of students) {
      const own = vacancies.filter((v) => v.programmeIds.includes(s.programmeId));
      if (r() < 0.8)
        s.preferences = shuffle(
          r,
          own.map((v) => v.id),
        ).slice(0, 8);
    }
    for (const listLength of [3, 20]) {
      const lists = buildPreferenceLists(students, vacancies, { seed: 'st', listLength });
      const expected = expectedLists(students, vacancies, 'st', listLength);
      expect(sortedEntries(lists.students)).toEqual(sortedEntries(expected));
      let outOfScoreOrder = 0;
      let longerThanCut = 0;
      for (const [s, list] of lists.students) {
        const scores = list.map((v) => lists.evaluation(s, v)!.score);
        if (scores.some((x, k) => k > 0 && x > scores[k - 1])) outOfScoreOrder++;
        if (list.length > listLength) longerThanCut++;
      }
      expect(outOfScoreOrder).toBeGreaterThan(20);
      if (listLength === 3) expect(longerThanCut).toBeGreaterThan(0);
    }
  });

  it('excludes ineligible vacancies and vacancies without a seat', () => {
    const r = rng(11);
    const { students, vacancies } = randomInstance(r, 100, 80, { programmes: 2 });
    const lists = buildPreferenceLists(students, vacancies, { seed: 's', listLength: 1000 });
    const byVacancy = new Map(vacancies.map((v) => [v.id, v]));
    for (const s of students) {
      for (const vId of lists.students.get(s.id)!) {
        expect(evaluate(s, byVacancy.get(vId)!).eligible).toBe(true);
        expect(byVacancy.get(vId)!.openSeats).toBeGreaterThan(0);
      }
    }
    for (const v of vacancies) expect(lists.capacities.get(v.id)).toBe(Math.max(0, v.openSeats));
  });

  it('explains every entry exactly as evaluate() does; after the stated head, by score', () => {
    const r = rng(12);
    const weights = { distance: 3, hours: 1, start: 1, sector: 1, preference: 2 };
    const { students, vacancies } = randomInstance(r, 80, 60, { programmes: 2 });
    const lists = buildPreferenceLists(students, vacancies, { seed: 's', weights });
    const byVacancy = new Map(vacancies.map((v) => [v.id, v]));
    for (const s of students) {
      const list = lists.students.get(s.id)!;
      for (const vId of list)
        expect(lists.evaluation(s.id, vId)).toEqual(evaluate(s, byVacancy.get(vId)!, weights));
      const head = list.filter((vId) => s.preferences.includes(vId));
      expect(list.slice(0, head.length)).toEqual(head);
      expect(head).toEqual(s.preferences.filter((vId) => head.includes(vId)));
      const scores = list.slice(head.length).map((vId) => lists.evaluation(s.id, vId)!.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    expect(lists.evaluation('nobody', vacancies[0].id)).toBeUndefined();
  });

  it('ranks students at a vacancy: company ranking first, then score, lottery, id', () => {
    const r = rng(13);
    const seed = 'seed-v';
    const { students, vacancies } = randomInstance(r, 150, 40, { programmes: 1 });
    const lists = buildPreferenceLists(students, vacancies, { seed });
    let rankedByCompany = 0;
    for (const v of vacancies) {
      const listing = students.filter((s) => lists.students.get(s.id)!.includes(v.id));
      const key = (s: StudentInput): [number, number, number] => {
        const pos = v.candidateRanking.indexOf(s.id);
        return [
          pos < 0 ? Infinity : pos,
          -lists.evaluation(s.id, v.id)!.score,
          seededTieBreak(seed, s.id),
        ];
      };
      const expected = [...listing].sort((a, b) => {
        const [ka, kb] = [key(a), key(b)];
        if (ka[0] !== kb[0]) return ka[0] < kb[0] ? -1 : 1;
        return ka[1] - kb[1] || ka[2] - kb[2] || byId(a.id, b.id);
      });
      expect(expected.map((s) => lists.vacancyRank(v.id, s.id))).toEqual(expected.map((_, i) => i));
      rankedByCompany += listing.filter((s) => v.candidateRanking.includes(s.id)).length;
      for (const s of students) {
        if (!listing.includes(s)) expect(lists.vacancyRank(v.id, s.id)).toBe(Infinity);
      }
    }
    expect(rankedByCompany).toBeGreaterThan(0);
  });

  it('puts a company-ranked student first even with a lower score', () => {
    const base: StudentInput = {
      id: 'near',
      programmeId: 'p',
      startDate: '2025-09-01',
      location: { latitude: 52, longitude: 5 },
      maxTravelKm: 50,
      hoursPerWeek: 32,
      sectors: [],
      preferences: [],
    };
    const far: StudentInput = { ...base, id: 'far', location: { latitude: 52.3, longitude: 5 } };
    const v: VacancyInput = {
      id: 'v',
      programmeIds: ['p'],
      openSeats: 1,
      hoursPerWeek: 32,
      startWindow: { from: '2025-09-01', to: '2025-09-30' },
      location: { latitude: 52, longitude: 5 },
      sector: null,
      candidateRanking: [],
    };
    const plain = buildPreferenceLists([base, far], [v], { seed: 'x' });
    expect([plain.vacancyRank('v', 'near'), plain.vacancyRank('v', 'far')]).toEqual([0, 1]);
    const ranked = buildPreferenceLists(
      [base, far],
      [{ ...v, candidateRanking: ['ghost', 'far'] }],
      { seed: 'x' },
    );
    expect([ranked.vacancyRank('v', 'near'), ranked.vacancyRank('v', 'far')]).toEqual([1, 0]);
  });

  it('breaks equal scores by the seeded lottery, then by id', () => {
    const student: StudentInput = {
      id: 's',
      programmeId: 'p',
      startDate: '2025-09-01',
      location: null,
      maxTravelKm: 30,
      hoursPerWeek: 32,
      sectors: [],
      preferences: [],
    };
    const twin = (id: string): VacancyInput => ({
      id,
      programmeIds: ['p'],
      openSeats: 1,
      hoursPerWeek: 32,
      startWindow: { from: '2025-09-01', to: '2025-09-30' },
      location: null,
      sector: null,
      candidateRanking: [],
    });
    const vacancies = ['a', 'b', 'c', 'd'].map(twin);
    const orders = new Set<string>();
    for (const seed of ['1', '2', '3', '4', '5', '6', '7', '8']) {
      const list = buildPreferenceLists([student], vacancies, { seed }).students.get('s')!;
      expect(list).toEqual(
        ['a', 'b', 'c', 'd'].sort((x, y) => seededTieBreak(seed, x) - seededTieBreak(seed, y)),
      );
      orders.add(list.join());
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('does not depend on the order of the input arrays', () => {
    const r = rng(14);
    const { students, vacancies } = randomInstance(r, 120, 60, { programmes: 2, coarse: true });
    const a = buildPreferenceLists(students, vacancies, { seed: 'o' });
    const b = buildPreferenceLists(shuffle(r, students), shuffle(r, vacancies), { seed: 'o' });
    expect([...b.students.entries()]).toEqual([...a.students.entries()]);
    for (const v of vacancies) {
      for (const s of students) expect(b.vacancyRank(v.id, s.id)).toBe(a.vacancyRank(v.id, s.id));
    }
  });

  it('rejects duplicate ids and a bad list length', () => {
    const { students, vacancies } = randomInstance(rng(1), 3, 3);
    expect(() =>
      buildPreferenceLists([...students, students[0]], vacancies, { seed: 'x' }),
    ).toThrow(/duplicate student/);
    expect(() =>
      buildPreferenceLists(students, [...vacancies, vacancies[1]], { seed: 'x' }),
    ).toThrow(/duplicate vacancy/);
    expect(() => buildPreferenceLists(students, vacancies, { seed: 'x', listLength: 0 })).toThrow(
      /listLength/,
    );
    expect(() => buildPreferenceLists(students, vacancies, { seed: 'x', listLength: 2.5 })).toThrow(
      /listLength/,
    );
  });
});
