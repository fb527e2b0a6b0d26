import { EARTH_RADIUS_KM, haversineRad, minDistanceKm } from './geo';
import { compareIds } from './order';
import { PreparedStudent, PreparedVacancy } from './prepare';
import {
  COMPONENT_COUNT,
  distanceValue,
  hoursValue,
  isEligible,
  pairDistance,
  scoreOf,
  startFits,
  startValue,
  writeComponentValues,
} from './score';

/** What a student prefers to its assignment, on its own list, and whether that list holds it. */
export interface Preferred {
  vacancy: number[];
  score: number[];
  /** The assignment is on the student's list (false when there is none). */
  listed: boolean;
  assignedScore: number;
}

/** Slack for comparing a score's upper bound with a score: far above rounding, far below a real difference. */
const BOUND_SLACK = 1e-9;
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;
/** Rounding slack, so a pair at exactly the travel limit is never left out of the search. */
const BAND_MARGIN_DEG = 1e-6;

/**
 * The widest longitude difference (radians) at which a point can be within km of a point at
 * latitude lat (radians): haversine's sin²(d/2R) >= cos φ1 cos φ2 sin²(Δλ/2), with cos φ2 at
 * its least over the latitudes within reach. A little wider for rounding; π when unbounded.
 */
export function longitudeReach(lat: number, km: number): number {
  const angular = km / EARTH_RADIUS_KM;
  const farthest = Math.min(Math.PI / 2, Math.abs(lat) + angular + 1e-9);
  const denominator = Math.sqrt(Math.cos(lat) * Math.cos(farthest));
  const ratio = Math.sin(Math.min(Math.PI / 2, angular / 2)) / denominator;
  return ratio >= 1 || !(denominator > 0) ? Math.PI : 2 * Math.asin(ratio) + 1e-9;
}

/** Fields of a packed band entry (one cache line of doubles per vacancy). */
const LAT_DEG = 0;
const LAT = 1;
const LON = 2;
const COS = 3;
const FROM = 4;
const TO = 5;
const HOURS = 6;
const INDEX = 7;
const STRIDE = 8;

/**
 * The verifier's own derivation of students' lists, by the documented rule and nothing of the
 * builder's: the stated acceptable vacancies in stated order, then the other acceptable ones by
 * score (desc), lottery number, id, cut to listLength (never a stated one). Scores come from
 * the pair evaluation (score.ts), the definition.
 *
 * Candidate search: per programme, the vacancies with a seat sorted by latitude, so those
 * within reach are one contiguous band (a great circle spans at least the latitude difference
 * of its ends); unlocated ones always. Only what can matter is scored: a vacancy whose score
 * cannot reach the assignment's (an upper bound from its exact other components, its distance
 * and the sector component at most) is not ahead of it.
 */
export class ListDeriver {
  private readonly bands = new Map<string, { packed: Float64Array; unlocated: number[] }>();
  private readonly statedBy: Int32Array;
  private readonly values = new Float64Array(COMPONENT_COUNT);

  constructor(
    private readonly students: readonly PreparedStudent[],
    private readonly vacancies: readonly PreparedVacancy[],
    private readonly vacancyIndex: Map<string, number>,
    private readonly vacancyLottery: readonly number[],
    private readonly weights: Float64Array,
    private readonly listLength: number,
  ) {
    this.statedBy = new Int32Array(vacancies.length).fill(-1);
    const grouped = new Map<string, number[]>();
    vacancies.forEach((v, i) => {
      if (v.seats <= 0) return;
      for (const p of v.programmeIds) {
        const members = grouped.get(p);
        if (members) members.push(i);
        else grouped.set(p, [i]);
      }
    });
    for (const [programmeId, members] of grouped) {
      const located = members
        .filter((i) => vacancies[i].point)
        .sort((a, b) => vacancies[a].location!.latitude - vacancies[b].location!.latitude);
      const packed = new Float64Array(located.length * STRIDE);
      located.forEach((i, k) => {
        const v = vacancies[i];
        packed.set(
          [v.location!.latitude, v.point!.lat, v.point!.lon, v.point!.cosLat, v.fromDay, v.toDay],
          k * STRIDE,
        );
        packed[k * STRIDE + HOURS] = v.hours;
        packed[k * STRIDE + INDEX] = i;
      });
      const unlocated = members.filter((i) => !vacancies[i].point);
      this.bands.set(programmeId, { packed, unlocated });
    }
  }

