/**
 * A synthetic but realistic cohort for the matching benchmark, reproducible from a seed: Dutch
 * cities and postcodes, programmes tied to SBI sectors, two intakes (September, February),
 * clustered homes and workplaces, a few unknown locations, student preferences among nearby
 * vacancies and company rankings among nearby students.
 *
 * `generateMatchingData(seed, { students, vacancies })` returns the engine's input and the raw
 * rows behind it (programmes, companies, vacancies, students, with UUIDs, postcodes and
 * coordinates), so the same data set can be loaded into PostgreSQL for the API part of the
 * benchmark. Same seed and sizes => identical output.
 */
import { createHash } from 'node:crypto';
import type { StudentInput, VacancyInput } from '@app/matching-engine';

export interface CityRow {
  name: string;
  latitude: number;
  longitude: number;
  /** Relative population: how many homes and workplaces the city draws. */
  weight: number;
  /** Range of 4-digit postcodes of the city. */
  postcodeFrom: number;
  postcodeTo: number;
}

export interface ProgrammeRow {
  id: string;
  code: string;
  name: string;
  /** SBI sections whose companies typically offer this programme's workplaces. */
  sectors: string[];
  /** Relative size of the programme. */
  weight: number;
}

export interface CompanyRow {
  id: string;
  name: string;
  city: string;
  postcode: string;
  /** Null when the postcode could not be geocoded. */
  latitude: number | null;
  longitude: number | null;
  sector: string;
}

export interface VacancyRow {
  id: string;
  companyId: string;
  title: string;
  programmeIds: string[];
  capacity: number;
  seatsTaken: number;
  hoursPerWeek: number;
  /** First day of the start window (the vacancy's startDate in the API). */
  startDate: string;
  /** Last day of the start window, inclusive. */
  startWindowEnd: string;
  city: string;
  postcode: string;
  latitude: number | null;
  longitude: number | null;
  sector: string;
  /** Student ids the company ranked, most preferred first. */
  candidateRanking: string[];
}

export interface StudentRow {
  id: string;
  studentNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  programmeId: string;
  startDate: string;
  city: string;
  postcode: string;
  latitude: number | null;
  longitude: number | null;
  maxTravelKm: number;
  hoursPerWeek: number;
  sectors: string[];
  /** Vacancy ids, most preferred first. */
  preferences: string[];
}

export interface MatchingData {
  seed: string;
  students: StudentInput[];
  vacancies: VacancyInput[];
  programmeIds: string[];
  rows: {
    cities: CityRow[];
    programmes: ProgrammeRow[];
    companies: CompanyRow[];
    vacancies: VacancyRow[];
    students: StudentRow[];
  };
}

export const SECTOR_NAMES: Record<string, string> = {
  C: 'Industrie',
  D: 'Energievoorziening',
  F: 'Bouwnijverheid',
  G: 'Handel',
  H: 'Vervoer en opslag',
  I: 'Logies-, maaltijd- en drankverstrekking',
  J: 'Informatie en communicatie',
  K: 'Financiële dienstverlening',
  M: 'Specialistische zakelijke diensten',
  N: 'Verhuur en overige zakelijke diensten',
  O: 'Openbaar bestuur en overheidsdiensten',
  P: 'Onderwijs',
  Q: 'Gezondheids- en welzijnszorg',
};

