import { EARTH_RADIUS_KM, boundingBox } from './geo';
import { PreparedStudent, PreparedVacancy } from './prepare';

/** About 28 x 17 km in the Netherlands: a 60 km reach reads some 40 cells, a 20 km one about 12. */
const CELL_DEG = 0.25;

function cellOf(degrees: number): number {
  return Math.floor(degrees / CELL_DEG);
}

/** Unique for every cell of the globe: latitude cells span -360..360, longitude -720..720. */
function cellKey(latCell: number, lonCell: number): number {
  return (latCell + 512) * 2048 + (lonCell + 1024);
}

/** Fields of a packed entry: one vacancy in 8 doubles, one cache line. */
export const FROM = 0;
export const TO = 1;
export const HOURS = 2;
export const LAT = 3;
export const LON = 4;
export const COS = 5;
/** The vacancy's sector code (index in `sectors`), -1 for none. */
export const SECTOR = 6;
export const INDEX = 7;
export const STRIDE = 8;

interface ProgrammeCells {
  /** Entries [unlocated.start, unlocated.end) have no location. */
  unlocated: { start: number; end: number };
  /** The whole programme, for a student whose reach no box describes. */
  all: { start: number; end: number };
  /** Cell key -> [start, end) of its entries. */
  cells: Map<number, number>;
}

/**
 * Vacancies with a seat, by accepted programme and then by a coarse latitude/longitude cell, so
 * a student is evaluated against the vacancies of its own programme within its travel box
 * instead of all of them. The box is a superset of the reachable area (see boundingBox); the
 * exact distance check stays with the evaluation, so the index only saves work, never decides.
 *
 * The numbers the evaluation reads are packed per entry, cell after cell, so a student's
 * candidates are a few contiguous runs of memory rather than scattered objects (a vacancy
 * accepting several programmes has an entry under each).
 */
export class PackedVacancyIndex {
  readonly packed: Float64Array;
  /** Sector labels by code. */
  readonly sectors: string[] = [];
  private readonly byProgramme = new Map<string, ProgrammeCells>();
  /** The most runs collect can write (a programme's cells and its unlocated run). */
  readonly maxRuns: number;
  /** runEnd[i]: end of the run that starts at entry i (a cell's start). */
  private readonly runEnd: Int32Array;

  constructor(vacancies: readonly PreparedVacancy[]) {
    const sectorCode = new Map<string, number>();
    const groups = new Map<string, Array<{ key: number; v: number }>>();
    vacancies.forEach((v, i) => {
      if (v.seats <= 0) return;
      if (v.sector !== null && !sectorCode.has(v.sector)) {
        sectorCode.set(v.sector, this.sectors.length);
        this.sectors.push(v.sector);
      }
      const key = v.location
        ? cellKey(cellOf(v.location.latitude), cellOf(v.location.longitude))
        : -1;
      for (const p of v.programmeIds) {
        const group = groups.get(p) ?? [];
        group.push({ key, v: i });
        groups.set(p, group);
      }
    });
    let total = 0;
    for (const group of groups.values()) total += group.length;
    this.packed = new Float64Array(total * STRIDE);
    this.runEnd = new Int32Array(total + 1);
    let at = 0;
    for (const [programmeId, group] of groups) {
      // Unlocated first (key -1), then cell by cell.
      group.sort((a, b) => a.key - b.key || a.v - b.v);
      const start = at;
      const cells = new Map<number, number>();
      let unlocatedEnd = start;
      for (let g = 0; g < group.length; g++) {
        const { key, v } = group[g];
        if (key < 0) unlocatedEnd = at + 1;
        else if (g === 0 || group[g - 1].key !== key) cells.set(key, at);
        this.write(at++, vacancies[v], v, sectorCode);
      }
      for (const runStart of cells.values()) {
        let end = runStart + 1;
        const key = group[runStart - start].key;
        while (end < at && group[end - start].key === key) end++;
        this.runEnd[runStart] = end;
      }
      this.byProgramme.set(programmeId, {
        unlocated: { start, end: unlocatedEnd },
        all: { start, end: at },
        cells,
      });
    }
    let most = 1;
    for (const p of this.byProgramme.values()) most = Math.max(most, p.cells.size + 1);
    this.maxRuns = most;
  }

