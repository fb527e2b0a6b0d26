import { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchingPlacements1795448318054 implements MigrationInterface {
  name = 'MatchingPlacements1795448318054';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "matching_runs" ("id" uuid NOT NULL, "university_id" uuid NOT NULL, "programme_id" uuid, "route_id" uuid, "cohort" integer, "seed" text NOT NULL, "weights" jsonb NOT NULL, "list_length" integer NOT NULL, "status" text NOT NULL, "input_hash" text, "output_hash" text, "stats" jsonb, "timings" jsonb, "error" text, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_matching_runs_status" CHECK (status IN ('queued', 'running', 'completed', 'failed')), CONSTRAINT "PK_c0bebed77bb3aa81e48b4654d40" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_matching_runs_university" ON "matching_runs" ("university_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "vacancies" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "company_id" uuid, "foundation_id" uuid, "host_company_id" uuid, "supervisor_id" uuid, "title" text NOT NULL, "capacity" integer NOT NULL, "seats_taken" integer NOT NULL DEFAULT '0', "hours_per_week" integer NOT NULL, "salary_min_cents" integer NOT NULL, "salary_max_cents" integer NOT NULL, "start_from" date NOT NULL, "start_to" date NOT NULL, "postcode" text NOT NULL, "latitude" numeric(9,6), "longitude" numeric(9,6), "sector" text, "status" text NOT NULL DEFAULT 'open', CONSTRAINT "ck_vacancies_hours" CHECK (hours_per_week BETWEEN 1 AND 40), CONSTRAINT "ck_vacancies_salary" CHECK (salary_max_cents >= salary_min_cents AND salary_min_cents >= 0), CONSTRAINT "ck_vacancies_window" CHECK (start_to >= start_from), CONSTRAINT "ck_vacancies_status" CHECK (status IN ('open', 'filled', 'closed')), CONSTRAINT "ck_vacancies_capacity" CHECK (capacity BETWEEN 1 AND 500 AND seats_taken BETWEEN 0 AND capacity), CONSTRAINT "ck_vacancies_owner" CHECK ((company_id IS NULL) <> (foundation_id IS NULL)), CONSTRAINT "PK_3b45154a366568190cc15be2906" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_vacancies_status" ON "vacancies" ("status", "id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_vacancies_foundation" ON "vacancies" ("foundation_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_vacancies_company" ON "vacancies" ("company_id") `);
    await queryRunner.query(
      `CREATE TABLE "matches" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "run_id" uuid, "student_id" uuid NOT NULL, "vacancy_id" uuid NOT NULL, "university_id" uuid NOT NULL, "company_id" uuid, "foundation_id" uuid, "status" text NOT NULL, "score" double precision, "components" jsonb NOT NULL DEFAULT '[]', "weights" jsonb, "last_reason" text, "employment_id" uuid, "agreement_id" uuid, CONSTRAINT "ck_matches_status" CHECK (status IN ('proposed', 'introduced', 'interviewing', 'offered', 'accepted', 'declined', 'withdrawn')), CONSTRAINT "PK_8a22c7b2e0828988d51256117f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_matches_vacancy" ON "matches" ("vacancy_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_matches_foundation" ON "matches" ("foundation_id", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_matches_company" ON "matches" ("company_id", "id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_matches_university" ON "matches" ("university_id", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_matches_run" ON "matches" ("run_id", "id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_matches_live" ON "matches" ("student_id", "vacancy_id") WHERE status NOT IN ('declined', 'withdrawn')`,
    );
    await queryRunner.query(
      `CREATE TABLE "student_seeking" ("student_id" uuid NOT NULL, "start_date" date NOT NULL, "postcode" text NOT NULL, "latitude" numeric(9,6), "longitude" numeric(9,6), "max_travel_km" integer NOT NULL, "hours_per_week" integer NOT NULL, "sectors" text array NOT NULL DEFAULT '{}', "preferences" uuid array NOT NULL DEFAULT '{}', "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_student_seeking_hours" CHECK (hours_per_week BETWEEN 1 AND 40), CONSTRAINT "ck_student_seeking_travel" CHECK (max_travel_km BETWEEN 1 AND 300), CONSTRAINT "PK_c1bc6a5365684008144b5eb4693" PRIMARY KEY ("student_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "vacancy_programmes" ("vacancy_id" uuid NOT NULL, "programme_id" uuid NOT NULL, CONSTRAINT "PK_9df03dd29dcece641d01b0c3105" PRIMARY KEY ("vacancy_id", "programme_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_vacancy_programmes_programme" ON "vacancy_programmes" ("programme_id", "vacancy_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "vacancy_rankings" ("vacancy_id" uuid NOT NULL, "student_id" uuid NOT NULL, "rank" integer NOT NULL, CONSTRAINT "ck_vacancy_rankings_rank" CHECK (rank >= 1), CONSTRAINT "PK_bc925aa353e3945b13ef1baf403" PRIMARY KEY ("vacancy_id", "student_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "employments" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "student_id" uuid NOT NULL, "university_id" uuid NOT NULL, "employer_type" text NOT NULL, "employer_company_id" uuid, "employer_foundation_id" uuid, "start_date" date NOT NULL, "end_date" date NOT NULL, "contract_type" text NOT NULL, "hours_per_week" integer NOT NULL, "agreement_id" uuid, "match_id" uuid, CONSTRAINT "ck_employments_hours" CHECK (hours_per_week BETWEEN 1 AND 40), CONSTRAINT "ck_employments_contract" CHECK (contract_type IN ('fixed_term', 'permanent')), CONSTRAINT "ck_employments_period" CHECK (end_date >= start_date), CONSTRAINT "ck_employments_employer" CHECK ((employer_type = 'company' AND employer_company_id IS NOT NULL AND employer_foundation_id IS NULL) OR (employer_type = 'foundation' AND employer_foundation_id IS NOT NULL AND employer_company_id IS NULL)), CONSTRAINT "PK_208f1abe9b236e156e33f9eeb58" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_employments_foundation" ON "employments" ("employer_foundation_id", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_employments_company" ON "employments" ("employer_company_id", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_employments_university" ON "employments" ("university_id", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_employments_student" ON "employments" ("student_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rotation_plan_entries" ("id" uuid NOT NULL, "employment_id" uuid NOT NULL, "host_company_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_rotation_plan_period" CHECK (end_date >= start_date), CONSTRAINT "PK_511c508a8c9d08e334cd8c18d20" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rotation_plan_employment" ON "rotation_plan_entries" ("employment_id", "start_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "secondments" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "employment_id" uuid NOT NULL, "foundation_id" uuid NOT NULL, "host_company_id" uuid NOT NULL, "supervisor_id" uuid, "hours_per_week" integer, "start_date" date NOT NULL, "end_date" date NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" text, CONSTRAINT "ck_secondments_hours" CHECK (hours_per_week IS NULL OR hours_per_week BETWEEN 1 AND 40), CONSTRAINT "ck_secondments_period" CHECK (end_date >= start_date), CONSTRAINT "PK_38213aec8c7803f0ffaacd710b5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_secondments_host" ON "secondments" ("host_company_id", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_secondments_foundation" ON "secondments" ("foundation_id", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_secondments_employment" ON "secondments" ("employment_id", "start_date") `,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancies" ADD CONSTRAINT "FK_053198d00d977357314f47d1cf2" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancies" ADD CONSTRAINT "FK_1633e3e3bd9b265191a85d23765" FOREIGN KEY ("foundation_id") REFERENCES "foundations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancies" ADD CONSTRAINT "FK_10c071b98781466772db84701b4" FOREIGN KEY ("host_company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancies" ADD CONSTRAINT "FK_a67c56bc5609243a4008669c21f" FOREIGN KEY ("supervisor_id") REFERENCES "supervisors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "FK_751e7bfa6b73e5b6f68e97ef731" FOREIGN KEY ("run_id") REFERENCES "matching_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "FK_fe373517537dda1987d11e1ef61" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "FK_b6aa04074071f574e80f6057638" FOREIGN KEY ("vacancy_id") REFERENCES "vacancies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "student_seeking" ADD CONSTRAINT "FK_c1bc6a5365684008144b5eb4693" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancy_programmes" ADD CONSTRAINT "FK_d24f2dae3697de3d53ea28db2b6" FOREIGN KEY ("vacancy_id") REFERENCES "vacancies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancy_programmes" ADD CONSTRAINT "FK_6aaa5a1ef7a968f7b20d7ed88b3" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancy_rankings" ADD CONSTRAINT "FK_374e3f4b578b5bc84793712ecd0" FOREIGN KEY ("vacancy_id") REFERENCES "vacancies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "employments" ADD CONSTRAINT "FK_17bfd049aea4d2854717f7b1cfc" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "employments" ADD CONSTRAINT "FK_d9fb2107b8b59eefc9da5fc1882" FOREIGN KEY ("employer_company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "employments" ADD CONSTRAINT "FK_12842ad0174b6bcbb9b977a264c" FOREIGN KEY ("employer_foundation_id") REFERENCES "foundations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rotation_plan_entries" ADD CONSTRAINT "FK_fa66dee9dc30caa000025f18551" FOREIGN KEY ("employment_id") REFERENCES "employments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rotation_plan_entries" ADD CONSTRAINT "FK_0b4f55460284f61c27c560ec02f" FOREIGN KEY ("host_company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "secondments" ADD CONSTRAINT "FK_ce789395a14debd23b41f1f42bc" FOREIGN KEY ("employment_id") REFERENCES "employments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "secondments" ADD CONSTRAINT "FK_a8fb9be913b656d391645d2fc5b" FOREIGN KEY ("host_company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "secondments" ADD CONSTRAINT "FK_e3ec3f432b32de254683166076d" FOREIGN KEY ("supervisor_id") REFERENCES "supervisors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // What TypeORM cannot declare: periods that never overlap, secondments inside their
    // employment, hosts that are members of the foundation. A race cannot get past these.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `ALTER TABLE "employments" ADD CONSTRAINT "ex_employments_no_overlap" EXCLUDE USING gist ("student_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&)`,
    );
    await queryRunner.query(
      `ALTER TABLE "secondments" ADD CONSTRAINT "ex_secondments_no_overlap" EXCLUDE USING gist ("employment_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&)`,
    );
    await queryRunner.query(
      `ALTER TABLE "secondments" ADD CONSTRAINT "fk_secondments_foundation_member" FOREIGN KEY ("foundation_id", "host_company_id") REFERENCES "foundation_members"("foundation_id", "company_id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(`
            CREATE FUNCTION secondment_inside_employment() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE e employments%ROWTYPE;
            BEGIN
              SELECT * INTO e FROM employments WHERE id = NEW.employment_id FOR SHARE;
              IF e.employer_type <> 'foundation' OR e.employer_foundation_id <> NEW.foundation_id THEN
                RAISE EXCEPTION 'a secondment belongs to an employment by its foundation'
                  USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_secondments_foundation_employment';
              END IF;
              IF NEW.start_date < e.start_date OR NEW.end_date > e.end_date THEN
                RAISE EXCEPTION 'secondment % – % lies outside its employment % – %', NEW.start_date, NEW.end_date, e.start_date, e.end_date
                  USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_secondments_inside_employment';
              END IF;
              RETURN NEW;
            END $$`);
    await queryRunner.query(
      `CREATE TRIGGER tg_secondments_inside_employment BEFORE INSERT OR UPDATE OF start_date, end_date, employment_id, foundation_id ON "secondments" FOR EACH ROW EXECUTE FUNCTION secondment_inside_employment()`,
    );
    await queryRunner.query(`
            CREATE FUNCTION employment_keeps_secondments() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM secondments s WHERE s.employment_id = NEW.id
                           AND (s.start_date < NEW.start_date OR s.end_date > NEW.end_date)) THEN
                RAISE EXCEPTION 'the employment period must keep its secondments inside it'
                  USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_secondments_inside_employment';
              END IF;
              RETURN NEW;
            END $$`);
    await queryRunner.query(
      `CREATE TRIGGER tg_employments_keep_secondments BEFORE UPDATE OF start_date, end_date ON "employments" FOR EACH ROW EXECUTE FUNCTION employment_keeps_secondments()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tg_employments_keep_secondments ON "employments"`);
    await queryRunner.query(`DROP FUNCTION employment_keeps_secondments()`);
    await queryRunner.query(`DROP TRIGGER tg_secondments_inside_employment ON "secondments"`);
    await queryRunner.query(`DROP FUNCTION secondment_inside_employment()`);
    await queryRunner.query(
      `ALTER TABLE "secondments" DROP CONSTRAINT "fk_secondments_foundation_member"`,
    );
    await queryRunner.query(
      `ALTER TABLE "secondments" DROP CONSTRAINT "ex_secondments_no_overlap"`,
    );
    await queryRunner.query(
      `ALTER TABLE "employments" DROP CONSTRAINT "ex_employments_no_overlap"`,
    );
    await queryRunner.query(
      `ALTER TABLE "secondments" DROP CONSTRAINT "FK_e3ec3f432b32de254683166076d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "secondments" DROP CONSTRAINT "FK_a8fb9be913b656d391645d2fc5b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "secondments" DROP CONSTRAINT "FK_ce789395a14debd23b41f1f42bc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rotation_plan_entries" DROP CONSTRAINT "FK_0b4f55460284f61c27c560ec02f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rotation_plan_entries" DROP CONSTRAINT "FK_fa66dee9dc30caa000025f18551"`,
    );
    await queryRunner.query(
      `ALTER TABLE "employments" DROP CONSTRAINT "FK_12842ad0174b6bcbb9b977a264c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "employments" DROP CONSTRAINT "FK_d9fb2107b8b59eefc9da5fc1882"`,
    );
    await queryRunner.query(
      `ALTER TABLE "employments" DROP CONSTRAINT "FK_17bfd049aea4d2854717f7b1cfc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancy_rankings" DROP CONSTRAINT "FK_374e3f4b578b5bc84793712ecd0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancy_programmes" DROP CONSTRAINT "FK_6aaa5a1ef7a968f7b20d7ed88b3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancy_programmes" DROP CONSTRAINT "FK_d24f2dae3697de3d53ea28db2b6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "student_seeking" DROP CONSTRAINT "FK_c1bc6a5365684008144b5eb4693"`,
    );
    await queryRunner.query(
      `ALTER TABLE "matches" DROP CONSTRAINT "FK_b6aa04074071f574e80f6057638"`,
    );
    await queryRunner.query(
      `ALTER TABLE "matches" DROP CONSTRAINT "FK_fe373517537dda1987d11e1ef61"`,
    );
    await queryRunner.query(
      `ALTER TABLE "matches" DROP CONSTRAINT "FK_751e7bfa6b73e5b6f68e97ef731"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancies" DROP CONSTRAINT "FK_a67c56bc5609243a4008669c21f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancies" DROP CONSTRAINT "FK_10c071b98781466772db84701b4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancies" DROP CONSTRAINT "FK_1633e3e3bd9b265191a85d23765"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacancies" DROP CONSTRAINT "FK_053198d00d977357314f47d1cf2"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_secondments_employment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_secondments_foundation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_secondments_host"`);
    await queryRunner.query(`DROP TABLE "secondments"`);
    await queryRunner.query(`DROP INDEX "public"."ix_rotation_plan_employment"`);
    await queryRunner.query(`DROP TABLE "rotation_plan_entries"`);
    await queryRunner.query(`DROP INDEX "public"."ix_employments_student"`);
    await queryRunner.query(`DROP INDEX "public"."ix_employments_university"`);
    await queryRunner.query(`DROP INDEX "public"."ix_employments_company"`);
    await queryRunner.query(`DROP INDEX "public"."ix_employments_foundation"`);
    await queryRunner.query(`DROP TABLE "employments"`);
    await queryRunner.query(`DROP TABLE "vacancy_rankings"`);
    await queryRunner.query(`DROP INDEX "public"."ix_vacancy_programmes_programme"`);
    await queryRunner.query(`DROP TABLE "vacancy_programmes"`);
    await queryRunner.query(`DROP TABLE "student_seeking"`);
    await queryRunner.query(`DROP INDEX "public"."uq_matches_live"`);
    await queryRunner.query(`DROP INDEX "public"."ix_matches_run"`);
    await queryRunner.query(`DROP INDEX "public"."ix_matches_university"`);
    await queryRunner.query(`DROP INDEX "public"."ix_matches_company"`);
    await queryRunner.query(`DROP INDEX "public"."ix_matches_foundation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_matches_vacancy"`);
    await queryRunner.query(`DROP TABLE "matches"`);
    await queryRunner.query(`DROP INDEX "public"."ix_vacancies_company"`);
    await queryRunner.query(`DROP INDEX "public"."ix_vacancies_foundation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_vacancies_status"`);
    await queryRunner.query(`DROP TABLE "vacancies"`);
    await queryRunner.query(`DROP INDEX "public"."ix_matching_runs_university"`);
    await queryRunner.query(`DROP TABLE "matching_runs"`);
  }
}