const CITIES: CityRow[] = [
  {
    name: 'Amsterdam',
    latitude: 52.37,
    longitude: 4.9,
    weight: 9,
    postcodeFrom: 1011,
    postcodeTo: 1109,
  },
  {
    name: 'Rotterdam',
    latitude: 51.92,
    longitude: 4.48,
    weight: 7,
    postcodeFrom: 3011,
    postcodeTo: 3089,
  },
  {
    name: 'Den Haag',
    latitude: 52.08,
    longitude: 4.3,
    weight: 6,
    postcodeFrom: 2491,
    postcodeTo: 2599,
  },
  {
    name: 'Utrecht',
    latitude: 52.09,
    longitude: 5.12,
    weight: 4,
    postcodeFrom: 3511,
    postcodeTo: 3585,
  },
  {
    name: 'Eindhoven',
    latitude: 51.44,
    longitude: 5.47,
    weight: 2.5,
    postcodeFrom: 5611,
    postcodeTo: 5658,
  },
  {
    name: 'Groningen',
    latitude: 53.22,
    longitude: 6.57,
    weight: 2.5,
    postcodeFrom: 9711,
    postcodeTo: 9747,
  },
  {
    name: 'Tilburg',
    latitude: 51.56,
    longitude: 5.09,
    weight: 2.2,
    postcodeFrom: 5011,
    postcodeTo: 5049,
  },
  {
    name: 'Almere',
    latitude: 52.37,
    longitude: 5.21,
    weight: 2.2,
    postcodeFrom: 1311,
    postcodeTo: 1364,
  },
  {
    name: 'Breda',
    latitude: 51.59,
    longitude: 4.78,
    weight: 1.9,
    postcodeFrom: 4811,
    postcodeTo: 4841,
  },
  {
    name: 'Nijmegen',
    latitude: 51.84,
    longitude: 5.86,
    weight: 1.8,
    postcodeFrom: 6511,
    postcodeTo: 6546,
  },
  {
    name: 'Enschede',
    latitude: 52.22,
    longitude: 6.89,
    weight: 1.6,
    postcodeFrom: 7511,
    postcodeTo: 7548,
  },
  {
    name: 'Arnhem',
    latitude: 51.98,
    longitude: 5.91,
    weight: 1.7,
    postcodeFrom: 6811,
    postcodeTo: 6846,
  },
  {
    name: 'Zwolle',
    latitude: 52.52,
    longitude: 6.08,
    weight: 1.4,
    postcodeFrom: 8011,
    postcodeTo: 8043,
  },
  {
    name: 'Amersfoort',
    latitude: 52.16,
    longitude: 5.39,
    weight: 1.6,
    postcodeFrom: 3811,
    postcodeTo: 3833,
  },
  {
    name: "'s-Hertogenbosch",
    latitude: 51.69,
    longitude: 5.3,
    weight: 1.6,
    postcodeFrom: 5211,
    postcodeTo: 5248,
  },
  {
    name: 'Leeuwarden',
    latitude: 53.2,
    longitude: 5.79,
    weight: 1.2,
    postcodeFrom: 8911,
    postcodeTo: 8939,
  },
  {
    name: 'Middelburg',
    latitude: 51.5,
    longitude: 3.61,
    weight: 0.6,
    postcodeFrom: 4331,
    postcodeTo: 4341,
  },
];

const PROGRAMMES: Array<Omit<ProgrammeRow, 'id'>> = [
  { code: 'HBO-ICT', name: 'HBO-ICT', sectors: ['J', 'M'], weight: 10 },
  { code: 'VPK', name: 'Verpleegkunde', sectors: ['Q'], weight: 10 },
  { code: 'BK', name: 'Bedrijfskunde', sectors: ['N', 'M', 'K'], weight: 7 },
  { code: 'WTB', name: 'Werktuigbouwkunde', sectors: ['C'], weight: 5 },
  { code: 'ET', name: 'Elektrotechniek', sectors: ['C', 'D', 'F'], weight: 4 },
  { code: 'BWK', name: 'Bouwkunde', sectors: ['F'], weight: 4 },
  { code: 'LOG', name: 'Logistiek', sectors: ['H', 'G'], weight: 4 },
  { code: 'CE', name: 'Commerciële Economie', sectors: ['G', 'N'], weight: 5 },
  { code: 'ACC', name: 'Accountancy', sectors: ['K', 'M'], weight: 3 },
  { code: 'PED', name: 'Pedagogiek', sectors: ['P', 'Q'], weight: 5 },
  { code: 'SW', name: 'Social Work', sectors: ['Q', 'O'], weight: 7 },
  { code: 'HM', name: 'Hotel Management', sectors: ['I'], weight: 3 },
  { code: 'CT', name: 'Civiele Techniek', sectors: ['F', 'O'], weight: 3 },
  { code: 'CHE', name: 'Chemie', sectors: ['C', 'M'], weight: 2 },
  { code: 'FC', name: 'Finance & Control', sectors: ['K'], weight: 3 },
  { code: 'HRM', name: 'Human Resource Management', sectors: ['N', 'O'], weight: 4 },
  { code: 'COM', name: 'Communicatie', sectors: ['J', 'M'], weight: 4 },
  {
    code: 'BML',
    name: 'Biologie en Medisch Laboratoriumonderzoek',
    sectors: ['Q', 'M'],
    weight: 2,
  },
  { code: 'BSK', name: 'Bestuurskunde', sectors: ['O'], weight: 3 },
  { code: 'TBK', name: 'Technische Bedrijfskunde', sectors: ['C', 'H'], weight: 3 },
];

