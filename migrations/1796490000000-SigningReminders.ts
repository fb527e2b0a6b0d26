import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signing reminders (issue 15): per signing request, when the next reminder is due and how many
 * went out, with the link's token sealed while reminding goes on.
 */
export class SigningReminders1796490000000 implements MigrationInterface {
  name = 'SigningReminders1796490000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "signing_reminders" ("message_id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "version_number" integer NOT NULL, "party" text NOT NULL, "token_sealed" text, "next_reminder_at" TIMESTAMP WITH TIME ZONE, "reminders_sent" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_139fb48a952182b6f368f7bd3dc" PRIMARY KEY ("message_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_signing_reminders_due" ON "signing_reminders" ("next_reminder_at") WHERE next_reminder_at IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_signing_reminders_due"`);
    await queryRunner.query(`DROP TABLE "signing_reminders"`);
  }
}