  private write(at: number, v: PreparedVacancy, index: number, codes: Map<string, number>): void {
    const e = at * STRIDE;
    const p = this.packed;
    p[e + FROM] = v.fromDay;
    p[e + TO] = v.toDay;
    p[e + HOURS] = v.hours;
    p[e + LAT] = v.point ? v.point.lat : NaN;
    p[e + LON] = v.point ? v.point.lon : NaN;
    p[e + COS] = v.point ? v.point.cosLat : NaN;
    p[e + SECTOR] = v.sector === null ? -1 : codes.get(v.sector)!;
    p[e + INDEX] = index;
  }

  /**
   * Writes the runs [start, end) of entries (indices into packed / STRIDE) of possibly eligible
   * vacancies into runs (start at 2i, end at 2i + 1) and a lower bound of the distance of every
   * entry of run i into near[i] (-1: unlocated entries, whose distance is unknown); returns how
   * many runs. Located runs come nearest first, so a caller keeping the best candidates can stop
   * at the first run that cannot improve on them.
   */
  collect(s: PreparedStudent, runs: Int32Array, near: Float64Array): number {
    const p = this.byProgramme.get(s.programmeId);
    if (!p) return 0;
    const box = s.location && boundingBox(s.location, s.maxTravelKm);
    // Unknown home, or a reach no box describes: the distance cannot narrow the search.
    if (!box) {
      runs[0] = p.all.start;
      runs[1] = p.all.end;
      near[0] = s.location ? 0 : -1;
      return 1;
    }
    let n = 0;
    if (p.unlocated.end > p.unlocated.start) {
      runs[0] = p.unlocated.start;
      runs[1] = p.unlocated.end;
      near[0] = -1;
      n = 1;
    }
    const first = n;
    const lonFrom = cellOf(box.minLon);
    const lonTo = cellOf(box.maxLon);
    for (let lat = cellOf(box.minLat), latTo = cellOf(box.maxLat); lat <= latTo; lat++) {
      for (let lon = lonFrom; lon <= lonTo; lon++) {
        const start = p.cells.get(cellKey(lat, lon));
        if (start === undefined) continue;
        // Insertion by distance bound: a box holds a few dozen cells.
        const d = cellDistanceBound(s.location!, lat, lon);
        let i = n++;
        while (i > first && near[i - 1] > d) {
          runs[2 * i] = runs[2 * i - 2];
          runs[2 * i + 1] = runs[2 * i - 1];
          near[i] = near[i - 1];
          i--;
        }
        runs[2 * i] = start;
        runs[2 * i + 1] = this.runEnd[start];
        near[i] = d;
      }
    }
    return n;
  }
}

const RAD = Math.PI / 180;

/**
 * A lower bound of the distance (km) from a point to any point of a cell. Haversine's
 * sin²(d/2R) = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2) is at least either term; over the cell Δφ
 * and Δλ are at least the gaps to its edges and cos φ2 at least its value at the cell's
 * latitude farthest from the equator. Shaved a little for rounding.
 */
export function cellDistanceBound(
  from: { latitude: number; longitude: number },
  latCell: number,
  lonCell: number,
): number {
  const latLo = latCell * CELL_DEG;
  const latHi = latLo + CELL_DEG;
  const lonLo = lonCell * CELL_DEG;
  const lonHi = lonLo + CELL_DEG;
  const latGap = Math.max(0, latLo - from.latitude, from.latitude - latHi) * RAD;
  const lonGap = Math.max(0, lonLo - from.longitude, from.longitude - lonHi) * RAD;
  const cosFar = Math.cos(Math.max(Math.abs(latLo), Math.abs(latHi)) * RAD);
  const lonTerm =
    Math.sqrt(Math.max(0, Math.cos(from.latitude * RAD) * cosFar)) *
    Math.sin(Math.min(Math.PI, lonGap) / 2);
  const d = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.max(Math.sin(latGap / 2), lonTerm)));
  return d * (1 - 1e-9);
}
