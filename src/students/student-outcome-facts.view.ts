/**
 * Read model the students module publishes for outcome reporting: the SQL view
 * `student_outcome_facts_v` (migrations/1796412000000-OutcomeReadModels.ts), the facts about a
 * student the national figures group and count by. No names or contact details: reports
 * aggregate, they do not list people.
 */
export const STUDENT_OUTCOME_FACTS_VIEW = 'student_outcome_facts_v';

export interface StudentOutcomeFactsRow {
  student_id: string;
  university_id: string;
  programme_id: string;
  /** Start academic year. */
  cohort: number;
  intake_group: string;
  worked_for_employer_before: boolean;
}
