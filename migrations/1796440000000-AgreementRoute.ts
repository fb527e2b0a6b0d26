import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agreement may name the route of the student's programme the student follows (issue 12:
 * "a student's route is the agreement's route, else the programme's only route"). The outcome
 * fact row carries it, kept by the same trigger as the other columns, and agreement_outcomes_v
 * publishes it; the directory publishes routes_v so the report can name an agreement's route
 * without reading the routes table.
 *
 * The fact columns are copied from 1796412000000-OutcomeReadModels.ts (a migration is a frozen
 * snapshot) with route_id appended, matching the table's column order: the INSERTs are
 * positional.
 */
const FACT_COLUMNS = `a.student_id, a.id, a.university_id, a.status, a.outcome,
      a.stayed_with_employer, a.termination_reason, a.employment_continued,
      a.employer_type, COALESCE(a.employer_company_id, a.employer_foundation_id),
      COALESCE(a.host_company_id, a.employer_company_id),
      v.terms #>> '{employment,functionTitle}',
      (v.terms #>> '{workplace,supervisorId}')::uuid,
      (v.terms #>> '{studySupport,tuitionReimbursedPercent}')::numeric,
      (v.terms #>> '{studySupport,paidStudyHoursPerWeek}')::numeric,
      EXISTS (
        SELECT 1 FROM agreements p
        WHERE p.student_id = a.student_id AND p.id < a.id
          AND p.status IN ('active', 'completed', 'terminated')
          AND COALESCE(p.employer_company_id, p.employer_foundation_id)
            <> COALESCE(a.employer_company_id, a.employer_foundation_id)
      ),
      EXISTS (
        SELECT 1 FROM agreements p
        JOIN agreement_versions pv ON pv.agreement_id = p.id AND pv.status IN ('active', 'superseded')
        WHERE p.student_id = a.student_id AND p.status IN ('active', 'completed', 'terminated')
          AND pv.terms #>> '{employment,functionTitle}' IS DISTINCT FROM v.terms #>> '{employment,functionTitle}'
      )`;

const IN_FORCE = `FROM agreements a
    JOIN agreement_versions v
      ON v.agreement_id = a.id AND v.number = COALESCE(a.in_force_version_number, a.current_version_number)
    WHERE a.status IN ('active', 'completed', 'terminated')`;

/**
 * Every student's fact row at once, set-based (bulk loads that write agreements with the
 * triggers off, such as bench:reports, run it afterwards on an empty fact table).
 */
export const REBUILD_OUTCOME_FACTS = `INSERT INTO agreement_outcome_facts
    SELECT DISTINCT ON (a.student_id) ${FACT_COLUMNS}, a.route_id
    ${IN_FORCE}
    ORDER BY a.student_id, a.id DESC`;

/** As in 1796412000000-OutcomeReadModels.ts, with or without the route column. */
const refreshFunction = (route: boolean) => `CREATE OR REPLACE FUNCTION
  agreement_outcome_fact_refresh(p_student uuid) RETURNS void
  LANGUAGE plpgsql AS $$
  BEGIN
    -- One refresh of a student at a time, until commit: a transaction changing another of the
    -- student's agreements waits, then recomputes from a snapshot that includes this one, so
    -- the last to commit writes the row from everything (plain delete + insert would race).
    PERFORM pg_advisory_xact_lock(hashtext('agreement_outcome_facts'), hashtext(p_student::text));
    DELETE FROM agreement_outcome_facts WHERE student_id = p_student;
    INSERT INTO agreement_outcome_facts
    SELECT ${FACT_COLUMNS}${route ? ', a.route_id' : ''}
    ${IN_FORCE} AND a.student_id = p_student
    ORDER BY a.id DESC
    LIMIT 1;
  END $$`;

/** The agreement columns whose change refreshes the student's fact row. */
const agreementTrigger = (route: boolean) => `CREATE TRIGGER tr_agreements_outcome_fact
      AFTER INSERT OR DELETE OR UPDATE OF student_id, status, in_force_version_number, current_version_number,
        outcome, stayed_with_employer, termination_reason, employment_continued,
        employer_company_id, employer_foundation_id, host_company_id${route ? ', route_id' : ''}
      ON agreements FOR EACH ROW EXECUTE FUNCTION agreement_outcome_facts_on_agreement()`;

const outcomesView = (route: boolean) => `CREATE VIEW "agreement_outcomes_v" AS
      SELECT student_id, agreement_id, university_id, status, outcome, stayed_with_employer,
        termination_reason, employment_continued, employer_type, employer_id, company_id,
        function_title, supervisor_id, tuition_reimbursed_percent, paid_study_hours_per_week,
        employer_switched, function_switched${route ? ', route_id' : ''}
      FROM agreement_outcome_facts`;

export class AgreementRoute1796440000000 implements MigrationInterface {
  name = 'AgreementRoute1796440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agreements" ADD "route_id" uuid`);
    await queryRunner.query(`ALTER TABLE "agreement_outcome_facts" ADD "route_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_agreements_route" ON "agreements" ("route_id") `);
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "FK_3f44db712eb6c4182d95e1a00c0" FOREIGN KEY ("route_id") REFERENCES "routes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // No agreement names a route yet; kept so the facts follow the agreements whatever they hold.
    await queryRunner.query(`UPDATE agreement_outcome_facts f SET route_id = a.route_id
      FROM agreements a WHERE a.id = f.agreement_id AND a.route_id IS NOT NULL`);
    await queryRunner.query(refreshFunction(true));
    await queryRunner.query(`DROP TRIGGER tr_agreements_outcome_fact ON agreements`);
    await queryRunner.query(agreementTrigger(true));
    await queryRunner.query(`DROP VIEW "agreement_outcomes_v"`);
    await queryRunner.query(outcomesView(true));
    await queryRunner.query(`CREATE VIEW "routes_v" AS
      SELECT r.id AS route_id, r.programme_id, r.name AS route_name FROM routes r`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "routes_v"`);
    await queryRunner.query(`DROP VIEW "agreement_outcomes_v"`);
    await queryRunner.query(outcomesView(false));
    await queryRunner.query(`DROP TRIGGER tr_agreements_outcome_fact ON agreements`);
    await queryRunner.query(agreementTrigger(false));
    await queryRunner.query(refreshFunction(false));
    await queryRunner.query(
      `ALTER TABLE "agreements" DROP CONSTRAINT "FK_3f44db712eb6c4182d95e1a00c0"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_agreements_route"`);
    await queryRunner.query(`ALTER TABLE "agreement_outcome_facts" DROP COLUMN "route_id"`);
    await queryRunner.query(`ALTER TABLE "agreements" DROP COLUMN "route_id"`);
  }
}
