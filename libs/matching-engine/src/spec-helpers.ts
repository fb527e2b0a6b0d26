/** Random instances for the specs (not exported from the library). */
import { PreferenceLists, StudentInput, VacancyInput } from './types';

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
