/**
 * Read model the placements module publishes for outcome reporting: the SQL view
 * `guidance_supervisor_hours_v` (created in migrations/1796420000000-GuidanceSupervisorHours.ts).
 * Other modules aggregate over it instead of reading employments or guidance_weeks; its columns
 * are this module's promise and change only with a migration that keeps them.
 *
 * One row per employment whose guidance log records the supervisor's hours in at least one
 * guided week: the sum of those hours and the number of such weeks, so a reader can average
 * over several employments weighted by weeks (sum of sums over sum of weeks). Absent weeks are
 * left out even when hours were entered (often 0): the student was not there to be guided, and
 * counting them would report holidays and illness as less coaching. An employment without any
 * such week has no row. The totals are kept on the employment by the log's write, in its
 * transaction (migrations/1796430000000-EmploymentGuidanceTotals.ts), so reading the view
 * aggregates nothing.
 */
export const GUIDANCE_SUPERVISOR_HOURS_VIEW = 'guidance_supervisor_hours_v';

export interface GuidanceSupervisorHoursRow {
  employment_id: string;
  student_id: string;
  /** The agreement the employment is placed under, when it names one. */
  agreement_id: string | null;
  /** The employer of record: company or foundation. */
  employer_id: string;
  /** Sum of the supervisor's hours over the guided weeks with hours recorded. */
  hours_sum: string;
  /** Number of guided weeks with hours recorded (at least 1). */
  weeks: string;
  /** The employment's university (migrations/1796450000000-OutcomeSummary.ts), to filter on. */
  university_id: string;
}
