import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole-country outcome report reads a summary the worker rebuilds (reporting's
 * outcome_summary_* tables, OutcomeSummaryService): at national scale the per-request
 * aggregate took ~0.5 s. And placements' guidance_supervisor_hours_v gains the employment's
 * university, so a university's report groups only its own employments' guidance totals (the
 * grouping sits in a subquery the planner cannot push the report's filter into: at national
 * scale it grouped all 100,000 employments for every university's report).
 */
export class OutcomeSummary1796450000000 implements MigrationInterface {
  name = 'OutcomeSummary1796450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outcome_summary_rows" ("id" uuid NOT NULL, "route_id" uuid, "cohort" integer NOT NULL, "figures" jsonb NOT NULL, CONSTRAINT "PK_ceebc74f0b2f676d4f739a1dc46" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outcome_summary_rows_route_cohort" ON "outcome_summary_rows" ("route_id", "cohort") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outcome_summary_companies" ("id" uuid NOT NULL, "route_id" uuid, "cohort" integer, "by_route" boolean NOT NULL, "by_cohort" boolean NOT NULL, "companies" integer NOT NULL, CONSTRAINT "PK_8087519ba3e37ba9702119b773c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outcome_summary_companies_scope" ON "outcome_summary_companies" ("by_route", "by_cohort", "route_id", "cohort") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outcome_summary_state" ("id" integer NOT NULL, "refreshed_at" TIMESTAMP WITH TIME ZONE, "students" integer NOT NULL DEFAULT '0', "duration_ms" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_outcome_summary_state_single" CHECK (id = 1), CONSTRAINT "PK_d21d66bb564826e118a602217c4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`INSERT INTO "outcome_summary_state" ("id") VALUES (1)`);
    await queryRunner.query(`CREATE OR REPLACE VIEW "guidance_supervisor_hours_v" AS
      SELECT e.id AS employment_id, e.student_id, e.agreement_id,
        COALESCE(e.employer_company_id, e.employer_foundation_id) AS employer_id,
        e.guided_hours_sum AS hours_sum, e.guided_hours_weeks AS weeks,
        e.university_id
      FROM employments e
      WHERE e.guided_hours_weeks > 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "guidance_supervisor_hours_v"`);
    await queryRunner.query(`CREATE VIEW "guidance_supervisor_hours_v" AS
      SELECT e.id AS employment_id, e.student_id, e.agreement_id,
        COALESCE(e.employer_company_id, e.employer_foundation_id) AS employer_id,
        e.guided_hours_sum AS hours_sum, e.guided_hours_weeks AS weeks
      FROM employments e
      WHERE e.guided_hours_weeks > 0`);
    await queryRunner.query(`DROP TABLE "outcome_summary_state"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outcome_summary_companies_scope"`);
    await queryRunner.query(`DROP TABLE "outcome_summary_companies"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outcome_summary_rows_route_cohort"`);
    await queryRunner.query(`DROP TABLE "outcome_summary_rows"`);
  }
}
