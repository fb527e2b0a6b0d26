import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The guidance log's supervisor-hour totals move onto the employment (kept by the log's write in
 * the same transaction), and placements' published view reads them: the outcome report then
 * joins one row per employment instead of aggregating every logged week per student (at
 * national scale a country report otherwise spent ~0.5 s in that aggregate alone).
 */
export class EmploymentGuidanceTotals1796430000000 implements MigrationInterface {
  name = 'EmploymentGuidanceTotals1796430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "employments" ADD "guided_hours_sum" numeric NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "employments" ADD "guided_hours_weeks" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(`UPDATE employments e
        SET guided_hours_sum = t.hours_sum, guided_hours_weeks = t.weeks
       FROM (SELECT employment_id, sum(supervisor_hours) AS hours_sum, count(*)::int AS weeks
               FROM guidance_weeks WHERE guided AND supervisor_hours IS NOT NULL
              GROUP BY employment_id) t
      WHERE e.id = t.employment_id`);
    await queryRunner.query(`DROP VIEW "guidance_supervisor_hours_v"`);
    await queryRunner.query(`CREATE VIEW "guidance_supervisor_hours_v" AS
      SELECT e.id AS employment_id, e.student_id, e.agreement_id,
        COALESCE(e.employer_company_id, e.employer_foundation_id) AS employer_id,
        e.guided_hours_sum AS hours_sum, e.guided_hours_weeks AS weeks
      FROM employments e
      WHERE e.guided_hours_weeks > 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "guidance_supervisor_hours_v"`);
    await queryRunner.query(`CREATE VIEW "guidance_supervisor_hours_v" AS
      SELECT e.id AS employment_id, e.student_id, e.agreement_id,
        COALESCE(e.employer_company_id, e.employer_foundation_id) AS employer_id,
        sum(g.supervisor_hours) AS hours_sum, count(*) AS weeks
      FROM employments e
      JOIN guidance_weeks g ON g.employment_id = e.id
      WHERE g.guided AND g.supervisor_hours IS NOT NULL
      GROUP BY e.id, e.student_id, e.agreement_id,
        COALESCE(e.employer_company_id, e.employer_foundation_id)`);
    await queryRunner.query(`ALTER TABLE "employments" DROP COLUMN "guided_hours_weeks"`);
    await queryRunner.query(`ALTER TABLE "employments" DROP COLUMN "guided_hours_sum"`);
  }
}
