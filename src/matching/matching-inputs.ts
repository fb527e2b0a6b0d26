import type { StudentInput, VacancyInput } from '@app/matching-engine';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DirectoryReads } from '../directory/directory-reads';
import { StudentReads } from '../students/student-reads';

/** Which students and vacancies a shortlist or run considers; each filter narrows in SQL. */
export interface InputFilter {
  studentIds?: string[];
  universityId?: string;
  programmeIds?: string[];
  cohort?: number;
  vacancyIds?: string[];
  /** Only vacancies accepting one of these programmes. */
  acceptingProgrammeIds?: string[];
  /** Only vacancies near this point (a bounding box: the exact distance rule is the engine's). */
  near?: { latitude: number; longitude: number; km: number };
  /** Only students whose start date lies in this window. */
  startBetween?: { from: string; to: string };
  /** Only students whose own travel distance may reach this point (a box per student). */
  reachableFrom?: { latitude: number; longitude: number };
  /** Only vacancies whose start window contains this date. */
  windowContains?: string;
}

const KM_PER_DEGREE_LATITUDE = 111.2;

/**
 * Appends SQL conditions to `where`, numbering each `$?` placeholder as its value is added
 * (after the `params` already given).
 */
function conditions(where: string[], params: unknown[] = []) {
  const add = (sql: string, ...values: unknown[]) => {
    let out = sql;
    for (const value of values) {
      params.push(value);
      out = out.replace('$?', `$${params.length}`);
    }
    where.push(out);
  };
  return { params, add };
}

function box(near: NonNullable<InputFilter['near']>) {
  const dLat = near.km / KM_PER_DEGREE_LATITUDE;
  const dLon = near.km / (KM_PER_DEGREE_LATITUDE * Math.cos((near.latitude * Math.PI) / 180));
  return [near.latitude - dLat, near.latitude + dLat, near.longitude - dLon, near.longitude + dLon];
}

type Box = ReturnType<typeof box>;

/** Whether a location (each coordinate possibly unknown) passes the bounding-box filter. */
function inBox(latitude: number | null, longitude: number | null, b: Box): boolean {
  // As PostgreSQL's BETWEEN: no latitude keeps the vacancy, a latitude without a longitude drops it.
  if (latitude === null) return true;
  const [minLat, maxLat, minLon, maxLon] = b;
  return (
    latitude >= minLat &&
    latitude <= maxLat &&
    longitude !== null &&
    longitude >= minLon &&
    longitude <= maxLon
  );
}

const num = (x: string | null) => (x === null ? null : Number(x));

interface VacancyRow {
  id: string;
  programme_ids: string[] | null;
  open_seats: number;
  hours_per_week: number;
  start_from: string;
  start_to: string;
  latitude: string | null;
  longitude: string | null;
  workplace_id: string | null;
  sector: string | null;
  ranking: string[] | null;
}

/**
 * What the engine considers, read set-based: the students' rows from the students module (one
 * query whatever the cohort's size), their stated search and matches from matching's tables
 * (one query over those ids); vacancies from matching's tables, with the coordinates of the
 * workplace companies that have none of their own from the directory (one query).
 */
@Injectable()
export class MatchingInputs {
  constructor(
    private readonly students: StudentReads,
    private readonly directory: DirectoryReads,
  ) {}

