export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface StudentInput {
  id: string;
  programmeId: string;
  /** YYYY-MM-DD on which the student's work-study period starts. */
  startDate: string;
  /** From the home postcode; null when unknown. */
  location: GeoPoint | null;
  maxTravelKm: number;
  /** Hours per week the student wants to work. */
  hoursPerWeek: number;
  /** Sectors of interest (SBI section letters or names); [] = any sector. */
  sectors: string[];
  /** Vacancy ids the student prefers, most preferred first; may be []. */
  preferences: string[];
}

export interface VacancyInput {
  id: string;
  programmeIds: string[];
  /** Capacity minus the seats already taken. */
  openSeats: number;
  hoursPerWeek: number;
  /** YYYY-MM-DD, both ends inclusive. */
  startWindow: { from: string; to: string };
  location: GeoPoint | null;
  sector: string | null;
  /** Student ids the company ranked, most preferred first; may be []. */
  candidateRanking: string[];
}

export interface Weights {
  distance: number;
  hours: number;
  start: number;
  sector: number;
  preference: number;
}

export type ExclusionReason =
  'programme_not_accepted' | 'start_outside_window' | 'beyond_travel_distance' | 'no_capacity';

export type ComponentName = 'distance' | 'hours' | 'start' | 'sector' | 'preference';

export interface ScoreComponent {
  name: ComponentName;
  /** In [0, 1]. */
  value: number;
  /** The effective (normalised) weight. */
  weight: number;
  /** value * weight. */
  contribution: number;
}

export type Evaluation =
  | { eligible: true; score: number; components: ScoreComponent[] }
  | { eligible: false; reasons: ExclusionReason[] };

export type EligibleEvaluation = Extract<Evaluation, { eligible: true }>;

export interface PreferenceLists {
  /** Student id -> eligible vacancy ids, most preferred first (student ids in code-unit order). */
  students: Map<string, string[]>;
  /** Vacancy id -> open seats. */
  capacities: Map<string, number>;
  /**
   * The vacancy's priority of a student: lower = preferred, strict (no two students share a
   * rank at one vacancy). Infinity for a student that does not have the vacancy on its list.
   */
  vacancyRank: (vacancyId: string, studentId: string) => number;
  /**
   * The evaluation behind a list entry, or undefined when the vacancy is not on the student's
   * list. Stands in for a Map of Maps: a run of 10,000 students x 20 entries would otherwise hold
   * a million component objects that only the matched pairs ever need.
   */
  evaluation: (studentId: string, vacancyId: string) => EligibleEvaluation | undefined;
}

export interface PreferenceListOptions {
  weights?: Weights;
  seed: string;
  listLength?: number;
}

export interface RunOptions extends PreferenceListOptions {
  /**
   * When given, filled with the milliseconds of each phase (lists, match, verify, explain,
   * hashes), so a caller can record where a run's time goes. Not part of the run's result.
   */
  phases?: Record<string, number>;
}

export interface DeferredAcceptanceResult {
  /** Student id -> vacancy id. */
  assignments: Map<string, string>;
  /** Student ids in code-unit order. */
  unmatched: string[];
  proposals: number;
}

export interface Verification {
  /** Vacancy ids holding more students than seats (an unknown vacancy has none). */
  capacityViolations: string[];
  blockingPairs: Array<{ studentId: string; vacancyId: string }>;
  /**
   * Assignments the student never accepted: to an unknown vacancy, or one that fails a hard
   * constraint, or one beyond the cut of the student's list (not individually rational).
   */
  unlistedAssignments: Array<{ studentId: string; vacancyId: string }>;
}

export interface MatchingAssignment {
  studentId: string;
  vacancyId: string;
  score: number;
  components: ScoreComponent[];
  /** 1-based position of the vacancy on the student's list. */
  studentRank: number;
}

export interface MatchingStats {
  students: number;
  seats: number;
  matched: number;
  unmatched: number;
  proposals: number;
  blockingPairs: number;
  capacityViolations: number;
}

export interface MatchingRun {
  seed: string;
  weights: Weights;
  listLength: number;
  inputHash: string;
  outputHash: string;
  /** In studentId (code-unit) order. */
  assignments: MatchingAssignment[];
  /** In code-unit order. */
  unmatched: string[];
  stats: MatchingStats;
}