  /** The score of an acceptable pair (the definition); NaN when a hard constraint fails. */
  scoreOfPair(s: PreparedStudent, v: PreparedVacancy): number {
    if (!startFits(s, v)) return NaN;
    const distance = pairDistance(s, v);
    if (!isEligible(s, v, distance)) return NaN;
    writeComponentValues(s, v, distance, this.values, 0);
    return scoreOf(this.values, 0, this.weights);
  }

  /** Does the student prefer (unstated) vacancy x with score sx to y with sy? */
  prefers(x: number, sx: number, y: number, sy: number): boolean {
    const lot = this.vacancyLottery;
    if (sx !== sy) return sx > sy;
    if (lot[x] !== lot[y]) return lot[x] < lot[y];
    return compareIds(this.vacancies[x].id, this.vacancies[y].id) < 0;
  }

  /**
   * Student s's list up to its assignment a (-1: none): what it prefers to a, with scores, and
   * whether a is on the list. When a is within the cut, only the vacancies ahead of it matter;
   * else (no assignment, or one off the list) the whole list is preferred to it.
   */
  preferredOf(s: number, a: number): Preferred {
    const student = this.students[s];
    const out: Preferred = { vacancy: [], score: [], listed: false, assignedScore: NaN };
    for (const id of student.preferenceRank.keys()) {
      const v = this.vacancyIndex.get(id);
      const score = v === undefined ? NaN : this.scoreOfPair(student, this.vacancies[v]);
      if (v === undefined || Number.isNaN(score)) continue;
      if (v === a) return { ...out, listed: true, assignedScore: score };
      out.vacancy.push(v);
      out.score.push(score);
      this.statedBy[v] = s;
    }
    const room = this.listLength - out.vacancy.length;
    const assignedScore =
      a >= 0 && this.statedBy[a] !== s ? this.scoreOfPair(student, this.vacancies[a]) : NaN;
    if (!Number.isNaN(assignedScore)) {
      const ahead: Array<{ v: number; score: number }> = [];
      for (let i = 0, n = this.candidates(s, a, assignedScore - BOUND_SLACK); i < n; i++) {
        const v = this.foundVacancy[i];
        const score = this.scoreOfPair(student, this.vacancies[v]);
        if (!Number.isNaN(score) && this.prefers(v, score, a, assignedScore))
          ahead.push({ v, score });
      }
      if (ahead.length < room) {
        for (const o of ahead) {
          out.vacancy.push(o.v);
          out.score.push(o.score);
        }
        return { ...out, listed: true, assignedScore };
      }
    }
    for (const o of this.best(s, a, room)) {
      out.vacancy.push(o.v);
      out.score.push(o.score);
    }
    return out;
  }

  /**
   * The best `room` acceptable unstated vacancies (other than a), in the student's order. Best
   * first by upper bound: once `room` are scored and the next bound is below the worst of them,
   * nothing further can enter.
   */
  private best(s: number, a: number, room: number): Array<{ v: number; score: number }> {
    if (room <= 0) return [];
    const student = this.students[s];
    const n = this.candidates(s, a, -Infinity);
    const byBound = Array.from({ length: n }, (_, i) => i).sort(
      (x, y) => this.foundBound[y] - this.foundBound[x],
    );
    const scored: Array<{ v: number; score: number }> = [];
    let worst = -Infinity;
    for (const i of byBound) {
      const v = this.foundVacancy[i];
      const bound = this.foundBound[i];
      if (scored.length >= room && bound < worst - BOUND_SLACK) break;
      const score = this.scoreOfPair(student, this.vacancies[v]);
      if (Number.isNaN(score)) continue;
      scored.push({ v, score });
      if (scored.length >= room) {
        scored.sort((x, y) => (this.prefers(x.v, x.score, y.v, y.score) ? -1 : 1));
        scored.length = room;
        worst = scored[room - 1].score;
      }
    }
    return scored.sort((x, y) => (this.prefers(x.v, x.score, y.v, y.score) ? -1 : 1));
  }

