import { MigrationInterface, QueryRunner } from 'typeorm';

export class Agreements1795442374132 implements MigrationInterface {
  name = 'Agreements1795442374132';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "agreements" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "student_id" uuid NOT NULL, "university_id" uuid NOT NULL, "employer_type" text NOT NULL, "employer_company_id" uuid, "employer_foundation_id" uuid, "host_company_id" uuid, "language" text NOT NULL, "status" text NOT NULL, "current_version_number" integer NOT NULL, "in_force_version_number" integer, "outcome" text, "stayed_with_employer" boolean, "termination_reason" text, "employment_continued" boolean, "closing_note" text, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_agreements_termination_reason" CHECK (termination_reason IS NULL OR termination_reason IN ('dropout', 'employer_switch', 'terminated_by_employer', 'terminated_by_student', 'terminated_by_university')), CONSTRAINT "ck_agreements_outcome" CHECK (outcome IS NULL OR outcome IN ('graduated_on_time', 'graduated_with_delay')), CONSTRAINT "ck_agreements_employer" CHECK ((employer_type = 'company' AND employer_company_id IS NOT NULL AND employer_foundation_id IS NULL AND host_company_id IS NULL)
  OR (employer_type = 'foundation' AND employer_foundation_id IS NOT NULL AND employer_company_id IS NULL AND host_company_id IS NOT NULL)), CONSTRAINT "ck_agreements_language" CHECK (language IN ('nl', 'en')), CONSTRAINT "ck_agreements_status" CHECK (status IN ('draft', 'pending_signatures', 'active', 'completed', 'terminated', 'cancelled')), CONSTRAINT "PK_01532f6c999d44c776e3d1fa4c8" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "ix_agreements_host" ON "agreements" ("host_company_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_agreements_employer_foundation" ON "agreements" ("employer_foundation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_agreements_employer_company" ON "agreements" ("employer_company_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_agreements_student" ON "agreements" ("student_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_agreements_university" ON "agreements" ("university_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "agreement_events" ("id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "seq" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_kind" text NOT NULL, "actor_id" text, "actor_name" text, "action" text NOT NULL, "from_status" text, "to_status" text, "version_number" integer, "reason" text, "data" jsonb NOT NULL DEFAULT '{}', "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_d323cabd417654de506e6a79c44" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_agreement_events_seq" ON "agreement_events" ("agreement_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "agreement_versions" ("id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "number" integer NOT NULL, "status" text NOT NULL, "terms" jsonb NOT NULL, "parties" jsonb, "content_hash" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "activated_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "decline_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_agreement_versions_frozen" CHECK (status = 'draft' OR status = 'cancelled' OR content_hash IS NOT NULL), CONSTRAINT "ck_agreement_versions_status" CHECK (status IN ('draft', 'pending_signatures', 'active', 'superseded', 'declined', 'cancelled')), CONSTRAINT "PK_f1bfb781c008000a73e52a29ccb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_agreement_versions_pending" ON "agreement_versions" ("status", "submitted_at") WHERE status = 'pending_signatures'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_agreement_versions_number" ON "agreement_versions" ("agreement_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "agreement_signatures" ("id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "version_id" uuid NOT NULL, "version_number" integer NOT NULL, "party" text NOT NULL, "signer_name" text NOT NULL, "signer_email" text NOT NULL, "signer_user_id" uuid, "signing_link_id" uuid, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ip_address" text, "user_agent" text, "method" text NOT NULL, "content_hash" text NOT NULL, CONSTRAINT "ck_agreement_signatures_method" CHECK (method IN ('account', 'signing_link')), CONSTRAINT "ck_agreement_signatures_party" CHECK (party IN ('student', 'university', 'employer', 'host')), CONSTRAINT "PK_984a05438f47e2b2be99bb192d5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_agreement_signatures_agreement" ON "agreement_signatures" ("agreement_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_agreement_signatures_party" ON "agreement_signatures" ("version_id", "party") `,
    );
    await queryRunner.query(
      `CREATE TABLE "signing_links" ("id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "version_id" uuid NOT NULL, "version_number" integer NOT NULL, "party" text NOT NULL, "email" text NOT NULL, "name" text NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_signing_links_party" CHECK (party IN ('student', 'university', 'employer', 'host')), CONSTRAINT "PK_94304e248c1cc7032c331565982" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_signing_links_agreement" ON "signing_links" ("agreement_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_signing_links_token_hash" ON "signing_links" ("token_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "FK_f31ba34374bde001dbf09aa4704" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "FK_4f061afcf6f0b5dfcf5a11e8c87" FOREIGN KEY ("university_id") REFERENCES "universities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "FK_a82adc2f0149b50d08cfa5cd675" FOREIGN KEY ("employer_company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "FK_faad1b187fb293495f3532da992" FOREIGN KEY ("employer_foundation_id") REFERENCES "foundations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "FK_279a45e41b477e71f88126f4825" FOREIGN KEY ("host_company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_events" ADD CONSTRAINT "FK_513f77fa5c97e5cd625fb9140e2" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_versions" ADD CONSTRAINT "FK_b5498431a4ab6908eeec22e7303" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_signatures" ADD CONSTRAINT "FK_269a942fab54c243785a73e2c7d" FOREIGN KEY ("version_id") REFERENCES "agreement_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signing_links" ADD CONSTRAINT "FK_bd781205c8189459b3fb04250d3" FOREIGN KEY ("version_id") REFERENCES "agreement_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Agreement events are append-only and hash-chained: the database refuses to change or delete them.
    await queryRunner.query(
      `CREATE FUNCTION refuse_agreement_event_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'agreement events are append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER agreement_events_append_only BEFORE UPDATE OR DELETE ON "agreement_events" FOR EACH ROW EXECUTE FUNCTION refuse_agreement_event_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER agreement_events_append_only ON "agreement_events"`);
    await queryRunner.query(`DROP FUNCTION refuse_agreement_event_change()`);
    await queryRunner.query(
      `ALTER TABLE "signing_links" DROP CONSTRAINT "FK_bd781205c8189459b3fb04250d3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_signatures" DROP CONSTRAINT "FK_269a942fab54c243785a73e2c7d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_versions" DROP CONSTRAINT "FK_b5498431a4ab6908eeec22e7303"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_events" DROP CONSTRAINT "FK_513f77fa5c97e5cd625fb9140e2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" DROP CONSTRAINT "FK_279a45e41b477e71f88126f4825"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" DROP CONSTRAINT "FK_faad1b187fb293495f3532da992"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" DROP CONSTRAINT "FK_a82adc2f0149b50d08cfa5cd675"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" DROP CONSTRAINT "FK_4f061afcf6f0b5dfcf5a11e8c87"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" DROP CONSTRAINT "FK_f31ba34374bde001dbf09aa4704"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_signing_links_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_signing_links_agreement"`);
    await queryRunner.query(`DROP TABLE "signing_links"`);
    await queryRunner.query(`DROP INDEX "public"."uq_agreement_signatures_party"`);
    await queryRunner.query(`DROP INDEX "public"."ix_agreement_signatures_agreement"`);
    await queryRunner.query(`DROP TABLE "agreement_signatures"`);
    await queryRunner.query(`DROP INDEX "public"."uq_agreement_versions_number"`);
    await queryRunner.query(`DROP INDEX "public"."ix_agreement_versions_pending"`);
    await queryRunner.query(`DROP TABLE "agreement_versions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_agreement_events_seq"`);
    await queryRunner.query(`DROP TABLE "agreement_events"`);
    await queryRunner.query(`DROP INDEX "public"."ix_agreements_university"`);
    await queryRunner.query(`DROP INDEX "public"."ix_agreements_student"`);
    await queryRunner.query(`DROP INDEX "public"."ix_agreements_employer_company"`);
    await queryRunner.query(`DROP INDEX "public"."ix_agreements_employer_foundation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_agreements_host"`);
    await queryRunner.query(`DROP TABLE "agreements"`);
  }
}
