import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail to people (issue 15): one row per message, written with its job in the transaction of
 * the change that causes it; a signing token waits on it sealed, never in clear.
 */
export class Messages1796480000000 implements MigrationInterface {
  name = 'Messages1796480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" uuid NOT NULL, "kind" text NOT NULL, "agreement_id" uuid, "university_id" uuid NOT NULL, "recipient_name" text NOT NULL, "recipient_email" text NOT NULL, "language" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "message_id" text NOT NULL, "data" jsonb NOT NULL, "token_sealed" text, "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_6187089f850b8deeca0232cfeba" UNIQUE ("message_id"), CONSTRAINT "ck_messages_language" CHECK (language IN ('nl', 'en')), CONSTRAINT "ck_messages_status" CHECK (status IN ('pending', 'sent', 'failed')), CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_messages_agreement" ON "messages" ("agreement_id", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_messages_agreement"`);
    await queryRunner.query(`DROP TABLE "messages"`);
  }
}
