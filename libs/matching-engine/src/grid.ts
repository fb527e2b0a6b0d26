import { boundingBox } from './geo';
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

interface ProgrammeCells {
  all: number[];
  unlocated: number[];
  cells: Map<number, number[]>;
}

/**
 * Vacancies with a seat, by accepted programme and then by a coarse latitude/longitude cell, so
 * a student is evaluated against the vacancies of its own programme within its travel box
 * instead of all of them. The box is a superset of the reachable area (see boundingBox); the
 * exact distance check stays with the evaluation, so the index only saves work, never decides.
 */
export class VacancyIndex {
  private readonly byProgramme = new Map<string, ProgrammeCells>();

  constructor(vacancies: readonly PreparedVacancy[]) {
    vacancies.forEach((v, i) => {
      if (v.seats <= 0) return;
      for (const programmeId of v.programmeIds) this.add(programmeId, v, i);
    });
  }

  private add(programmeId: string, v: PreparedVacancy, i: number): void {
    let p = this.byProgramme.get(programmeId);
    if (!p) {
      p = { all: [], unlocated: [], cells: new Map() };
      this.byProgramme.set(programmeId, p);
    }
    p.all.push(i);
    if (!v.location) {
      p.unlocated.push(i);
      return;
    }
    const key = cellKey(cellOf(v.location.latitude), cellOf(v.location.longitude));
    const cell = p.cells.get(key);
    if (cell) cell.push(i);
    else p.cells.set(key, [i]);
  }

  /** Writes the indices of possibly eligible vacancies (each once) into out; returns how many. */
  collect(s: PreparedStudent, out: Int32Array): number {
    const p = this.byProgramme.get(s.programmeId);
    if (!p) return 0;
    const box = s.location && boundingBox(s.location, s.maxTravelKm);
    // Unknown home, or a reach no box describes: the distance cannot narrow the search.
    if (!box) return copy(p.all, out, 0);
    let n = copy(p.unlocated, out, 0);
    const lonFrom = cellOf(box.minLon);
    const lonTo = cellOf(box.maxLon);
    for (let lat = cellOf(box.minLat), latTo = cellOf(box.maxLat); lat <= latTo; lat++) {
      for (let lon = lonFrom; lon <= lonTo; lon++) {
        const cell = p.cells.get(cellKey(lat, lon));
        if (cell) n = copy(cell, out, n);
      }
    }
    return n;
  }
}

function copy(from: readonly number[], out: Int32Array, at: number): number {
  for (let i = 0; i < from.length; i++) out[at + i] = from[i];
  return at + from.length;
}
