import { deferredAcceptance } from './deferred-acceptance';
import { listsFrom } from './spec-helpers';
import { DeferredAcceptanceResult } from './types';
import { verifyMatching } from './verify';

const lists = listsFrom(
  { a: ['v', 'w'], b: ['v', 'w'], c: ['w'] },
  { v: ['a', 'b'], w: ['c', 'b', 'a'] },
  { v: 1, w: 1 },
);

function result(
  assignments: Array<[string, string]>,
  unmatched: string[],
): DeferredAcceptanceResult {
  return { assignments: new Map(assignments), unmatched, proposals: 0 };
}

describe('verifyMatching', () => {
  it('accepts the deferred acceptance result', () => {
    expect(verifyMatching(lists, deferredAcceptance(lists))).toEqual({
      capacityViolations: [],
      blockingPairs: [],
      unlistedAssignments: [],
    });
  });

  it('finds a blocking pair: the vacancy holds someone it ranks lower', () => {
    // b holds v, but a prefers v to w and v prefers a to b.
    const planted = result(
      [
        ['a', 'w'],
        ['b', 'v'],
      ],
      ['c'],
    );
    const v = verifyMatching(lists, planted);
    expect(v.blockingPairs).toContainEqual({ studentId: 'a', vacancyId: 'v' });
    expect(v.capacityViolations).toEqual([]);
  });

  it('finds a blocking pair: an unmatched student and a vacancy with a free seat', () => {
    const v = verifyMatching(lists, result([['c', 'w']], ['a', 'b']));
    expect(v.blockingPairs).toEqual([
      { studentId: 'a', vacancyId: 'v' },
      { studentId: 'b', vacancyId: 'v' },
    ]);
  });

  it('finds a capacity violation', () => {
    const v = verifyMatching(
      lists,
      result(
        [
          ['a', 'v'],
          ['b', 'v'],
          ['c', 'w'],
        ],
        [],
      ),
    );
    expect(v.capacityViolations).toEqual(['v']);
  });

  it('flags an assignment outside the student list or to an unknown vacancy', () => {
    const v = verifyMatching(
      lists,
      result(
        [
          ['a', 'v'],
          ['c', 'ghost'],
          ['b', 'w'],
        ],
        [],
      ),
    );
    expect(v.unlistedAssignments).toEqual([{ studentId: 'c', vacancyId: 'ghost' }]);
    expect(v.capacityViolations).toEqual(['ghost']);
    // c is as good as unmatched for w, which holds b whom it ranks below c.
    expect(v.blockingPairs).toEqual([{ studentId: 'c', vacancyId: 'w' }]);
  });
});
