import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models the owners publish for the route outcome report (src/reporting): the reporting
 * module aggregates over these views only, never over the owners' tables. Each view is
 * documented beside its owner (agreement-outcomes.view.ts, student-outcome-facts.view.ts,
 * directory outcome-read-models.view.ts). Plain SQL views: TypeORM's schema builder does not
 * look at views it did not create, so migration:check stays clean.
 *
 * agreement_outcomes_v reads agreement_outcome_facts, one row per student kept by triggers in
 * the transaction of every agreement or version change: deriving it at report time (latest
 * agreement, JSON terms, history flags) cost 5.7 s for the country at 100,000 students; the
 * fact rows aggregate in a fraction of that. Triggers because every writer of agreements
 * (transitions, signing, amendments, imports, demo data) must keep it, and a trigger cannot be
 * forgotten. The partial index serves the refresh's "latest agreement of a student" lookup.
 */
/** The fact columns of agreement `a` with the version `v` in force (see the entity). */
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
 * Every student's fact row at once, set-based (the migration on existing data; bulk loads that
 * write agreements with the triggers off, such as bench:reports, run it afterwards).
 */
export const REBUILD_OUTCOME_FACTS = `INSERT INTO agreement_outcome_facts
    SELECT DISTINCT ON (a.student_id) ${FACT_COLUMNS}
    ${IN_FORCE}
    ORDER BY a.student_id, a.id DESC`;

/**
 * Recomputes one student's fact row: their latest agreement that was ever in force (greatest
 * id; ids are UUIDv7), the terms of its version in force, and whether an earlier agreement had
 * another employer or some in-force version another function title. A few index lookups.
 */
const REFRESH_FUNCTION = `CREATE FUNCTION agreement_outcome_fact_refresh(p_student uuid) RETURNS void
  LANGUAGE plpgsql AS $$
  BEGIN
    -- One refresh of a student at a time, until commit: a transaction changing another of the
    -- student's agreements waits, then recomputes from a snapshot that includes this one, so
    -- the last to commit writes the row from everything (plain delete + insert would race).
    PERFORM pg_advisory_xact_lock(hashtext('agreement_outcome_facts'), hashtext(p_student::text));
    DELETE FROM agreement_outcome_facts WHERE student_id = p_student;
    INSERT INTO agreement_outcome_facts
    SELECT ${FACT_COLUMNS}
    ${IN_FORCE} AND a.student_id = p_student
    ORDER BY a.id DESC
    LIMIT 1;
  END $$`;

export class OutcomeReadModels1796412000000 implements MigrationInterface {
  name = 'OutcomeReadModels1796412000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_agreements_student_latest" ON "agreements" ("student_id", "id") WHERE status IN ('active', 'completed', 'terminated')`,
    );
    await queryRunner.query(
      `CREATE TABLE "agreement_outcome_facts" ("student_id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "university_id" uuid NOT NULL, "status" text NOT NULL, "outcome" text, "stayed_with_employer" boolean, "termination_reason" text, "employment_continued" boolean, "employer_type" text NOT NULL, "employer_id" uuid NOT NULL, "company_id" uuid, "function_title" text, "supervisor_id" uuid, "tuition_reimbursed_percent" numeric, "paid_study_hours_per_week" numeric, "employer_switched" boolean NOT NULL, "function_switched" boolean NOT NULL, CONSTRAINT "PK_agreement_outcome_facts" PRIMARY KEY ("student_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_agreement_outcome_facts_university" ON "agreement_outcome_facts" ("university_id") `,
    );
    await queryRunner.query(REFRESH_FUNCTION);
    await queryRunner.query(`CREATE FUNCTION agreement_outcome_facts_on_agreement() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM agreement_outcome_fact_refresh(OLD.student_id); END IF;
        IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.student_id <> OLD.student_id) THEN
          PERFORM agreement_outcome_fact_refresh(NEW.student_id);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION agreement_outcome_facts_on_version() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM agreement_outcome_fact_refresh(a.student_id) FROM agreements a WHERE a.id = NEW.agreement_id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER tr_agreements_outcome_fact
      AFTER INSERT OR DELETE OR UPDATE OF student_id, status, in_force_version_number, current_version_number,
        outcome, stayed_with_employer, termination_reason, employment_continued,
        employer_company_id, employer_foundation_id, host_company_id
      ON agreements FOR EACH ROW EXECUTE FUNCTION agreement_outcome_facts_on_agreement()`);
    await queryRunner.query(`CREATE TRIGGER tr_agreement_versions_outcome_fact
      AFTER INSERT OR UPDATE OF status, terms ON agreement_versions
      FOR EACH ROW EXECUTE FUNCTION agreement_outcome_facts_on_version()`);
    await queryRunner.query(REBUILD_OUTCOME_FACTS);
    await queryRunner.query(`CREATE VIEW "agreement_outcomes_v" AS
      SELECT student_id, agreement_id, university_id, status, outcome, stayed_with_employer,
        termination_reason, employment_continued, employer_type, employer_id, company_id,
        function_title, supervisor_id, tuition_reimbursed_percent, paid_study_hours_per_week,
        employer_switched, function_switched
      FROM agreement_outcome_facts`);
    await queryRunner.query(`CREATE VIEW "student_outcome_facts_v" AS
      SELECT s.id AS student_id, s.university_id, s.programme_id, s.cohort, s.intake_group,
        s.worked_for_employer_before
      FROM students s`);
    // Written as an anti-join rather than GROUP BY ... HAVING count(*) = 1: the planner
    // estimates it sensibly and hash-joins it, where the aggregate's estimate of one row made
    // it loop over the routes once per student.
    await queryRunner.query(`CREATE VIEW "programme_only_route_v" AS
      SELECT r.programme_id, r.id AS route_id, r.name AS route_name
      FROM routes r
      WHERE NOT EXISTS (SELECT 1 FROM routes o WHERE o.programme_id = r.programme_id AND o.id <> r.id)`);
    await queryRunner.query(`CREATE VIEW "supervisor_hours_v" AS
      SELECT s.id AS supervisor_id, s.hours_per_week FROM supervisors s`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "supervisor_hours_v"`);
    await queryRunner.query(`DROP VIEW "programme_only_route_v"`);
    await queryRunner.query(`DROP VIEW "student_outcome_facts_v"`);
    await queryRunner.query(`DROP VIEW "agreement_outcomes_v"`);
    await queryRunner.query(
      `DROP TRIGGER tr_agreement_versions_outcome_fact ON agreement_versions`,
    );
    await queryRunner.query(`DROP TRIGGER tr_agreements_outcome_fact ON agreements`);
    await queryRunner.query(`DROP FUNCTION agreement_outcome_facts_on_version()`);
    await queryRunner.query(`DROP FUNCTION agreement_outcome_facts_on_agreement()`);
    await queryRunner.query(`DROP FUNCTION agreement_outcome_fact_refresh(uuid)`);
    await queryRunner.query(`DROP TABLE "agreement_outcome_facts"`);
    await queryRunner.query(`DROP INDEX "public"."ix_agreements_student_latest"`);
  }
}
