import { deferredAcceptance } from './deferred-acceptance';
import { buildPreferenceLists } from './preference-lists';
import { runMatching } from './run';
import { evaluate } from './score';
import { listsFrom } from './spec-helpers';
import { EligibleEvaluation, StudentInput, VacancyInput } from './types';
import { verifyMatching } from './verify';

/**
 * A hand-made case where the order by score and the stated order differ. s1 lives at vA and
 * states [vB, vA]: by score (distance weighs most) vA comes first, by what s1 said vB does.
 * s2 lives at vB and states nothing. vB's company ranks s1, although s2 scores higher there.
 */
const student = (id: string, latitude: number, preferences: string[]): StudentInput => ({
  id,
  programmeId: 'p',
  startDate: '2025-09-01',
  location: { latitude, longitude: 5 },
  maxTravelKm: 50,
  hoursPerWeek: 32,
  sectors: [],
  preferences,
});
const vacancy = (id: string, latitude: number, candidateRanking: string[] = []): VacancyInput => ({
  id,
  programmeIds: ['p'],
  openSeats: 1,
  hoursPerWeek: 32,
  startWindow: { from: '2025-09-01', to: '2025-09-30' },
  location: { latitude, longitude: 5 },
  sector: null,
  candidateRanking,
});
const vA = vacancy('vA', 52);
const vB = vacancy('vB', 52.2);
const vBRankingS1 = vacancy('vB', 52.2, ['s1']);
/** 150 km away: beyond s1's 50 km. */
const vFar = vacancy('vFar', 53.35);
const s1 = student('s1', 52, ['vB', 'vA']);
const s2 = student('s2', 52.2, []);
const options = { seed: 'hand-made' };
const score = (s: StudentInput, v: VacancyInput) => (evaluate(s, v) as EligibleEvaluation).score;
const clean = { capacityViolations: [], blockingPairs: [], unlistedAssignments: [] };

describe('stated ranks head the lists (hand-made case: score order and stated order differ)', () => {
  it('has the two orders disagree, as the case needs', () => {
    expect(score(s1, vA)).toBeGreaterThan(score(s1, vB));
    expect(score(s2, vB)).toBeGreaterThan(score(s1, vB));
  });

  it("puts the student's stated vacancies first, in its order, and keeps explaining scores", () => {
    const lists = buildPreferenceLists([s1, s2], [vA, vB], options);
    expect(lists.students.get('s1')).toEqual(['vB', 'vA']);
    expect(lists.students.get('s2')).toEqual(['vB', 'vA']);
    expect(lists.evaluation('s1', 'vB')).toEqual(evaluate(s1, vB));
    expect(lists.evaluation('s1', 'vA')).toEqual(evaluate(s1, vA));
  });

  it('gives the student its stated first choice where the score would have given the other', () => {
    const run = runMatching([s1], [vA, vB], options);
    expect(run.assignments.map((a) => [a.studentId, a.vacancyId, a.studentRank])).toEqual([
      ['s1', 'vB', 1],
    ]);
    expect(run.stats.blockingPairs).toBe(0);
    // By score alone s1 would hold vA; the verifier, reading what s1 said, rejects that.
    expect(verifyMatching([s1], [vA, vB], options, new Map([['s1', 'vA']]))).toEqual({
      ...clean,
      blockingPairs: [{ studentId: 's1', vacancyId: 'vB' }],
    });
  });

  it("honours the company's ranking over the score on the vacancy's side", () => {
    // Without a ranking vB prefers s2 (higher score): s1 falls back to vA.
    const plain = runMatching([s1, s2], [vA, vB], options);
    expect(plain.assignments.map((a) => [a.studentId, a.vacancyId])).toEqual([
      ['s1', 'vA'],
      ['s2', 'vB'],
    ]);
    const ranked = runMatching([s1, s2], [vA, vBRankingS1], options);
    expect(ranked.assignments.map((a) => [a.studentId, a.vacancyId])).toEqual([
      ['s1', 'vB'],
      ['s2', 'vA'],
    ]);
    expect(ranked.stats.blockingPairs).toBe(0);
    const scoreOnly = new Map([
      ['s1', 'vA'],
      ['s2', 'vB'],
    ]);
    expect(verifyMatching([s1, s2], [vA, vBRankingS1], options, scoreOnly).blockingPairs).toEqual([
      { studentId: 's1', vacancyId: 'vB' },
    ]);
  });

  it('catches a list builder that ignores stated ranks (the verifier does not use its lists)', () => {
    // What a builder ordering by score alone produces for this case.
    const byScore = listsFrom(
      { s1: ['vA', 'vB'], s2: ['vB', 'vA'] },
      { vA: ['s1', 's2'], vB: ['s2', 's1'] },
      { vA: 1, vB: 1 },
    );
    const result = deferredAcceptance(byScore);
    expect(result.assignments.get('s1')).toBe('vA');
    const verification = verifyMatching([s1, s2], [vA, vBRankingS1], options, result.assignments);
    expect(verification.blockingPairs).toEqual([{ studentId: 's1', vacancyId: 'vB' }]);
  });

  it('keeps a stated vacancy that is not acceptable off the list, and flags an assignment to it', () => {
    const far = { ...s1, preferences: ['vFar', 'vB', 'vA'] };
    expect(evaluate(far, vFar)).toEqual({ eligible: false, reasons: ['beyond_travel_distance'] });
    const lists = buildPreferenceLists([far], [vA, vB, vFar], options);
    expect(lists.students.get('s1')).toEqual(['vB', 'vA']);
    expect(verifyMatching([far], [vA, vB, vFar], options, new Map([['s1', 'vFar']]))).toEqual({
      capacityViolations: [],
      unlistedAssignments: [{ studentId: 's1', vacancyId: 'vFar' }],
      blockingPairs: [
        { studentId: 's1', vacancyId: 'vB' },
        { studentId: 's1', vacancyId: 'vA' },
      ],
    });
  });

  it('cuts lists to listLength by score, never cutting a stated vacancy', () => {
    const short = { ...options, listLength: 1 };
    const lists = (s: StudentInput) =>
      buildPreferenceLists([s], [vA, vB], short).students.get('s1');
    expect(lists(s1)).toEqual(['vB', 'vA']);
    expect(lists({ ...s1, preferences: ['vB'] })).toEqual(['vB']);
    expect(lists({ ...s1, preferences: [] })).toEqual(['vA']);
    // Beyond the cut is not acceptable: holding vB there leaves s1 preferring its list's vA.
    const unstated = { ...s1, preferences: [] };
    expect(verifyMatching([unstated], [vA, vB], short, new Map([['s1', 'vB']]))).toEqual({
      capacityViolations: [],
      unlistedAssignments: [{ studentId: 's1', vacancyId: 'vB' }],
      blockingPairs: [{ studentId: 's1', vacancyId: 'vA' }],
    });
  });
});
