import { sortBy } from './sort';
import { rng } from './spec-helpers';

describe('sortBy', () => {
  it('sorts sub-ranges by a strict total order like Array.prototype.sort, leaving the rest alone', () => {
    const r = rng(3);
    for (let round = 0; round < 300; round++) {
      const n = Math.floor(r() * 300);
      // Few distinct keys, so the order relies on its tie-breaker (the index) as in the engine.
      const key = Float64Array.from({ length: n }, () => Math.floor(r() * 5));
      const ahead = (a: number, b: number): boolean =>
        key[a] !== key[b] ? key[a] > key[b] : a < b;
      const a = Int32Array.from(Array.from({ length: n }, (_, i) => i).sort(() => r() - 0.5));
      const from = Math.floor(r() * (n + 1));
      const to = from + Math.floor(r() * (n - from + 1));
      const expected = [
        ...a.slice(0, from),
        ...Array.from(a.slice(from, to)).sort((x, y) => (ahead(x, y) ? -1 : ahead(y, x) ? 1 : 0)),
        ...a.slice(to),
      ];
      sortBy(a, from, to, ahead);
      expect(Array.from(a)).toEqual(expected);
    }
  });
});
