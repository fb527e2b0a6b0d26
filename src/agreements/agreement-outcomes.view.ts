/**
 * Read model the agreements module publishes for outcome reporting: the SQL view
 * `agreement_outcomes_v` (created in migrations/1796412000000-OutcomeReadModels.ts). Other
 * modules aggregate over it instead of reading the agreements tables; its columns are this
 * module's promise and change only with a migration that keeps them.
 *
 * One row per student: the student's latest agreement that was ever in force (status active,
 * completed or terminated; latest = greatest id, ids being UUIDv7), with the terms of its
 * version in force (or current version) and two flags over the student's earlier agreements.
 * Backed by agreement_outcome_facts (entities/agreement-outcome-fact.entity.ts), which triggers
 * keep current in the transaction of each change; indexed by university. `route_id` (added in
 * migrations/1796440000000-AgreementRoute.ts) is the route the agreement names, if any.
 */
export const AGREEMENT_OUTCOMES_VIEW = 'agreement_outcomes_v';

export interface AgreementOutcomeRow {
  student_id: string;
  agreement_id: string;
  university_id: string;
  status: 'active' | 'completed' | 'terminated';
  /** graduated_on_time | graduated_with_delay when completed. */
  outcome: string | null;
  stayed_with_employer: boolean | null;
  /** dropout, employer_switch, ... when terminated. */
  termination_reason: string | null;
  employment_continued: boolean | null;
  employer_type: 'company' | 'foundation';
  /** The employing company or foundation. */
  employer_id: string;
  /** The company the student works at: the host when a foundation employs, else the employer. */
  company_id: string | null;
  function_title: string | null;
  supervisor_id: string | null;
  tuition_reimbursed_percent: string | null;
  paid_study_hours_per_week: string | null;
  /** An earlier in-force agreement of the student had another employer. */
  employer_switched: boolean;
  /** Some in-force version of the student's agreements had another function title. */
  function_switched: boolean;
  /** The route of the student's programme the agreement names; null when it names none. */
  route_id: string | null;
}