const FIRST_NAMES = [
  'Daan',
  'Emma',
  'Sem',
  'Julia',
  'Lucas',
  'Mila',
  'Finn',
  'Tess',
  'Levi',
  'Sophie',
  'Noah',
  'Zoë',
  'Milan',
  'Sara',
  'Bram',
  'Fleur',
  'Ayoub',
  'Nora',
  'Mohamed',
  'Yara',
];
const LAST_NAMES = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'van Dijk',
  'Bakker',
  'Janssen',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'El Amrani',
  'Yilmaz',
  'Dekker',
];
const COMPANY_WORDS = [
  'Noord',
  'Delta',
  'Polder',
  'Rijn',
  'Maas',
  'Duin',
  'Kust',
  'Veen',
  'Horizon',
  'Brug',
  'Haven',
  'Molen',
];
const COMPANY_KINDS = [
  'Groep',
  'Techniek',
  'Zorg',
  'Advies',
  'Logistiek',
  'Systems',
  'Partners',
  'Bouw',
  'Services',
  'Holding',
];

/** Bounds of the generated coordinates (the Netherlands, roughly). */
const LAT = { min: 51.0, max: 53.5 };
const LON = { min: 3.5, max: 7.0 };

/** sfc32, seeded from SHA-256 of the seed: fast, 128-bit state, no dependency. */
export function createRng(seed: string): () => number {
  const h = createHash('sha256').update(seed).digest();
  let a = h.readUInt32LE(0);
  let b = h.readUInt32LE(4);
  let c = h.readUInt32LE(8);
  let d = h.readUInt32LE(12);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

class Draw {
  constructor(readonly next: () => number) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T extends { weight: number }>(items: readonly T[]): T {
    let total = 0;
    for (const item of items) total += item.weight;
    let r = this.next() * total;
    for (const item of items) if ((r -= item.weight) < 0) return item;
    return items[items.length - 1];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Box-Muller. */
  gaussian(sigma: number): number {
    const u = 1 - this.next();
    return sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** A random version-4 UUID, so the rows can go straight into uuid columns. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** `k` distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }
}

interface Place {
  city: CityRow;
  postcode: string;
  latitude: number | null;
  longitude: number | null;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Postcode letters never used in the Netherlands for obvious reasons. */
const BANNED_LETTERS = new Set(['SA', 'SD', 'SS']);

function place(d: Draw, city: CityRow, sigmaDeg: number, unknownShare: number): Place {
  let letters: string;
  do {
    letters = String.fromCharCode(65 + d.int(0, 25), 65 + d.int(0, 25));
  } while (BANNED_LETTERS.has(letters));
  const postcode = `${d.int(city.postcodeFrom, city.postcodeTo)} ${letters}`;
  if (d.chance(unknownShare)) return { city, postcode, latitude: null, longitude: null };
  // Longitude degrees are shorter here (cos 52° ~ 0.62), so the spread is wider in degrees.
  const latitude = round5(clamp(city.latitude + d.gaussian(sigmaDeg), LAT.min, LAT.max));
  const longitude = round5(clamp(city.longitude + d.gaussian(sigmaDeg * 1.6), LON.min, LON.max));
  return { city, postcode, latitude, longitude };
}

const INTAKES = [
  {
    weight: 8,
    studentStarts: ['2025-09-01', '2025-09-01', '2025-09-01', '2025-09-15', '2025-10-01'],
    windowFroms: ['2025-08-25', '2025-09-01', '2025-09-01'],
    windowDays: [35, 84],
  },
  {
    weight: 2,
    studentStarts: ['2026-02-02', '2026-02-02', '2026-02-16'],
    windowFroms: ['2026-01-26', '2026-02-02'],
    windowDays: [28, 63],
  },
];
const STUDENT_HOURS = [24, 28, 32, 32, 36, 36, 40];
const VACANCY_HOURS = [16, 20, 24, 28, 32, 32, 36, 36, 38, 40];
/** Mean about 6.3 seats, of which a few are already taken: ~6 open seats per vacancy. */
const CAPACITIES = [1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 12, 15, 16];

function makeProgrammes(d: Draw): ProgrammeRow[] {
  return PROGRAMMES.map((p) => ({ id: d.uuid(), ...p }));
}

function makeCompanies(d: Draw, count: number, programmes: ProgrammeRow[]): CompanyRow[] {
  return Array.from({ length: count }, (_, i) => {
    const at = place(d, d.weighted(CITIES), 0.05, 0.02);
    return {
      id: d.uuid(),
      name: `${d.pick(COMPANY_WORDS)} ${d.pick(COMPANY_KINDS)} ${i + 1} B.V.`,
      city: at.city.name,
      postcode: at.postcode,
      latitude: at.latitude,
      longitude: at.longitude,
      sector: d.pick(d.weighted(programmes).sectors),
    };
  });
}

/** A vacancy accepts programmes that share its company's sector: one mostly, sometimes two or three. */
function acceptedProgrammes(d: Draw, sector: string, programmes: ProgrammeRow[]): string[] {
  const fitting = programmes.filter((p) => p.sectors.includes(sector));
  const first = d.weighted(fitting);
  const extra = d.chance(0.1) ? 2 : d.chance(0.35) ? 1 : 0;
  const others = d.sample(
    fitting.filter((p) => p !== first),
    extra,
  );
  return [first, ...others].map((p) => p.id);
}

function makeVacancies(
  d: Draw,
  count: number,
  companies: CompanyRow[],
  programmes: ProgrammeRow[],
): VacancyRow[] {
  return Array.from({ length: count }, () => {
    const company = d.pick(companies);
    const intake = d.weighted(INTAKES);
    const startDate = d.pick(intake.windowFroms);
    const capacity = d.pick(CAPACITIES);
    const programmeIds = acceptedProgrammes(d, company.sector, programmes);
    const programme = programmes.find((p) => p.id === programmeIds[0]) as ProgrammeRow;
    return {
      id: d.uuid(),
      companyId: company.id,
      title: `Werkplek ${programme.name}`,
      programmeIds,
      capacity,
      seatsTaken: d.chance(0.2) ? d.int(0, Math.min(2, capacity)) : 0,
      hoursPerWeek: d.pick(VACANCY_HOURS),
      startDate,
      startWindowEnd: addDays(startDate, d.int(intake.windowDays[0], intake.windowDays[1])),
      city: company.city,
      postcode: company.postcode,
      latitude: company.latitude,
      longitude: company.longitude,
      sector: company.sector,
      candidateRanking: [],
    };
  });
}

function studentSectors(d: Draw, programme: ProgrammeRow): string[] {
  if (d.chance(0.2)) return [];
  const own = d.sample(programme.sectors, d.int(1, 2));
  return d.chance(0.2) ? [...new Set([...own, d.pick(Object.keys(SECTOR_NAMES))])] : own;
}

function makeStudents(
  d: Draw,
  count: number,
  programmes: ProgrammeRow[],
  nearby: Map<string, string[]>,
): StudentRow[] {
  return Array.from({ length: count }, (_, i) => {
    const programme = d.weighted(programmes);
    const intake = d.weighted(INTAKES);
    // Most live in or around a city; some further out in the region.
    const at = place(d, d.weighted(CITIES), d.chance(0.85) ? 0.07 : 0.25, 0.03);
    const firstName = d.pick(FIRST_NAMES);
    const lastName = d.pick(LAST_NAMES);
    const studentNumber = String(5_000_000 + i);
    const options = nearby.get(`${programme.id}|${at.city.name}`) ?? [];
    return {
      id: d.uuid(),
      studentNumber,
      firstName,
      lastName,
      email: `${studentNumber}@student.bench.local`,
      programmeId: programme.id,
      startDate: d.pick(intake.studentStarts),
      city: at.city.name,
      postcode: at.postcode,
      latitude: at.latitude,
      longitude: at.longitude,
      maxTravelKm: 5 * d.int(4, 12),
      hoursPerWeek: d.pick(STUDENT_HOURS),
      sectors: studentSectors(d, programme),
      preferences: d.chance(0.4) ? d.sample(options, d.int(1, 5)) : [],
    };
  });
}

/** Some companies rank a few students of their programmes from their own city. */
function rankCandidates(d: Draw, vacancies: VacancyRow[], students: StudentRow[]): void {
  const byProgrammeCity = groupBy(students, (s) => [`${s.programmeId}|${s.city}`]);
  for (const v of vacancies) {
    if (!d.chance(0.25)) continue;
    const pool = v.programmeIds.flatMap((p) => byProgrammeCity.get(`${p}|${v.city}`) ?? []);
    v.candidateRanking = d.sample(pool, d.int(1, 4));
  }
}

function groupBy<T>(items: readonly T[], keys: (item: T) => string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const id = (item as { id: string }).id;
      const group = groups.get(key);
      if (group) group.push(id);
      else groups.set(key, [id]);
    }
  }
  return groups;
}

function point(
  latitude: number | null,
  longitude: number | null,
): { latitude: number; longitude: number } | null {
  return latitude === null || longitude === null ? null : { latitude, longitude };
}

export function toStudentInput(s: StudentRow): StudentInput {
  return {
    id: s.id,
    programmeId: s.programmeId,
    startDate: s.startDate,
    location: point(s.latitude, s.longitude),
    maxTravelKm: s.maxTravelKm,
    hoursPerWeek: s.hoursPerWeek,
    sectors: s.sectors,
    preferences: s.preferences,
  };
}

export function toVacancyInput(v: VacancyRow): VacancyInput {
  return {
    id: v.id,
    programmeIds: v.programmeIds,
    openSeats: v.capacity - v.seatsTaken,
    hoursPerWeek: v.hoursPerWeek,
    startWindow: { from: v.startDate, to: v.startWindowEnd },
    location: point(v.latitude, v.longitude),
    sector: v.sector,
    candidateRanking: v.candidateRanking,
  };
}

export function generateMatchingData(
  seed: string,
  sizes: { students: number; vacancies: number },
): MatchingData {
  const d = new Draw(createRng(seed));
  const programmes = makeProgrammes(d);
  const companies = makeCompanies(d, Math.ceil(sizes.vacancies * 0.6), programmes);
  const vacancies = makeVacancies(d, sizes.vacancies, companies, programmes);
  const nearby = groupBy(vacancies, (v) => v.programmeIds.map((p) => `${p}|${v.city}`));
  const students = makeStudents(d, sizes.students, programmes, nearby);
  rankCandidates(d, vacancies, students);
  return {
    seed,
    students: students.map(toStudentInput),
    vacancies: vacancies.map(toVacancyInput),
    programmeIds: programmes.map((p) => p.id),
    rows: { cities: CITIES, programmes, companies, vacancies, students },
  };
}
