import { MigrationInterface, QueryRunner } from 'typeorm';

export class Platform1795434757362 implements MigrationInterface {
  name = 'Platform1795434757362';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" uuid NOT NULL, "resource_type" text NOT NULL, "resource_id" uuid NOT NULL, "action" text NOT NULL, "actor_kind" text NOT NULL, "actor_id" uuid, "university_id" uuid, "data" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_32209b10e0624239828bb151cb" ON "audit_events" ("resource_type", "resource_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" uuid NOT NULL, "queue" text NOT NULL, "job_name" text NOT NULL, "job_id" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_unsent" ON "outbox" ("id") WHERE sent_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_records" ("caller_key" text NOT NULL, "idempotency_key" text NOT NULL, "request_hash" text NOT NULL, "state" text NOT NULL, "status_code" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_idempotency_state" CHECK (state IN ('in_progress', 'completed')), CONSTRAINT "PK_929413decf8cc082dbf7686efce" PRIMARY KEY ("caller_key", "idempotency_key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_idempotency_created" ON "idempotency_records" ("created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "universities" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "brin_code" text NOT NULL, "city" text, CONSTRAINT "UQ_c6b76e01d63e0c090c8253a022e" UNIQUE ("brin_code"), CONSTRAINT "PK_8da52f2cee6b407559fdbabf59e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "university_id" uuid NOT NULL, "key_prefix" text NOT NULL, "secret_hash" text NOT NULL, "created_by_id" uuid, "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_fef9aa4a1cf4f8c063ac5d75f2e" UNIQUE ("secret_hash"), CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3bce3feed02153e3d4250c6d38" ON "api_keys" ("university_id") `,
    );
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "university_id" uuid, "foundation_id" uuid, "company_id" uuid, "student_id" uuid, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "ck_users_role_scope" CHECK ((role = 'admin' AND university_id IS NULL AND foundation_id IS NULL AND company_id IS NULL AND student_id IS NULL)
  OR (role = 'coordinator' AND university_id IS NOT NULL AND foundation_id IS NULL AND company_id IS NULL AND student_id IS NULL)
  OR (role = 'foundation_staff' AND foundation_id IS NOT NULL AND university_id IS NULL AND company_id IS NULL AND student_id IS NULL)
  OR (role = 'company_rep' AND company_id IS NOT NULL AND university_id IS NULL AND foundation_id IS NULL AND student_id IS NULL)
  OR (role = 'student' AND student_id IS NOT NULL AND university_id IS NOT NULL AND foundation_id IS NULL AND company_id IS NULL)), CONSTRAINT "ck_users_role" CHECK (role IN ('admin', 'coordinator', 'foundation_staff', 'company_rep', 'student')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "FK_3bce3feed02153e3d4250c6d384" FOREIGN KEY ("university_id") REFERENCES "universities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_2bef1cc35d499b5c4b5d68fcf7d" FOREIGN KEY ("university_id") REFERENCES "universities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Audit events are append-only: the database itself refuses to change or delete them.
    await queryRunner.query(
      `CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION refuse_audit_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_append_only ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION refuse_audit_change()`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_2bef1cc35d499b5c4b5d68fcf7d"`);
    await queryRunner.query(
      `ALTER TABLE "api_keys" DROP CONSTRAINT "FK_3bce3feed02153e3d4250c6d384"`,
    );
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3bce3feed02153e3d4250c6d38"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP TABLE "universities"`);
    await queryRunner.query(`DROP INDEX "public"."ix_idempotency_created"`);
    await queryRunner.query(`DROP TABLE "idempotency_records"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_unsent"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_32209b10e0624239828bb151cb"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
