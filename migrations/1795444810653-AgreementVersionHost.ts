import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Language and host company move onto the version: a re-secondment is an amendment with a new
 * host (who signs it) while the version in force keeps the old one. The agreement row keeps both
 * as a mirror of its current version. Existing versions take their agreement's values.
 */
export class AgreementVersionHost1795444810653 implements MigrationInterface {
  name = 'AgreementVersionHost1795444810653';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agreement_versions" ADD "language" text`);
    await queryRunner.query(`ALTER TABLE "agreement_versions" ADD "host_company_id" uuid`);
    await queryRunner.query(
      `UPDATE "agreement_versions" v SET "language" = a."language", "host_company_id" = a."host_company_id" FROM "agreements" a WHERE a."id" = v."agreement_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_versions" ALTER COLUMN "language" SET NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_agreement_versions_host" ON "agreement_versions" ("host_company_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_versions" ADD CONSTRAINT "ck_agreement_versions_language" CHECK (language IN ('nl', 'en'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_versions" ADD CONSTRAINT "FK_c56bad2c16e397b1629967b0dd1" FOREIGN KEY ("host_company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "agreement_versions" DROP CONSTRAINT "FK_c56bad2c16e397b1629967b0dd1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_versions" DROP CONSTRAINT "ck_agreement_versions_language"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_agreement_versions_host"`);
    await queryRunner.query(`ALTER TABLE "agreement_versions" DROP COLUMN "host_company_id"`);
    await queryRunner.query(`ALTER TABLE "agreement_versions" DROP COLUMN "language"`);
  }
}