  // The candidates of the last search: vacancy and an upper bound of its score, [0, found).
  private found = 0;
  private foundVacancy = new Int32Array(0);
  private foundBound = new Float64Array(0);

  private keep(v: number, bound: number): void {
    if (this.found === this.foundVacancy.length) {
      const size = Math.max(64, this.found * 2);
      const vacancy = new Int32Array(size);
      const bounds = new Float64Array(size);
      vacancy.set(this.foundVacancy);
      bounds.set(this.foundBound);
      this.foundVacancy = vacancy;
      this.foundBound = bounds;
    }
    this.foundVacancy[this.found] = v;
    this.foundBound[this.found++] = bound;
  }

  /**
   * Unstated vacancies other than `a` that may be acceptable to student s and may score at
   * least `threshold`, with an upper bound of their score, into found*: start window and
   * distance checked (the distance exactly, as the evaluation computes it), the sector
   * component at its most. Before the distance, the same bound with the latitude difference
   * for the distance rules most of them out cheaply.
   */
  private candidates(s: number, a: number, threshold: number): number {
    this.found = 0;
    const student = this.students[s];
    const band = this.bands.get(student.programmeId);
    if (!band) return 0;
    const [wDistance, wHours, wStart, wSector] = this.weights;
    const { startDay, maxTravelKm, hours } = student;
    const statedBy = this.statedBy;
    for (const v of band.unlocated) {
      const x = this.vacancies[v];
      if (v === a || statedBy[v] === s || startDay < x.fromDay || startDay > x.toDay) continue;
      const bound =
        distanceValue(-1, maxTravelKm) * wDistance +
        hoursValue(hours, x.hours) * wHours +
        startValue(startDay, x.fromDay, x.toDay) * wStart +
        wSector;
      if (bound >= threshold) this.keep(v, bound);
    }
    const { packed } = band;
    const point = student.point;
    let e = 0;
    let end = packed.length;
    let reachLon = Math.PI;
    if (point) {
      reachLon = longitudeReach(point.lat, maxTravelKm);
      const reach = maxTravelKm / KM_PER_DEGREE + BAND_MARGIN_DEG;
      const from = student.location!.latitude - reach;
      const to = student.location!.latitude + reach;
      let lo = 0;
      let hi = packed.length / STRIDE;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (packed[mid * STRIDE + LAT_DEG] < from) lo = mid + 1;
        else hi = mid;
      }
      e = lo * STRIDE;
      hi = packed.length / STRIDE;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (packed[mid * STRIDE + LAT_DEG] <= to) lo = mid + 1;
        else hi = mid;
      }
      end = lo * STRIDE;
    }
    for (; e < end; e += STRIDE) {
      if (point) {
        const dLon = Math.abs(packed[e + LON] - point.lon);
        if ((dLon > Math.PI ? 2 * Math.PI - dLon : dLon) > reachLon) continue;
      }
      const from = packed[e + FROM];
      const to = packed[e + TO];
      if (startDay < from || startDay > to) continue;
      const v = packed[e + INDEX] | 0;
      if (v === a || statedBy[v] === s) continue;
      const others =
        hoursValue(hours, packed[e + HOURS]) * wHours +
        startValue(startDay, from, to) * wStart +
        wSector;
      let distance = -1;
      if (point) {
        const near = minDistanceKm(point.lat, packed[e + LAT]);
        if (near > maxTravelKm) continue;
        if (distanceValue(near, maxTravelKm) * wDistance + others < threshold) continue;
        distance = haversineRad(
          point.lat,
          point.lon,
          point.cosLat,
          packed[e + LAT],
          packed[e + LON],
          packed[e + COS],
        );
        if (distance > maxTravelKm) continue;
      }
      const bound = distanceValue(distance, maxTravelKm) * wDistance + others;
      if (bound >= threshold) this.keep(v, bound);
    }
    return this.found;
  }
}
