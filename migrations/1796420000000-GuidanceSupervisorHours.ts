import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Placements publishes the supervisor hours its guidance log records, for the route outcome
 * report (src/placements/guidance-supervisor-hours.view.ts documents the view). A plain SQL view:
 * TypeORM's schema builder ignores views it did not create, so migration:check stays clean.
 *
 * Grouped by the employment's own columns (its id and the columns that depend on it), so a
 * reader's equality on student_id is pushed below the aggregate: the view is then read by
 * ix_employments_student and the unique (employment_id, week_start) index of guidance_weeks,
 * a few index lookups per student instead of aggregating the country's whole log.
 */
export class GuidanceSupervisorHours1796420000000 implements MigrationInterface {
  name = 'GuidanceSupervisorHours1796420000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE VIEW "guidance_supervisor_hours_v" AS
      SELECT e.id AS employment_id, e.student_id, e.agreement_id,
        COALESCE(e.employer_company_id, e.employer_foundation_id) AS employer_id,
        sum(g.supervisor_hours) AS hours_sum, count(*) AS weeks
      FROM employments e
      JOIN guidance_weeks g ON g.employment_id = e.id
      WHERE g.guided AND g.supervisor_hours IS NOT NULL
      GROUP BY e.id, e.student_id, e.agreement_id,
        COALESCE(e.employer_company_id, e.employer_foundation_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "guidance_supervisor_hours_v"`);
  }
}
