import { seededTieBreak, tieBreaker } from './tie-break';

describe('seededTieBreak', () => {
  it('is a deterministic uint32 of (seed, id)', () => {
    const x = seededTieBreak('run-1', 'student-42');
    expect(seededTieBreak('run-1', 'student-42')).toBe(x);
    expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
    expect(tieBreaker('run-1')('student-42')).toBe(x);
  });

  it('depends on the seed and the id, and does not split on the separator alone', () => {
    expect(seededTieBreak('run-1', 'a')).not.toBe(seededTieBreak('run-2', 'a'));
    expect(seededTieBreak('run-1', 'a')).not.toBe(seededTieBreak('run-1', 'b'));
    expect(seededTieBreak('a', 'b:c')).toBe(seededTieBreak('a:b', 'c'));
  });

  it('spreads consecutive ids evenly: each seed orders them differently', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `s${i}`);
    const order = (seed: string): string[] =>
      [...ids].sort((a, b) => seededTieBreak(seed, a) - seededTieBreak(seed, b));
    const first = order('x');
    expect(order('x')).toEqual(first);
    expect(order('y')).not.toEqual(first);
    // The first half by lottery should hold about half of the low ids (250 of its 500).
    const lowInFirstHalf = first.slice(0, 500).filter((id) => Number(id.slice(1)) < 500).length;
    expect(lowInFirstHalf).toBeGreaterThan(200);
    expect(lowInFirstHalf).toBeLessThan(300);
  });
});
