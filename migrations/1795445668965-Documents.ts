import { MigrationInterface, QueryRunner } from 'typeorm';

export class Documents1795445668965 implements MigrationInterface {
  name = 'Documents1795445668965';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "version_number" integer NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "content_hash" text NOT NULL, "sha256" text, "size_bytes" integer, "storage_key" text, "sealed_at" TIMESTAMP WITH TIME ZONE, "certificate_fingerprint" text, "attempts" integer NOT NULL DEFAULT '0', "error" text, "ready_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_documents_ready" CHECK (status <> 'ready' OR (sha256 IS NOT NULL AND storage_key IS NOT NULL)), CONSTRAINT "ck_documents_status" CHECK (status IN ('queued', 'processing', 'ready', 'failed')), CONSTRAINT "ck_documents_kind" CHECK (kind IN ('preview', 'signed')), CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_documents_sha256" ON "documents" ("sha256") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_documents_version_kind" ON "documents" ("agreement_id", "version_number", "kind") `,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_c0f30412608d3a0ccf34a009a8d" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "documents" DROP CONSTRAINT "FK_c0f30412608d3a0ccf34a009a8d"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_documents_version_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_documents_sha256"`);
    await queryRunner.query(`DROP TABLE "documents"`);
  }
}
