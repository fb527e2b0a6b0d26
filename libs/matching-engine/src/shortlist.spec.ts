import { evaluate } from './score';
import { orderShortlist } from './shortlist';
import { seededTieBreak } from './tie-break';
import { StudentInput, VacancyInput } from './types';

const student: StudentInput = {
  id: 's',
  programmeId: 'p',
  startDate: '2025-09-01',
  location: { latitude: 52, longitude: 5 },
  maxTravelKm: 50,
  hoursPerWeek: 32,
  sectors: [],
  preferences: [],
};
const vacancy = (id: string, latitude: number): VacancyInput => ({
  id,
  programmeIds: ['p'],
  openSeats: 1,
  hoursPerWeek: 32,
  startWindow: { from: '2025-09-01', to: '2025-09-30' },
  location: { latitude, longitude: 5 },
  sector: null,
  candidateRanking: [],
});

describe('orderShortlist', () => {
  // Nearer scores higher: a (at home), b, c, d (ever further), far beyond the 50 km.
  const vacancies = [
    vacancy('a', 52),
    vacancy('b', 52.1),
    vacancy('c', 52.2),
    vacancy('d', 52.3),
    vacancy('far', 53.5),
  ];
  const stated = ['far', 'c', 'b'];
  const candidates = vacancies.map((v) => ({
    id: v.id,
    statedRank: stated.includes(v.id) ? stated.indexOf(v.id) + 1 : null,
    evaluation: evaluate({ ...student, preferences: stated }, v),
  }));

  it('puts the stated candidates first in stated order, then the others by score, with scores', () => {
    const { ranked } = orderShortlist(candidates, 'x');
    expect(ranked.map((e) => [e.id, e.rank, e.statedRank])).toEqual([
      ['c', 1, 2],
      ['b', 2, 3],
      ['a', 3, null],
      ['d', 4, null],
    ]);
    const score = (id: string) => ranked.find((e) => e.id === id)!.score;
    expect(score('a')).toBeGreaterThan(score('c'));
    for (const e of ranked)
      expect(e.score).toBe(e.components.reduce((sum, c) => sum + c.contribution, 0));
  });

  it('names a stated candidate that fails a hard constraint, with its reasons', () => {
    expect(orderShortlist(candidates, 'x').excluded).toEqual([
      { id: 'far', statedRank: 1, reasons: ['beyond_travel_distance'] },
    ]);
  });

  it('breaks equal scores by the seeded lottery, then id', () => {
    const twins = ['t1', 't2', 't3', 't4'].map((id) => ({
      id,
      statedRank: null,
      evaluation: evaluate(student, vacancy(id, 52)),
    }));
    for (const seed of ['1', '2', '3']) {
      expect(orderShortlist(twins, seed).ranked.map((e) => e.id)).toEqual(
        ['t1', 't2', 't3', 't4'].sort((x, y) => seededTieBreak(seed, x) - seededTieBreak(seed, y)),
      );
    }
  });
});
