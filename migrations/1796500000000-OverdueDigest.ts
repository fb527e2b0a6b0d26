import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue digest (issue 15): a user's mail preferences (the digest on unless switched off)
 * and, per coordinator, the ISO week of the last digest.
 */
export class OverdueDigest1796500000000 implements MigrationInterface {
  name = 'OverdueDigest1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mail_preferences" ("user_id" uuid NOT NULL, "overdue_digest" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_91d10c82c4b1290df46ca896052" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "overdue_digests" ("user_id" uuid NOT NULL, "last_sent_week" text NOT NULL, CONSTRAINT "PK_2646b26951f484b78b82297a9b8" PRIMARY KEY ("user_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "overdue_digests"`);
    await queryRunner.query(`DROP TABLE "mail_preferences"`);
  }
}
