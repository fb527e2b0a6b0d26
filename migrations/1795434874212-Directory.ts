import { MigrationInterface, QueryRunner } from 'typeorm';

export class Directory1795434874212 implements MigrationInterface {
  name = 'Directory1795434874212';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "companies" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "kvk_number" text NOT NULL, "sbi_code" text NOT NULL, "employee_count" integer NOT NULL, "postcode" text NOT NULL, "city" text, "latitude" numeric(9,6), "longitude" numeric(9,6), CONSTRAINT "UQ_0035ea59f24e905f47bc3e03acb" UNIQUE ("kvk_number"), CONSTRAINT "ck_companies_employees" CHECK (employee_count >= 0), CONSTRAINT "ck_companies_kvk" CHECK (kvk_number ~ '^[0-9]{8}$'), CONSTRAINT "PK_d4bc3e82a314fa9e29f652c2c22" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "supervisors" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "company_id" uuid NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "hours_per_week" numeric(4,1) NOT NULL, "trained" boolean NOT NULL, CONSTRAINT "ck_supervisors_hours" CHECK (hours_per_week >= 0 AND hours_per_week <= 40), CONSTRAINT "PK_7c262062450a70e6f1b9f861232" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_supervisors_company_email" ON "supervisors" ("company_id", "email") `,
    );
    await queryRunner.query(
      `CREATE TABLE "foundations" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "kvk_number" text NOT NULL, "region" text NOT NULL, CONSTRAINT "UQ_4028484bf2e48289364ed8ec0c3" UNIQUE ("kvk_number"), CONSTRAINT "ck_foundations_kvk" CHECK (kvk_number ~ '^[0-9]{8}$'), CONSTRAINT "PK_5ae6a07d44f1d160571e159bcce" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "foundation_members" ("foundation_id" uuid NOT NULL, "company_id" uuid NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_af8007a449c4b114ac86cf8f59a" PRIMARY KEY ("foundation_id", "company_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_foundation_members_company" ON "foundation_members" ("company_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "programmes" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "university_id" uuid NOT NULL, "name" text NOT NULL, "croho_code" text NOT NULL, "degree" text NOT NULL, "level" integer NOT NULL, "nominal_years" integer NOT NULL, "croho_sector" text, "academic_calendar" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "ck_programmes_years" CHECK (nominal_years BETWEEN 1 AND 6), CONSTRAINT "ck_programmes_level" CHECK ((degree = 'associate' AND level = 5) OR (degree = 'bachelor' AND level = 6)), CONSTRAINT "ck_programmes_degree" CHECK (degree IN ('associate', 'bachelor')), CONSTRAINT "PK_116b5f8dbb9f632d76bc144404f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_programmes_university_croho" ON "programmes" ("university_id", "croho_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sector_associations" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "sector" text, "website" text, CONSTRAINT "UQ_ada99e276e36528dba4646ac45c" UNIQUE ("name"), CONSTRAINT "PK_9230684657028cacc985303120d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "routes" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "university_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "name" text NOT NULL, "phase" text NOT NULL, CONSTRAINT "ck_routes_phase" CHECK (phase IN ('in_development', 'pilot', 'running', 'paused', 'stopped')), CONSTRAINT "PK_76100511cdfa1d013c859f01d8b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7991377dca1bdf757765a89103" ON "routes" ("university_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "students" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "university_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "student_number" text NOT NULL, "external_id" text, "first_name" text NOT NULL, "last_name" text NOT NULL, "email" text NOT NULL, "intake_group" text NOT NULL, "prior_education" text NOT NULL, "cohort" integer NOT NULL, "date_of_birth" date, "worked_for_employer_before" boolean NOT NULL DEFAULT false, "months_with_employer_before" integer, CONSTRAINT "ck_students_months_before" CHECK (months_with_employer_before IS NULL OR months_with_employer_before >= 0), CONSTRAINT "ck_students_prior_education" CHECK (prior_education IN ('mbo4', 'havo', 'vwo', 'bachelor', 'other')), CONSTRAINT "ck_students_intake_group" CHECK (intake_group IN ('mbo4_graduate', 'employee_mbo_level', 'employee_hbo_level', 'career_switcher', 'havo_vwo_graduate', 'fulltime_dropout')), CONSTRAINT "PK_7d7f07271ad4ce999880713f05e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_students_programme" ON "students" ("programme_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_students_university_external" ON "students" ("university_id", "external_id") WHERE external_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_students_university_number" ON "students" ("university_id", "student_number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "student_imports" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "university_id" uuid NOT NULL, "status" text NOT NULL, "requested_by_kind" text NOT NULL, "requested_by_id" uuid, "rows" jsonb NOT NULL, "total_rows" integer NOT NULL, "created" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "unchanged" integer NOT NULL DEFAULT '0', "rejected" integer NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "failure_reason" text, CONSTRAINT "ck_student_imports_status" CHECK (status IN ('queued', 'running', 'completed', 'failed')), CONSTRAINT "PK_e0a64834e477075a9b0923c79bb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_student_imports_university" ON "student_imports" ("university_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "route_sector_associations" ("route_id" uuid NOT NULL, "sector_association_id" uuid NOT NULL, CONSTRAINT "PK_9a0d66b397c8aabc654cb6d58b3" PRIMARY KEY ("route_id", "sector_association_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7b6f923006d93864b9bac2fe39" ON "route_sector_associations" ("route_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_989a04aa1735eb4305a9765f8c" ON "route_sector_associations" ("sector_association_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "supervisors" ADD CONSTRAINT "FK_f3fb864744938f0bbff972d1423" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "foundation_members" ADD CONSTRAINT "FK_7ce22b7e80bf04210212b03250b" FOREIGN KEY ("foundation_id") REFERENCES "foundations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "foundation_members" ADD CONSTRAINT "FK_807354a54b6d83b857581a922c8" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "programmes" ADD CONSTRAINT "FK_aedd6d6184e8f16e6328d71ed6f" FOREIGN KEY ("university_id") REFERENCES "universities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "routes" ADD CONSTRAINT "FK_7991377dca1bdf757765a891031" FOREIGN KEY ("university_id") REFERENCES "universities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "routes" ADD CONSTRAINT "FK_c7318ec2a7a4f0cce1e43c692f4" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "students" ADD CONSTRAINT "FK_14d779b146e9ca6f24b5e633448" FOREIGN KEY ("university_id") REFERENCES "universities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "students" ADD CONSTRAINT "FK_ac447415eb235a8587276543772" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_c6f867762195b687a50f3ea1fef" FOREIGN KEY ("foundation_id") REFERENCES "foundations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_7ae6334059289559722437bcc1c" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_4bcc4fd204f448ad671c0747ab4" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "student_imports" ADD CONSTRAINT "FK_43ee891d007644898d2be6bc1be" FOREIGN KEY ("university_id") REFERENCES "universities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "route_sector_associations" ADD CONSTRAINT "FK_7b6f923006d93864b9bac2fe393" FOREIGN KEY ("route_id") REFERENCES "routes"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "route_sector_associations" ADD CONSTRAINT "FK_989a04aa1735eb4305a9765f8c4" FOREIGN KEY ("sector_association_id") REFERENCES "sector_associations"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "route_sector_associations" DROP CONSTRAINT "FK_989a04aa1735eb4305a9765f8c4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "route_sector_associations" DROP CONSTRAINT "FK_7b6f923006d93864b9bac2fe393"`,
    );
    await queryRunner.query(
      `ALTER TABLE "student_imports" DROP CONSTRAINT "FK_43ee891d007644898d2be6bc1be"`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_4bcc4fd204f448ad671c0747ab4"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_7ae6334059289559722437bcc1c"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_c6f867762195b687a50f3ea1fef"`);
    await queryRunner.query(
      `ALTER TABLE "students" DROP CONSTRAINT "FK_ac447415eb235a8587276543772"`,
    );
    await queryRunner.query(
      `ALTER TABLE "students" DROP CONSTRAINT "FK_14d779b146e9ca6f24b5e633448"`,
    );
    await queryRunner.query(
      `ALTER TABLE "routes" DROP CONSTRAINT "FK_c7318ec2a7a4f0cce1e43c692f4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "routes" DROP CONSTRAINT "FK_7991377dca1bdf757765a891031"`,
    );
    await queryRunner.query(
      `ALTER TABLE "programmes" DROP CONSTRAINT "FK_aedd6d6184e8f16e6328d71ed6f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "foundation_members" DROP CONSTRAINT "FK_807354a54b6d83b857581a922c8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "foundation_members" DROP CONSTRAINT "FK_7ce22b7e80bf04210212b03250b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "supervisors" DROP CONSTRAINT "FK_f3fb864744938f0bbff972d1423"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_989a04aa1735eb4305a9765f8c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7b6f923006d93864b9bac2fe39"`);
    await queryRunner.query(`DROP TABLE "route_sector_associations"`);
    await queryRunner.query(`DROP INDEX "public"."ix_student_imports_university"`);
    await queryRunner.query(`DROP TABLE "student_imports"`);
    await queryRunner.query(`DROP INDEX "public"."uq_students_university_number"`);
    await queryRunner.query(`DROP INDEX "public"."uq_students_university_external"`);
    await queryRunner.query(`DROP INDEX "public"."ix_students_programme"`);
    await queryRunner.query(`DROP TABLE "students"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7991377dca1bdf757765a89103"`);
    await queryRunner.query(`DROP TABLE "routes"`);
    await queryRunner.query(`DROP TABLE "sector_associations"`);
    await queryRunner.query(`DROP INDEX "public"."uq_programmes_university_croho"`);
    await queryRunner.query(`DROP TABLE "programmes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_foundation_members_company"`);
    await queryRunner.query(`DROP TABLE "foundation_members"`);
    await queryRunner.query(`DROP TABLE "foundations"`);
    await queryRunner.query(`DROP INDEX "public"."uq_supervisors_company_email"`);
    await queryRunner.query(`DROP TABLE "supervisors"`);
    await queryRunner.query(`DROP TABLE "companies"`);
  }
}
