/**
 * Seeded randomness and the small generators the demo data is drawn with: the same seed gives the
 * same values, so the demo world is the same on every machine. Never Math.random.
 */

/** mulberry32: a small seeded PRNG, good enough for demo data. Never Math.random. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** Draws until the value is not in `used`, then records it there. */
  unique<T>(used: Set<T>, draw: () => T): T {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const value = draw();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
    throw new Error('Could not draw a unique value: the value space is too small');
  }
}

/** ASCII e-mail local part: ("IJsbrand", "van den Berg") → "ijsbrand.vandenberg". */
export function emailSlug(...parts: string[]): string {
  const special: Record<string, string> = {
    ł: 'l',
    Ł: 'l',
    ø: 'o',
    Ø: 'o',
    ı: 'i',
    ß: 'ss',
    æ: 'ae',
    đ: 'd',
  };
  return parts
    .map((part) =>
      part
        .replace(/[łŁøØıßæđ]/g, (c) => special[c])
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, ''),
    )
    .join('.');
}

/** A family name at the start of a company name is capitalised: "Van den Berg Bouw B.V.". */
export function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** n digits, the first not zero. */
export function digits(rng: Rng, n: number): string {
  let out = String(rng.int(1, 9));
  while (out.length < n) out += String(rng.int(0, 9));
  return out;
}

export function dutchPostcode(rng: Rng, prefix: string): string {
  const letters = [...'ABCEGHJKLMNPRSTVWXZ'];
  for (;;) {
    const pair = rng.pick(letters) + rng.pick(letters);
    if (!['SA', 'SD', 'SS'].includes(pair)) return `${prefix} ${pair}`; // pairs PostNL does not use
  }
}
