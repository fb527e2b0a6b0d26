import { dayNumber } from './dates';
import { MatchingInputError } from './errors';
import { RadPoint, toRadPoint } from './geo';
import { compareIds } from './order';
import { GeoPoint, StudentInput, VacancyInput } from './types';

/** A student with everything the hot loop needs parsed once: day numbers, radians, sets. */
export interface PreparedStudent {
  id: string;
  programmeId: string;
  startDay: number;
  location: GeoPoint | null;
  point: RadPoint | null;
  maxTravelKm: number;
  hours: number;
  /** Normalised sectors of interest; null = any. */
  sectors: Set<string> | null;
  /** Vacancy id -> 0-based rank among the distinct preferences. */
  preferenceRank: Map<string, number>;
}

export interface PreparedVacancy {
  id: string;
  programmeIds: Set<string>;
  seats: number;
  hours: number;
  fromDay: number;
  toDay: number;
  location: GeoPoint | null;
  point: RadPoint | null;
  sector: string | null;
  /** Student id -> 0-based position in the company's own ranking. */
  candidateRank: Map<string, number>;
}

/** Sector labels come from free text and SBI letters alike; case and padding carry no meaning. */
export function normaliseSector(sector: string): string {
  return sector.trim().toLowerCase();
}

function finite(value: unknown, what: string, min = -Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new MatchingInputError(`${what} must be a finite number >= ${min}, got ${String(value)}`);
  }
  return value;
}

function idOf(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new MatchingInputError(`${what} must be a string`);
  return value;
}

function location(point: GeoPoint | null, what: string): GeoPoint | null {
  if (point === null || point === undefined) return null;
  const latitude = finite(point.latitude, `${what}.latitude`);
  const longitude = finite(point.longitude, `${what}.longitude`);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    throw new MatchingInputError(`${what} is not a latitude/longitude pair`);
  }
  return { latitude, longitude };
}

function rankMap(ids: readonly string[], what: string): Map<string, number> {
  const ranks = new Map<string, number>();
  if (!Array.isArray(ids)) throw new MatchingInputError(`${what} must be an array`);
  // A repeated id keeps its first (best) position; later copies would only dilute the ranks.
  for (const id of ids) if (!ranks.has(idOf(id, what))) ranks.set(id, ranks.size);
  return ranks;
}

export function prepareStudent(s: StudentInput): PreparedStudent {
  const id = idOf(s.id, 'student.id');
  const what = `student ${id}`;
  const loc = location(s.location, `${what} location`);
  if (!Array.isArray(s.sectors)) throw new MatchingInputError(`${what} sectors must be an array`);
  const sectors = s.sectors.map((x) => normaliseSector(idOf(x, `${what} sector`)));
  return {
    id,
    programmeId: idOf(s.programmeId, `${what} programmeId`),
    startDay: dayNumber(s.startDate, `${what} startDate`),
    location: loc,
    point: loc && toRadPoint(loc),
    maxTravelKm: finite(s.maxTravelKm, `${what} maxTravelKm`, 0),
    hours: finite(s.hoursPerWeek, `${what} hoursPerWeek`, 0),
    sectors: sectors.length ? new Set(sectors) : null,
    preferenceRank: rankMap(s.preferences, `${what} preferences`),
  };
}

export function prepareVacancy(v: VacancyInput): PreparedVacancy {
  const id = idOf(v.id, 'vacancy.id');
  const what = `vacancy ${id}`;
  const loc = location(v.location, `${what} location`);
  if (!Array.isArray(v.programmeIds)) {
    throw new MatchingInputError(`${what} programmeIds must be an array`);
  }
  if (v.sector !== null && typeof v.sector !== 'string') {
    throw new MatchingInputError(`${what} sector must be a string or null`);
  }
  return {
    id,
    programmeIds: new Set(v.programmeIds.map((p) => idOf(p, `${what} programmeId`))),
    // Overbooking can make capacity minus taken negative; that is simply no seat.
    seats: Math.max(0, Math.floor(finite(v.openSeats, `${what} openSeats`))),
    hours: finite(v.hoursPerWeek, `${what} hoursPerWeek`, 0),
    fromDay: dayNumber(v.startWindow?.from, `${what} startWindow.from`),
    toDay: dayNumber(v.startWindow?.to, `${what} startWindow.to`),
    location: loc,
    point: loc && toRadPoint(loc),
    sector: v.sector === null ? null : normaliseSector(v.sector),
    candidateRank: rankMap(v.candidateRanking, `${what} candidateRanking`),
  };
}

/** Rejects repeated ids: a run keyed by id would silently drop one of them. */
export function assertUniqueIds(items: readonly { id: string }[], what: string): void {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) throw new MatchingInputError(`duplicate ${what} id ${JSON.stringify(id)}`);
    seen.add(id);
  }
}

export interface PreparedInput {
  students: PreparedStudent[];
  vacancies: PreparedVacancy[];
}

/** Parsed, validated and in id order, so nothing downstream depends on the order of the input. */
export function prepareAll(
  students: readonly StudentInput[],
  vacancies: readonly VacancyInput[],
): PreparedInput {
  const s = students.map(prepareStudent).sort((a, b) => compareIds(a.id, b.id));
  const v = vacancies.map(prepareVacancy).sort((a, b) => compareIds(a.id, b.id));
  assertUniqueIds(s, 'student');
  assertUniqueIds(v, 'vacancy');
  return { students: s, vacancies: v };
}
