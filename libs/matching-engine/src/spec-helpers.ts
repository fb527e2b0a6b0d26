/** Random instances and reference definitions for the specs (not exported from the library). */
import { evaluate } from './score';
import { seededTieBreak } from './tie-break';
import { PreferenceLists, StudentInput, VacancyInput, Weights } from './types';

/** mulberry32: a tiny seeded PRNG, so every spec run sees the same "random" instances. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (r: () => number, min: number, max: number): number =>
  min + Math.floor(r() * (max - min + 1));
export const pick = <T>(r: () => number, items: readonly T[]): T =>
  items[Math.floor(r() * items.length)];

export function shuffle<T>(r: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const DATES = ['2025-08-25', '2025-09-01', '2025-09-15', '2025-10-01', '2025-10-20'];
const SECTORS = ['C', 'F', 'J', 'Q'];

export interface RandomOptions {
  programmes?: number;
  /** Coarse values (few distinct hours, dates, places) make equal scores, hence ties, likely. */
  coarse?: boolean;
  unknownLocationShare?: number;
}

function randomPoint(
  r: () => number,
  o: RandomOptions,
): { latitude: number; longitude: number } | null {
  if (r() < (o.unknownLocationShare ?? 0.1)) return null;
  if (o.coarse)
    return pick(r, [
      { latitude: 52, longitude: 5 },
      { latitude: 52.1, longitude: 5.1 },
    ]);
  return { latitude: 51 + r() * 2.5, longitude: 3.5 + r() * 3.5 };
}

export function randomStudent(
  r: () => number,
  id: string,
  vacancyIds: string[],
  o: RandomOptions = {},
): StudentInput {
  return {
    id,
    programmeId: `p${int(r, 0, (o.programmes ?? 2) - 1)}`,
    startDate: o.coarse ? '2025-09-01' : pick(r, DATES),
    location: randomPoint(r, o),
    maxTravelKm: o.coarse ? 60 : int(r, 10, 120),
    hoursPerWeek: o.coarse ? 32 : pick(r, [16, 24, 32, 36, 40]),
    sectors: o.coarse ? [] : shuffle(r, SECTORS).slice(0, int(r, 0, 2)),
    preferences: o.coarse ? [] : shuffle(r, vacancyIds).slice(0, int(r, 0, 3)),
  };
}

export function randomVacancy(
  r: () => number,
  id: string,
  studentIds: string[],
  o: RandomOptions = {},
): VacancyInput {
  const from = o.coarse ? '2025-09-01' : pick(r, DATES.slice(0, 3));
  const programmes = o.programmes ?? 2;
  return {
    id,
    programmeIds: shuffle(
      r,
      Array.from({ length: programmes }, (_, i) => `p${i}`),
    ).slice(0, int(r, 1, programmes)),
    openSeats: int(r, o.coarse ? 1 : 0, 3),
    hoursPerWeek: o.coarse ? 32 : pick(r, [16, 24, 32, 40]),
    startWindow: {
      from,
      to: o.coarse
        ? '2025-09-30'
        : pick(
            r,
            DATES.filter((d) => d >= from),
          ),
    },
    location: randomPoint(r, o),
    sector: o.coarse ? null : r() < 0.2 ? null : pick(r, SECTORS),
    candidateRanking: o.coarse ? [] : shuffle(r, studentIds).slice(0, int(r, 0, 2)),
  };
}

export function randomInstance(
  r: () => number,
  students: number,
  vacancies: number,
  o: RandomOptions = {},
): { students: StudentInput[]; vacancies: VacancyInput[] } {
  const sIds = Array.from({ length: students }, (_, i) => `s${String(i).padStart(5, '0')}`);
  const vIds = Array.from({ length: vacancies }, (_, i) => `v${String(i).padStart(5, '0')}`);
  return {
    students: sIds.map((id) => randomStudent(r, id, vIds, o)),
    vacancies: vIds.map((id) => randomVacancy(r, id, sIds, o)),
  };
}

/** Preference lists written by hand: students' ordered lists, vacancies' priority orders, seats. */
export function listsFrom(
  students: Record<string, string[]>,
  priorities: Record<string, string[]>,
  capacities: Record<string, number>,
): PreferenceLists {
  return {
    students: new Map(Object.entries(students)),
    capacities: new Map(Object.entries(capacities)),
    vacancyRank: (v, s) => {
      const i = (priorities[v] ?? []).indexOf(s);
      return i < 0 ? Infinity : i;
    },
    evaluation: () => undefined,
  };
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The documented orders by definition, from evaluate() on every pair with no index, for specs
 * to check the builder and the verifier against: a student's stated eligible vacancies in its
 * order, then the others by score, lottery, id, cut to listLength (never a stated one); a
 * vacancy's company-ranked students in its order, then score, lottery, id.
 */
export function referenceLists(
  students: readonly StudentInput[],
  vacancies: readonly VacancyInput[],
  options: { seed: string; listLength?: number; weights?: Weights },
): PreferenceLists {
  const listLength = options.listLength ?? 20;
  const lottery = (id: string) => seededTieBreak(options.seed, id);
  const score = new Map<string, number>();
  const key = (s: string, v: string) => `${s}\u0000${v}`;
  const lists = new Map<string, string[]>();
  for (const s of [...students].sort((a, b) => byId(a.id, b.id))) {
    const eligible = vacancies.filter((v) => {
      const e = evaluate(s, v, options.weights);
      if (e.eligible) score.set(key(s.id, v.id), e.score);
      return e.eligible;
    });
    const stated = [...new Set(s.preferences)].filter((id) => score.has(key(s.id, id)));
    const rest = eligible
      .map((v) => v.id)
      .filter((id) => !stated.includes(id))
      .sort(
        (a, b) =>
          score.get(key(s.id, b))! - score.get(key(s.id, a))! ||
          lottery(a) - lottery(b) ||
          byId(a, b),
      );
    lists.set(s.id, [...stated, ...rest.slice(0, Math.max(0, listLength - stated.length))]);
  }
  const priorities: Record<string, string[]> = {};
  for (const v of vacancies) {
    const ranked = [...new Set(v.candidateRanking)];
    const rank = (s: string) => (ranked.includes(s) ? ranked.indexOf(s) : Infinity);
    priorities[v.id] = [...lists.keys()]
      .filter((s) => lists.get(s)!.includes(v.id))
      .sort(
        (a, b) =>
          (rank(a) !== rank(b) ? (rank(a) < rank(b) ? -1 : 1) : 0) ||
          score.get(key(b, v.id))! - score.get(key(a, v.id))! ||
          lottery(a) - lottery(b) ||
          byId(a, b),
      );
  }
  const capacities = Object.fromEntries(vacancies.map((v) => [v.id, Math.max(0, v.openSeats)]));
  return listsFrom(Object.fromEntries(lists), priorities, capacities);
}
