import { haversineRad, minDistanceKm } from './geo';
import { COS, FROM, HOURS, INDEX, LAT, LON, PackedVacancyIndex, SECTOR, STRIDE, TO } from './grid';
import { PreparedStudent, PreparedVacancy } from './prepare';
import {
  COMPONENT_COUNT,
  UNKNOWN,
  distanceValue,
  hoursValue,
  isEligible,
  pairDistance,
  scoreOf,
  startFits,
  startValue,
  writeComponentValues,
} from './score';

/** The entries of all students' lists, flat; per entry its vacancy, score and component values. */
export interface Entries {
  listStart: Int32Array;
  vacancy: Int32Array;
  student: Int32Array;
  score: Float64Array;
  values: Float64Array;
}

/** Slack for comparing a score's upper bound with a score: far above rounding, far below a real difference. */
const BOUND_SLACK = 1e-9;

/**
 * Each student's list. Head: the vacancies the student ranked itself, in its order, those that
 * are acceptable (hard constraints hold; a stated vacancy that is not stays off the list). Tail:
 * the other acceptable vacancies by score (desc), equal scores by the vacancy's lottery number,
 * then by id (vacancies are in id order, so by index), up to listLength entries in all. The cut
 * never drops a stated one: what a student said outranks what the platform computed.
 *
 * The tail is kept as a bounded window, best first, filled as candidates are scored. Once it is
 * full, a candidate whose score cannot reach its last entry is dropped before its distance is
 * computed: its other components are exact, the distance component is bounded from the
 * latitudes alone (minDistanceKm). Scores are computed exactly as evaluate() does, from the same
 * value functions in the same order, on the numbers the index packed.
 */
