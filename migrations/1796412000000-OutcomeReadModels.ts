import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models the owners publish for the route outcome report (src/reporting): the reporting
 * module aggregates over these views only, never over the owners' tables. Each view is
 * documented beside its owner (agreement-outcomes.view.ts, student-outcome-facts.view.ts,
 * directory outcome-read-models.view.ts). Plain SQL views: TypeORM's schema builder does not
 * look at views it did not create, so migration:check stays clean.
 *
 * The partial index serves the "latest agreement of a student" anti-join (ids are UUIDv7, so
 * a greater id is a later agreement); university filters use ix_agreements_university.
 */
export class OutcomeReadModels1796412000000 implements MigrationInterface {
  name = 'OutcomeReadModels1796412000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_agreements_student_latest" ON "agreements" ("student_id", "id") WHERE status IN ('active', 'completed', 'terminated')`,
    );
    await queryRunner.query(`CREATE VIEW "agreement_outcomes_v" AS
      SELECT a.student_id, a.id AS agreement_id, a.university_id, a.status, a.outcome,
        a.stayed_with_employer, a.termination_reason, a.employment_continued,
        a.employer_type, COALESCE(a.employer_company_id, a.employer_foundation_id) AS employer_id,
        COALESCE(a.host_company_id, a.employer_company_id) AS company_id,
        v.terms #>> '{employment,functionTitle}' AS function_title,
        (v.terms #>> '{workplace,supervisorId}')::uuid AS supervisor_id,
        (v.terms #>> '{studySupport,tuitionReimbursedPercent}')::numeric AS tuition_reimbursed_percent,
        (v.terms #>> '{studySupport,paidStudyHoursPerWeek}')::numeric AS paid_study_hours_per_week,
        EXISTS (
          SELECT 1 FROM agreements p
          WHERE p.student_id = a.student_id AND p.id < a.id
            AND p.status IN ('active', 'completed', 'terminated')
            AND COALESCE(p.employer_company_id, p.employer_foundation_id)
              <> COALESCE(a.employer_company_id, a.employer_foundation_id)
        ) AS employer_switched,
        EXISTS (
          SELECT 1 FROM agreements p
          JOIN agreement_versions pv ON pv.agreement_id = p.id AND pv.status IN ('active', 'superseded')
          WHERE p.student_id = a.student_id AND p.status IN ('active', 'completed', 'terminated')
            AND pv.terms #>> '{employment,functionTitle}' IS DISTINCT FROM v.terms #>> '{employment,functionTitle}'
        ) AS function_switched
      FROM agreements a
      JOIN agreement_versions v
        ON v.agreement_id = a.id AND v.number = COALESCE(a.in_force_version_number, a.current_version_number)
      WHERE a.status IN ('active', 'completed', 'terminated')
        AND NOT EXISTS (
          SELECT 1 FROM agreements n
          WHERE n.student_id = a.student_id AND n.id > a.id
            AND n.status IN ('active', 'completed', 'terminated')
        )`);
    await queryRunner.query(`CREATE VIEW "student_outcome_facts_v" AS
      SELECT s.id AS student_id, s.university_id, s.programme_id, s.cohort, s.intake_group,
        s.worked_for_employer_before
      FROM students s`);
    await queryRunner.query(`CREATE VIEW "programme_only_route_v" AS
      SELECT r.programme_id, (array_agg(r.id))[1] AS route_id, (array_agg(r.name))[1] AS route_name
      FROM routes r GROUP BY r.programme_id HAVING count(*) = 1`);
    await queryRunner.query(`CREATE VIEW "supervisor_hours_v" AS
      SELECT s.id AS supervisor_id, s.hours_per_week FROM supervisors s`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "supervisor_hours_v"`);
    await queryRunner.query(`DROP VIEW "programme_only_route_v"`);
    await queryRunner.query(`DROP VIEW "student_outcome_facts_v"`);
    await queryRunner.query(`DROP VIEW "agreement_outcomes_v"`);
    await queryRunner.query(`DROP INDEX "public"."ix_agreements_student_latest"`);
  }
}
