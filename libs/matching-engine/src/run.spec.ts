import { canonicalJson, sha256Hex } from './canonical';
import { buildPreferenceLists } from './preference-lists';
import {
  ENGINE_VERSION,
  matchingInputHash,
  matchingOutputHash,
  runMatching,
  stageMatching,
} from './run';
import { randomInstance, rng, shuffle } from './spec-helpers';
import { StudentInput, VacancyInput } from './types';
import { DEFAULT_WEIGHTS } from './weights';

const r = rng(5);
const { students, vacancies } = randomInstance(r, 400, 80, { programmes: 3 });

describe('runMatching', () => {
  const run = runMatching(students, vacancies, { seed: 'cohort-2025' });

  it('reports a verified matching with the weights, seed and list length used', () => {
    expect(run.seed).toBe('cohort-2025');
    expect(run.weights).toEqual(DEFAULT_WEIGHTS);
    expect(run.listLength).toBe(20);
    expect(run.stats.students).toBe(400);
    expect(run.stats.seats).toBe(vacancies.reduce((n, v) => n + Math.max(0, v.openSeats), 0));
    expect(run.stats.matched + run.stats.unmatched).toBe(400);
    expect(run.stats.matched).toBe(run.assignments.length);
    expect(run.stats.matched).toBeGreaterThan(50);
    expect(run.stats.blockingPairs).toBe(0);
    expect(run.stats.capacityViolations).toBe(0);
    expect(run.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.outputHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('explains each assignment with its components and its rank on the student list', () => {
    const lists = buildPreferenceLists(students, vacancies, { seed: 'cohort-2025' });
    for (const a of run.assignments) {
      const e = lists.evaluation(a.studentId, a.vacancyId)!;
      expect(a.score).toBe(e.score);
      expect(a.components).toEqual(e.components);
      expect(a.score).toBe(a.components.reduce((s, c) => s + c.contribution, 0));
      expect(lists.students.get(a.studentId)![a.studentRank - 1]).toBe(a.vacancyId);
    }
    const ids = run.assignments.map((a) => a.studentId);
    expect(ids).toEqual([...ids].sort());
    expect(run.unmatched).toEqual([...run.unmatched].sort());
    expect(run.outputHash).toBe(matchingOutputHash(run.assignments, run.unmatched));
  });

  it('is the same run when staged: the assignments first, then verification and hashes', () => {
    const phases: Record<string, number> = {};
    const staged = stageMatching(students, vacancies, { seed: 'cohort-2025', phases });
    expect(Object.keys(phases)).toEqual([
      'prepareMs',
      'listsMs',
      'deferredAcceptanceMs',
      'explainMs',
    ]);
    expect(canonicalJson(staged.assignments)).toBe(canonicalJson(run.assignments));
    expect(canonicalJson(staged.finish())).toBe(canonicalJson(run));
    expect(Object.keys(phases)).toContain('verifyMs');
  });

  it('is identical for the same input and seed, whatever the order of the arrays', () => {
    const again = runMatching(shuffle(r, students), shuffle(r, vacancies), { seed: 'cohort-2025' });
    expect(canonicalJson(again)).toBe(canonicalJson(run));
  });

  it('hashes the canonical JSON of the input, as defined', () => {
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const definition = canonicalJson({
      engine: ENGINE_VERSION,
      seed: 'cohort-2025',
      weights: DEFAULT_WEIGHTS,
      listLength: 20,
      students: [...students].sort(byId).map((s) => ({ ...s, sectors: [...s.sectors].sort() })),
      vacancies: [...vacancies]
        .sort(byId)
        .map((v) => ({ ...v, programmeIds: [...v.programmeIds].sort() })),
    });
    expect(run.inputHash).toBe(sha256Hex(definition));
    const invalid = students.map((s, i) => (i === 3 ? { ...s, hoursPerWeek: NaN } : s));
    expect(() => matchingInputHash(invalid, vacancies, { ...run, listLength: 20 })).toThrow(
      /non-finite/,
    );
  });

  it('hashes only what the engine reads, and sets as sets', () => {
    const richer = students.map((s) => ({
      ...s,
      email: `${s.id}@x.nl`,
      sectors: [...s.sectors].reverse(),
    }));
    const reordered = vacancies.map((v) => ({ ...v, programmeIds: [...v.programmeIds].reverse() }));
    expect(runMatching(richer, reordered, { seed: 'cohort-2025' }).inputHash).toBe(run.inputHash);
  });

  it('changes the input hash with the seed, the weights, the list length and the data', () => {
    const hashes = new Set([
      run.inputHash,
      runMatching(students, vacancies, { seed: 'other' }).inputHash,
      runMatching(students, vacancies, { seed: 'cohort-2025', listLength: 19 }).inputHash,
      runMatching(students, vacancies, {
        seed: 'cohort-2025',
        weights: { ...DEFAULT_WEIGHTS, distance: 0.5 },
      }).inputHash,
      runMatching(
        students.map((s, i) => (i === 0 ? { ...s, hoursPerWeek: s.hoursPerWeek + 1 } : s)),
        vacancies,
        { seed: 'cohort-2025' },
      ).inputHash,
    ]);
    expect(hashes.size).toBe(5);
  });
});

describe('runMatching: the seed breaks ties', () => {
  /** Four students and two one-seat vacancies, all identical: who gets a seat is the lottery alone. */
  const twins: StudentInput[] = ['s1', 's2', 's3', 's4'].map((id) => ({
    id,
    programmeId: 'p',
    startDate: '2025-09-01',
    location: null,
    maxTravelKm: 30,
    hoursPerWeek: 32,
    sectors: [],
    preferences: [],
  }));
  const seats: VacancyInput[] = ['va', 'vb'].map((id) => ({
    id,
    programmeIds: ['p'],
    openSeats: 1,
    hoursPerWeek: 32,
    startWindow: { from: '2025-09-01', to: '2025-09-30' },
    location: null,
    sector: null,
    candidateRanking: [],
  }));

  it('gives the same result for the same seed and different results across seeds', () => {
    const outcomes = new Set<string>();
    for (const seed of Array.from({ length: 12 }, (_, i) => `seed-${i}`)) {
      const a = runMatching(twins, seats, { seed });
      const b = runMatching([...twins].reverse(), [...seats].reverse(), { seed });
      expect(b.outputHash).toBe(a.outputHash);
      expect(a.stats.matched).toBe(2);
      expect(a.stats.blockingPairs).toBe(0);
      outcomes.add(a.outputHash);
    }
    expect(outcomes.size).toBeGreaterThan(2);
  });
});