  /**
   * Students seeking a workplace, as engine input: those with a stated search and no accepted
   * match. Filters (university, programme, cohort, start window, a bounding box) run in
   * PostgreSQL so only the candidates reach the scoring.
   */
  async studentInputs(manager: EntityManager, f: InputFilter): Promise<StudentInput[]> {
    const found = await this.students.find(manager, {
      ids: f.studentIds,
      universityId: f.universityId,
      programmeIds: f.programmeIds,
      cohort: f.cohort,
    });
    if (found.ids.length === 0) return [];
    const where = [
      `NOT EXISTS (SELECT 1 FROM matches am WHERE am.student_id = s.id AND am.status = 'accepted')`,
    ];
    const { params, add } = conditions(where, [found.ids, found.programmeIds]);
    if (f.startBetween)
      add('k.start_date BETWEEN $? AND $?', f.startBetween.from, f.startBetween.to);
    if (f.reachableFrom) {
      // Each student's own radius as a box; students without coordinates stay in (the travel
      // rule cannot exclude them). cos(latitude) of the Netherlands is within 0.61-0.65.
      add(
        `(k.latitude IS NULL OR (abs(k.latitude - $?) * ${KM_PER_DEGREE_LATITUDE} <= k.max_travel_km
           AND abs(k.longitude - $?) * ${KM_PER_DEGREE_LATITUDE * 0.6} <= k.max_travel_km))`,
        f.reachableFrom.latitude,
        f.reachableFrom.longitude,
      );
    }
    const rows: {
      id: string;
      programme_id: string;
      start_date: string;
      latitude: string | null;
      longitude: string | null;
      max_travel_km: number;
      hours_per_week: number;
      sectors: string[];
      preferences: string[];
    }[] = await manager.query(
      `SELECT s.id, s.programme_id, to_char(k.start_date, 'YYYY-MM-DD') AS start_date, k.latitude, k.longitude,
              k.max_travel_km, k.hours_per_week, k.sectors, k.preferences
         FROM unnest($1::uuid[], $2::uuid[]) AS s(id, programme_id)
         JOIN student_seeking k ON k.student_id = s.id
        WHERE ${where.join(' AND ')}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      programmeId: r.programme_id,
      startDate: r.start_date,
      location:
        r.latitude === null || r.longitude === null
          ? null
          : { latitude: Number(r.latitude), longitude: Number(r.longitude) },
      maxTravelKm: r.max_travel_km,
      hoursPerWeek: r.hours_per_week,
      sectors: r.sectors,
      preferences: r.preferences,
    }));
  }

  /**
   * Open vacancies with seats, as engine input (location: the vacancy's, else its workplace
   * company's). The bounding box narrows in PostgreSQL on the vacancy's own coordinates; those
   * without their own are decided here, on their company's.
   */
  async vacancyInputs(manager: EntityManager, f: InputFilter): Promise<VacancyInput[]> {
    const where = [`v.status = 'open'`, 'v.seats_taken < v.capacity'];
    const { params, add } = conditions(where);
    if (f.vacancyIds) add('v.id = ANY($?)', f.vacancyIds);
    if (f.acceptingProgrammeIds) {
      add(
        'EXISTS (SELECT 1 FROM vacancy_programmes fp WHERE fp.vacancy_id = v.id AND fp.programme_id = ANY($?))',
        f.acceptingProgrammeIds,
      );
    }
    if (f.windowContains) add('$? BETWEEN v.start_from AND v.start_to', f.windowContains);
    const near = f.near ? box(f.near) : null;
    if (near) {
      add(
        '(v.latitude IS NULL OR v.longitude IS NULL OR (v.latitude BETWEEN $? AND $? AND v.longitude BETWEEN $? AND $?))',
        ...near,
      );
    }
    const rows: VacancyRow[] = await manager.query(
      `SELECT v.id, v.capacity - v.seats_taken AS open_seats, v.hours_per_week,
              to_char(v.start_from, 'YYYY-MM-DD') AS start_from, to_char(v.start_to, 'YYYY-MM-DD') AS start_to,
              v.latitude, v.longitude, COALESCE(v.company_id, v.host_company_id) AS workplace_id, v.sector,
              (SELECT array_agg(vp.programme_id) FROM vacancy_programmes vp WHERE vp.vacancy_id = v.id) AS programme_ids,
              (SELECT array_agg(r.student_id ORDER BY r.rank) FROM vacancy_rankings r WHERE r.vacancy_id = v.id) AS ranking
         FROM vacancies v
        WHERE ${where.join(' AND ')}`,
      params,
    );
    const companies = await this.directory.companiesByIds(
      manager,
      rows.flatMap((r) =>
        (r.latitude === null || r.longitude === null) && r.workplace_id ? [r.workplace_id] : [],
      ),
    );
    const inputs: VacancyInput[] = [];
    for (const r of rows) {
      const company = r.workplace_id ? companies.get(r.workplace_id) : undefined;
      // Coordinate by coordinate, as COALESCE(vacancy's, company's).
      const latitude = num(r.latitude) ?? company?.latitude ?? null;
      const longitude = num(r.longitude) ?? company?.longitude ?? null;
      if (near && !inBox(latitude, longitude, near)) continue;
      inputs.push({
        id: r.id,
        programmeIds: r.programme_ids ?? [],
        openSeats: r.open_seats,
        hoursPerWeek: r.hours_per_week,
        startWindow: { from: r.start_from, to: r.start_to },
        location: latitude === null || longitude === null ? null : { latitude, longitude },
        sector: r.sector,
        candidateRanking: r.ranking ?? [],
      });
    }
    return inputs;
  }
}