export function rankStudents(
  students: readonly PreparedStudent[],
  vacancies: readonly PreparedVacancy[],
  vacancyIndex: Map<string, number>,
  weights: Float64Array,
  lottery: Uint32Array,
  listLength: number,
): Entries {
  const index = new PackedVacancyIndex(vacancies);
  const packed = index.packed;
  const runs = new Int32Array(2 * index.maxRuns);
  const runNear = new Float64Array(index.maxRuns);
  const sectorCode = new Map(index.sectors.map((x, i) => [x, i]));
  const candidate = new Int32Array(vacancies.length);
  const score = new Float64Array(vacancies.length);
  const values = new Float64Array(vacancies.length * COMPONENT_COUNT);
  // statedBy[v] === si: v is on the head of student si's list, so its tail skips it.
  const statedBy = new Int32Array(vacancies.length).fill(-1);
  // sectorMark[code] === si: the sector is one of student si's.
  const sectorMark = new Int32Array(index.sectors.length).fill(-1);
  const wDistance = weights[0];
  const wHours = weights[1];
  const wStart = weights[2];
  const wSector = weights[3];
  // Is candidate a ahead of candidate b? Inlined by V8, unlike a comparator called from sort().
  const ahead = (a: number, b: number): boolean =>
    score[a] !== score[b]
      ? score[a] > score[b]
      : lottery[candidate[a]] !== lottery[candidate[b]]
        ? lottery[candidate[a]] < lottery[candidate[b]]
        : candidate[a] < candidate[b];
  const listStart = new Int32Array(students.length + 1);
  // A guess from the typical run (lists mostly full); the buffer grows when it is short.
  const out = new EntryBuffer(students.length * Math.min(listLength, vacancies.length, 32));
  const top = new Int32Array(Math.max(1, Math.min(listLength, vacancies.length)));

  for (let si = 0; si < students.length; si++) {
    const s = students[si];
    let head = 0;
    // Map order is the stated order, repeats dropped (prepareStudent). Few: the definitions.
    if (s.preferenceRank.size)
      for (const id of s.preferenceRank.keys()) {
        const vi = vacancyIndex.get(id);
        if (vi === undefined) continue;
        const v = vacancies[vi];
        if (!startFits(s, v)) continue;
        const distance = pairDistance(s, v);
        if (!isEligible(s, v, distance)) continue;
        writeComponentValues(s, v, distance, values, 0);
        out.append(si, vi, values, 0, scoreOf(values, 0, weights));
        statedBy[vi] = si;
        head++;
      }
    const limit = Math.min(top.length, listLength - head);
    if (s.sectors)
      for (const x of s.sectors) {
        const code = sectorCode.get(x);
        if (code !== undefined) sectorMark[code] = si;
      }
    const anySector = s.sectors === null;
    const located = s.point !== null;
    const sLat = located ? s.point!.lat : 0;
    const sLon = located ? s.point!.lon : 0;
    const sCos = located ? s.point!.cosLat : 0;
    const { startDay, maxTravelKm, hours } = s;
    let m = 0;
    let k = 0;
    const runCount = limit > 0 ? index.collect(s, runs, runNear) : 0;
    // The most a candidate other than by distance can add: hours, start and sector at 1.
    const rest = wHours + wStart + wSector;
    for (let r = 0; r < runCount; r++) {
      // Runs come nearest first: once one cannot reach the window's last entry, none can.
      if (
        m === limit &&
        runNear[r] >= 0 &&
        distanceValue(runNear[r], maxTravelKm) * wDistance + rest < score[top[m - 1]] - BOUND_SLACK
      )
        break;
      for (let e = runs[2 * r] * STRIDE, end = runs[2 * r + 1] * STRIDE; e < end; e += STRIDE) {
        // The index holds only vacancies with a seat that accept the student's programme, so
        // start window and distance are what is left of isEligible.
        const from = packed[e + FROM];
        const to = packed[e + TO];
        if (startDay < from || startDay > to) continue;
        // As an integer: a double used as an index takes a slow path.
        const v = packed[e + INDEX] | 0;
        if (statedBy[v] === si) continue;
        const hoursV = hoursValue(hours, packed[e + HOURS]);
        const startV = startValue(startDay, from, to);
        const sv = packed[e + SECTOR] | 0;
        const sectorV = anySector || sv < 0 ? UNKNOWN : sectorMark[sv] === si ? 1 : 0;
        let distance = -1;
        const vLat = packed[e + LAT];
        // NaN (no location) fails the comparison with itself.
        if (located && vLat === vLat) {
          const near = minDistanceKm(sLat, vLat);
          if (near > maxTravelKm) continue;
          if (m === limit) {
            const bound =
              distanceValue(near, maxTravelKm) * wDistance +
              hoursV * wHours +
              startV * wStart +
              sectorV * wSector;
            if (bound < score[top[m - 1]] - BOUND_SLACK) continue;
          }
          distance = haversineRad(sLat, sLon, sCos, vLat, packed[e + LON], packed[e + COS]);
          if (distance > maxTravelKm) continue;
        }
        const at = k * COMPONENT_COUNT;
        values[at] = distanceValue(distance, maxTravelKm);
        values[at + 1] = hoursV;
        values[at + 2] = startV;
        values[at + 3] = sectorV;
        // Not stated (the head holds every acceptable stated vacancy): preference value 0.
        values[at + 4] = 0;
        score[k] = scoreOf(values, at, weights);
        candidate[k] = v;
        // Into the window, best first: a bounded insertion (lists are short).
        if (m < limit || ahead(k, top[m - 1])) {
          let i = m < limit ? m++ : m - 1;
          while (i > 0 && ahead(k, top[i - 1])) {
            top[i] = top[i - 1];
            i--;
          }
          top[i] = k;
        }
        k++;
      }
    }
    for (let r = 0; r < m; r++)
      out.append(si, candidate[top[r]], values, top[r] * COMPONENT_COUNT, score[top[r]]);
    listStart[si + 1] = out.length;
  }
  return { listStart, ...out.toEntries() };
}

/** The entries as they are made: four typed arrays that grow together (doubling). */
class EntryBuffer {
  length = 0;
  private vacancy: Int32Array;
  private student: Int32Array;
  private score: Float64Array;
  private values: Float64Array;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.vacancy = new Int32Array(size);
    this.student = new Int32Array(size);
    this.score = new Float64Array(size);
    this.values = new Float64Array(size * COMPONENT_COUNT);
  }

  append(student: number, vacancy: number, from: Float64Array, at: number, score: number): void {
    if (this.length === this.vacancy.length) this.grow();
    const i = this.length++;
    this.vacancy[i] = vacancy;
    this.student[i] = student;
    this.score[i] = score;
    const o = i * COMPONENT_COUNT;
    for (let c = 0; c < COMPONENT_COUNT; c++) this.values[o + c] = from[at + c];
  }

  private grow(): void {
    const size = this.vacancy.length * 2;
    const vacancy = new Int32Array(size);
    const student = new Int32Array(size);
    const score = new Float64Array(size);
    const values = new Float64Array(size * COMPONENT_COUNT);
    vacancy.set(this.vacancy);
    student.set(this.student);
    score.set(this.score);
    values.set(this.values);
    this.vacancy = vacancy;
    this.student = student;
    this.score = score;
    this.values = values;
  }

  toEntries(): Omit<Entries, 'listStart'> {
    const n = this.length;
    return {
      vacancy: this.vacancy.slice(0, n),
      student: this.student.slice(0, n),
      score: this.score.slice(0, n),
      values: this.values.slice(0, n * COMPONENT_COUNT),
    };
  }
}
