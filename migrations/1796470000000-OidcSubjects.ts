import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on (issue 14): the institution login (OIDC issuer and subject) an account is
 * linked to on its first sign-in, one account per login at most.
 */
export class OidcSubjects1796470000000 implements MigrationInterface {
  name = 'OidcSubjects1796470000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "oidc_issuer" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "oidc_subject" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_users_oidc_link" ON "users" ("oidc_issuer", "oidc_subject") `,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "ck_users_oidc_link" CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "ck_users_oidc_link"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_oidc_link"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "oidc_subject"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "oidc_issuer"`);
  }
}
