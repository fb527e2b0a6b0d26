/**
 * FNV-1a over UTF-16 code units, continued from a given state, so a seed's prefix is hashed once
 * and every id costs one pass over its own characters.
 */
function fnv1a(state: number, text: string): number {
  let h = state;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** MurmurHash3's finaliser: FNV-1a alone leaves ids that differ in their last character close together. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;

/** A tie-breaker for one run: id -> uint32, the same as seededTieBreak(seed, id). */
export function tieBreaker(seed: string): (id: string) => number {
  const prefix = fnv1a(FNV_OFFSET, `${seed}:`);
  return (id) => fmix32(fnv1a(prefix, id));
}

/**
 * The lottery number of an id in a run: a uint32, deterministic in (seed, id); a non-crypto hash
 * because a run draws one per student and vacancy and nobody gains by predicting it (the seed is
 * recorded with the run anyway). Equal numbers fall back to the id, so the order stays total.
 */
export function seededTieBreak(seed: string, id: string): number {
  return tieBreaker(seed)(id);
}
