import { MigrationInterface, QueryRunner } from 'typeorm';

/** A user's mail language (issue 15): the weekly digest in Dutch or English. */
export class MailLanguage1796510000000 implements MigrationInterface {
  name = 'MailLanguage1796510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "mail_preferences" ADD "language" character varying(2) NOT NULL DEFAULT 'nl'`,
    );
    await queryRunner.query(
      `ALTER TABLE "mail_preferences" ADD CONSTRAINT "ck_mail_preferences_language" CHECK (language IN ('nl', 'en'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "mail_preferences" DROP CONSTRAINT "ck_mail_preferences_language"`,
    );
    await queryRunner.query(`ALTER TABLE "mail_preferences" DROP COLUMN "language"`);
  }
}
